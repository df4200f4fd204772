using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Orleans.Complaints;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// The cost of the actor hop: one complaint's walk (receive, acknowledge, start investigating, add information, post
/// an update: five commands, each stored) through <see cref="IComplaintGrain"/> on an in-process cluster of 1 or 3
/// silos (Orleans TestingHost: real sockets on loopback, the client a separate cluster client), against the direct
/// <see cref="ComplaintService"/> (the baseline) on the same kind of store (in memory, so the hop is what is measured).
/// The grain keeps the complaint between commands; the service loads and replays it for each. SLA reminders are off
/// here (<c>SlaReminders = false</c>): their cost is <see cref="OrleansReminderBenchmarks"/>'.
/// </summary>
[MemoryDiagnoser]
public class OrleansBenchmarks
{
    private static readonly ConcurrentDictionary<string, IComplaintStore> Stores = new();
    private static readonly ComplaintIntake Intake = new() { ClientId = "client-1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour.", Actor = "desk" };
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
        return last.Complaint!.Snapshot.Version;
    }

    [Benchmark]
    public Task<long> ThroughGrain() => WalkAsync(_cluster.GrainFactory, $"G-{Interlocked.Increment(ref _next)}");

    /// <summary>The walk through the grain of complaint <paramref name="id"/>: receive and four commands.</summary>
    internal static async Task<long> WalkAsync(IGrainFactory grains, string id)
    {
        var grain = grains.GetGrain<IComplaintGrain>(id);
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
            siloBuilder.UseServiceQuality(o => o.SlaReminders = false).Services
                .AddServiceQuality()
                .UseComplaintStore(sp => Stores[sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId]);
    }

    internal sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.UseServiceQuality();
    }
}

/// <summary>
/// The cost of the SLA reminder: the same five-command walk through <see cref="IComplaintGrain"/> on one silo, with the
/// complaint's SLA clocks as an Orleans reminder (re-armed when an event moves the next due time: on receive, acknowledge
/// and post update, 3 of the 5 commands; start investigating and add information leave it as it is) against the same
/// silo without reminders (the baseline). The reminder table is Orleans' in-memory one (<c>UseInMemoryReminderService</c>,
/// a grain on the silo): what is measured is the reminder service's round trip and bookkeeping, not a database's write.
/// </summary>
[MemoryDiagnoser]
public class OrleansReminderBenchmarks
{
    private static readonly ConcurrentDictionary<string, IComplaintStore> Stores = new();
    private TestCluster _without = null!;
    private TestCluster _with = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _without = await StartAsync<WithoutReminders>();
        _with = await StartAsync<WithReminders>();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var cluster in new[] { _without, _with })
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<long> WalkWithoutReminders() => OrleansBenchmarks.WalkAsync(_without.GrainFactory, $"N-{Interlocked.Increment(ref _next)}");

    [Benchmark]
    public Task<long> WalkWithReminders() => OrleansBenchmarks.WalkAsync(_with.GrainFactory, $"R-{Interlocked.Increment(ref _next)}");

    private static async Task<TestCluster> StartAsync<TConfigurator>()
        where TConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ClusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        builder.AddClientBuilderConfigurator<OrleansBenchmarks.ClientConfigurator>();
        Stores[builder.Options.ClusterId] = new InMemoryComplaintStore();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static string ClusterIdOf(IServiceProvider sp) => sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;

    private sealed class WithoutReminders : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.UseServiceQuality(o => o.SlaReminders = false).Services
                .AddServiceQuality()
                .UseComplaintStore(sp => Stores[ClusterIdOf(sp)]);
    }

    private sealed class WithReminders : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.UseServiceQuality().UseInMemoryReminderService().Services
                .AddServiceQuality()
                .UseComplaintStore(sp => Stores[ClusterIdOf(sp)]);
    }
}
