using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// The cost of the actor hop: one complaint's walk (receive, acknowledge, start investigating, add information, post
/// an update: five commands, each stored) through <see cref="IComplaintGrain"/> on an in-process cluster of 1 or 3
/// silos (Orleans TestingHost: real sockets on loopback, the client a separate cluster client), against the direct
/// <see cref="ComplaintService"/> (the baseline) on the same kind of store (in memory, so the hop is what is measured).
/// The grain keeps the complaint between commands; the service loads and replays it for each.
/// </summary>
[MemoryDiagnoser]
public class OrleansBenchmarks
{
    private static readonly ConcurrentDictionary<string, IComplaintStore> Stores = new();
    private static readonly ComplaintIntake Intake = new("client-1", ClientSegment.External, ContactChannel.Email, Priority.Normal, "The VPN drops every hour.", "desk");
    private TestCluster _cluster = null!;
    private ComplaintService _direct = null!;
    private int _next;

    [Params(1, 3)]
    public int Silos { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = new TestClusterBuilder((short)Silos);
        builder.Options.ClusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Stores[builder.Options.ClusterId] = new InMemoryComplaintStore();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _direct = new ComplaintService(new ComplaintLifecycle(), new InMemoryComplaintStore());
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> DirectService()
    {
        string id = $"D-{Interlocked.Increment(ref _next)}";
        await _direct.ReceiveAsync(Intake.ToRequest(id));
        await _direct.ExecuteAsync(id, c => c.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us."));
        await _direct.ExecuteAsync(id, c => c.StartInvestigating("ann"));
        await _direct.ExecuteAsync(id, c => c.AddInformation("ann", "Router logs show resets."));
        var last = await _direct.ExecuteAsync(id, c => c.PostUpdate("ann", ContactChannel.Email, "Engineer booked for 10:00."));
        return last.Complaint.Version;
    }

    [Benchmark]
    public async Task<long> ThroughGrain()
    {
        var grain = _cluster.GrainFactory.GetGrain<IComplaintGrain>($"G-{Interlocked.Increment(ref _next)}");
        await grain.ReceiveAsync(Intake);
        await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you for telling us." });
        await grain.ExecuteAsync(ComplaintCommand.StartInvestigating, new() { Actor = "ann" });
        await grain.ExecuteAsync(ComplaintCommand.AddInformation, new() { Actor = "ann", Information = "Router logs show resets." });
        var last = await grain.ExecuteAsync(ComplaintCommand.PostUpdate, new() { Actor = "ann", Channel = ContactChannel.Email, Update = "Engineer booked for 10:00." });
        return last.Complaint!.Version;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.UseServiceQuality().Services
                .AddServiceQuality()
                .UseComplaintStore(sp => Stores[sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId]);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.UseServiceQuality();
    }
}
