using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceQuality;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Orleans.Scores;
using ServiceQuality.Samples.Orleans;

// The same complaints on a cluster of silos on loopback (README.md beside this file):
//   dotnet run -- silo 0            silo 0: silo port 11111, gateway 30000
//   dotnet run -- silo 1            silo 1: silo port 11112, gateway 30001 (and "silo 2": 11113, 30002)
//   dotnet run -- client 20         20 complaints through the grains, survey scores merged across the silos
// With --postgres "<Npgsql connection string>" (on every silo and the client) the cluster runs on PostgreSQL: ADO.NET
// clustering and reminders in the Orleans tables (created by the embedded OrleansPostgreSql.sql when missing; any silo
// may start first, the client finds the gateways in the membership table) and the complaints in the PostgreSQL store.
// Without it: development clustering (silo 0 first), in-memory reminders, and the complaints in a SQLite file (--db,
// default complaints.db) every silo shares.
string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

string? postgres = Option("--postgres");
switch (args.FirstOrDefault())
{
    case "silo" when args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int n) && n is >= 0 and < 10:
        var silo = await SampleCluster.CreateSiloAsync(SampleCluster.SiloPort + n, SampleCluster.GatewayPort + n, postgres, Option("--db") ?? "complaints.db", Option("--settings"));
        await silo.Build().RunAsync();
        return 0;
    case "client":
        return await RunClientAsync(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int count) && count > 0 ? count : 20);
    default:
        Console.Error.WriteLine("usage: silo <0-9> [--db complaints.db | --postgres \"<connection string>\"] [--settings appsettings.json]  |  client [complaints] [--postgres \"<connection string>\"]");
        return 2;
}

async Task<int> RunClientAsync(int complaints)
{
    using var host = SampleCluster.CreateClient(postgres).Build();
    await host.StartAsync();
    var cluster = host.Services.GetRequiredService<IClusterClient>();

    string run = TimeProvider.System.GetUtcNow().ToString("HHmmss", CultureInfo.InvariantCulture);
    for (int i = 0; i < complaints; i++)
    {
        var grain = cluster.GetGrain<IComplaintGrain>($"S-{run}-{i:D3}");
        await grain.ReceiveAsync(new ComplaintIntake { ClientId = $"client-{i % 7}", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour since Monday.", Actor = "desk" });
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
    Console.WriteLine($"Scores merged from {tally.Partitions} per-silo partials: {scorecard.SampleSize} responses, NPS {scorecard.Nps.EstimatePoints:F1}, CSAT top-2 box {scorecard.Csat.TopBox.Estimate:P1}");
    await host.StopAsync();
    return 0;
}
