using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceQuality;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Orleans.Scores;
using ServiceQuality.Sla;

// The same complaints on a cluster of silos on loopback (README.md beside this file):
//   dotnet run -- silo 0            the primary silo: silo port 11111, gateway 30000
//   dotnet run -- silo 1            a second silo:    silo port 11112, gateway 30001 (and "silo 2": 11113, 30002)
//   dotnet run -- client 20         20 complaints through the grains, survey scores merged across the silos
// Every silo keeps complaints in the same store: a SQLite file (--db, default complaints.db in the current folder)
// or PostgreSQL (--postgres "<Npgsql connection string>"), so a complaint's grain can run on any of them.
const int SiloPort = 11111;
const int GatewayPort = 30000;

string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

switch (args.FirstOrDefault())
{
    case "silo" when args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int n) && n is >= 0 and < 10:
        await RunSiloAsync(n, Option("--db") ?? "complaints.db", Option("--postgres"), Option("--settings"));
        return 0;
    case "client":
        return await RunClientAsync(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int count) && count > 0 ? count : 20);
    default:
        Console.Error.WriteLine("usage: silo <0-9> [--db complaints.db | --postgres \"<connection string>\"] [--settings appsettings.json]  |  client [complaints]");
        return 2;
}

// --settings: a JSON file whose ServiceQuality section configures the complaints (policies, SLA, calendars), e.g. the
// WebApi sample's appsettings.json when that API is a client of these silos (Backend=Orleans): both must decide alike.
async Task RunSiloAsync(int n, string db, string? postgres, string? settings)
{
    var builder = Host.CreateApplicationBuilder();
    if (settings is not null)
    {
        builder.Configuration.AddJsonFile(Path.GetFullPath(settings), optional: false);
    }

    builder.UseOrleans(silo => silo
        .UseServiceQuality()
        .UseInMemoryReminderService()
        .AddMemoryGrainStorage(ScoreGrains.StorageName)
        .UseLocalhostClustering(siloPort: SiloPort + n, gatewayPort: GatewayPort + n, primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, SiloPort)));
    var serviceQuality = settings is null ? builder.Services.AddServiceQuality() : builder.Services.AddServiceQuality(builder.Configuration);
    _ = postgres is null ? serviceQuality.UseSqlite($"Data Source={db}") : serviceQuality.UsePostgreSql(postgres);
    await builder.Build().RunAsync();
}

async Task<int> RunClientAsync(int complaints)
{
    var builder = Host.CreateApplicationBuilder();
    builder.UseOrleansClient(client => client
        .UseServiceQuality()
        .UseLocalhostClustering([GatewayPort, GatewayPort + 1, GatewayPort + 2]));
    using var host = builder.Build();
    await host.StartAsync();
    var cluster = host.Services.GetRequiredService<IClusterClient>();

    string run = TimeProvider.System.GetUtcNow().ToString("HHmmss", CultureInfo.InvariantCulture);
    for (int i = 0; i < complaints; i++)
    {
        var grain = cluster.GetGrain<IComplaintGrain>($"S-{run}-{i:D3}");
        await grain.ReceiveAsync(new ComplaintIntake($"client-{i % 7}", ClientSegment.External, ContactChannel.Email, Priority.Normal, "The VPN drops every hour since Monday.", "desk"));
        await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you for telling us." });
        await grain.ExecuteAsync(ComplaintCommand.StartInvestigating, new() { Actor = "ann" });
        var refused = await grain.ExecuteAsync(ComplaintCommand.DeliverFix, new() { Actor = "ann", Channel = ContactChannel.Email, Resolution = "Router replaced." });
        var reply = await grain.ExecuteAsync(ComplaintCommand.PostUpdate, new() { Actor = "ann", Channel = ContactChannel.Email, Update = "Engineer booked for 10:00." });
        Console.WriteLine($"{reply.ComplaintId}: {reply.Complaint!.State} v{reply.Complaint.Version}; DeliverFix refused: {refused.Refusal!.Message}");
    }

    var intake = cluster.GetGrain<IScoreIntakeGrain>("all");
    var random = new Random(7);
    for (int batch = 0; batch < 10; batch++)
    {
        await intake.AddSurveyResponsesAsync([.. Enumerable.Range(0, 20).Select(i => new SurveyResponse
        {
            ClientId = $"client-{random.Next(50)}",
            AnsweredAt = DateTimeOffset.UnixEpoch.AddDays(20_000 + batch),
            Nps = random.Next(11),
            Csat = random.Next(1, 6),
        })]);
    }

    var tally = await cluster.GetGrain<IScorecardGrain>("all").GetTallyAsync();
    var scorecard = tally.GetScorecard();
    Console.WriteLine($"Scores merged from {tally.Partitions} per-silo partials: {scorecard.Responses} responses, NPS {scorecard.Nps.Points:F1}, CSAT top-2 box {scorecard.Csat.TopBox.Estimate:P1}");
    await host.StopAsync();
    return 0;
}
