using Microsoft.AspNetCore.Http.Json;
using ServiceQuality.Samples.WebApi;
using ServiceQuality.Samples.WebApi.Complaints;
using ServiceQuality.Samples.WebApi.Monitoring;
using ServiceQuality.Samples.WebApi.Surveys;

var builder = WebApplication.CreateSlimBuilder(args);

// The whole library from one configuration section: policies, SLA per priority and the business calendar,
// validated when the host starts (a bad setting stops the app with every problem in one message).
builder.Services.AddServiceQuality(builder.Configuration.GetSection("ServiceQuality"));

builder.Services.AddSingleton<SurveyRepository>();
builder.Services.AddOptions<SlaMonitorOptions>()
    .Bind(builder.Configuration.GetSection(SlaMonitorOptions.SectionName))
    .Validate(o => o.Interval >= SlaMonitorOptions.MinimumInterval && o.Interval <= SlaMonitorOptions.MaximumInterval, SlaMonitorOptions.IntervalRange)
    .ValidateOnStart();
builder.Services.AddHostedService<SlaMonitorService>();

builder.Services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));

// Bad input becomes 400 problem details naming the field: binding failures are thrown (not answered with an empty
// 400) so that ApiExceptionHandler can explain them, and the library's ArgumentExceptions land there too.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthChecks("/health");
app.MapComplaints();
app.MapSurveys();
app.MapGet("/lifecycle", (ServiceQuality.Complaints.ComplaintLifecycle lifecycle) => TypedResults.Text(lifecycle.ToMermaid(), "text/plain; charset=utf-8"));

app.Run();
