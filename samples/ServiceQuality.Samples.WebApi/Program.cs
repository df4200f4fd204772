using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ServiceQuality.Samples.WebApi;
using ServiceQuality.Samples.WebApi.Complaints;
using ServiceQuality.Samples.WebApi.Security;
using ServiceQuality.Samples.WebApi.Surveys;

var builder = WebApplication.CreateSlimBuilder(args);

// No request body over 1 MB: Kestrel refuses it with 413 (as problem details, through ApiExceptionHandler).
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ApiLimits.MaxRequestBodyBytes);

// The whole library from the ServiceQuality section (missing section, unknown keys and bad values stop the app at
// start with every problem in one message), with the hosted SLA monitor, auto-close and health checks.
// Complaints are kept in a SQLite file (Storage:SqliteFile, servicequality.db under the content root), or in
// PostgreSQL when ConnectionStrings:ServiceQuality is set: ComplaintStorage.cs.
var serviceQuality = builder.Services.AddServiceQuality(builder.Configuration).AddHealthChecks();
string storedIn = ComplaintStorage.Use(serviceQuality, builder.Configuration, builder.Environment);

// Who runs the complaints (Backend: Local or Orleans; ComplaintBackend.cs): this host's ComplaintService, or the
// complaint grains of an Orleans cluster whose silos share this store. On a cluster, the silos keep the SLA clocks as
// reminders; here, this host's hosted SLA monitor and auto-close do.
var (clustered, runBy) = ComplaintBackend.Use(builder);
if (!clustered)
{
    serviceQuality.AddSlaMonitor().AddAutoClose();
}

builder.Services.AddSingleton<SurveyRepository>();
builder.Services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));

// Bad input becomes 400 problem details naming the field: binding failures are thrown (not answered with an empty
// 400) so that ApiExceptionHandler can explain them, and the library's ArgumentExceptions land there too. Every other
// error status with no body (401, 403, 404, 405, 429) gets problem details from the status code pages.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Explain);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();

// API keys (X-Api-Key): agents act on any complaint, a client reads only its own. Every endpoint needs a key unless
// it says otherwise.
builder.Services.AddAuthentication(ApiKeyOptions.Scheme)
    .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyOptions.Scheme, null);
builder.Services.AddOptions<ApiKeySettings>().Bind(builder.Configuration.GetSection(ApiKeySettings.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ApiKeySettings>, ApiKeySettingsValidator>();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(ApiRoles.Agent, p => p.RequireRole(ApiRoles.Agent))
    .AddPolicy(ApiRoles.Client, p => p.RequireRole(ApiRoles.Agent, ApiRoles.Client));

// A token bucket per caller (API key holder, or remote address when anonymous): RateLimiting:PermitsPerSecond, Burst.
var limits = builder.Configuration.GetSection(RateLimits.SectionName).Get<RateLimits>() ?? new RateLimits();
limits.Validate();
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
        context.User.Identity?.IsAuthenticated == true ? $"key:{context.User.Identity.Name}" : $"ip:{context.Connection.RemoteIpAddress}",
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = limits.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    o.OnRejected = (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Ceiling(retry.TotalSeconds) : 1)
            .ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    };
});

builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyDocumentTransformer>());

var app = builder.Build();
app.Logger.LogInformation("Complaints are kept in {Store}.", storedIn);
app.Logger.LogInformation("Complaints are run by {Backend}.", runBy);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
app.MapOpenApi().AllowAnonymous();
app.MapComplaints();
app.MapSurveys();
app.MapGet("/lifecycle", (ServiceQuality.Complaints.ComplaintLifecycle lifecycle) => TypedResults.Text(lifecycle.ToMermaid(), "text/plain; charset=utf-8"))
    .AllowAnonymous();

app.Run();
