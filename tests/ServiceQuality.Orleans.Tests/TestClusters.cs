using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Orleans.Scores;
using ServiceQuality.PostgreSql;

namespace ServiceQuality.Orleans.Tests;

/// <summary>
/// Real in-process clusters (Orleans TestingHost): every silo registers ServiceQuality the way a host does, over ONE
/// store shared by the cluster's silos — the in-memory store, or PostgreSQL when <c>SERVICEQUALITY_POSTGRES</c> is set
/// (a fresh schema per cluster) — so a grain that moves to another silo finds its complaint there. The silos see it
/// through <see cref="ContestedComplaintStore"/>: another writer keeps moving the complaints named <c>CONTESTED-...</c>.
/// Likewise one reminder table (<see cref="SharedReminderTable"/>) shared by the cluster's silos, so a stopped silo's
/// reminders fire on the survivors. A cluster started with a <see cref="FakeTimeProvider"/> runs the complaints' time (the lifecycle)
/// and the reminders' time (Orleans' keyed reminder clock) on it, so a test moves SLA clocks forward by hours at once;
/// the rest of Orleans (membership, messaging) keeps the system clock.
/// </summary>
internal static class TestClusters
{
    public const string PostgresVariable = "SERVICEQUALITY_POSTGRES";

    private static readonly ConcurrentDictionary<string, IComplaintStore> Stores = new();
    private static readonly ConcurrentDictionary<string, SharedReminderTable> Reminders = new();
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();
    private static readonly ConcurrentDictionary<string, RecordingAlertHandler> Handlers = new();

    /// <summary>Starts a cluster of <paramref name="silos"/> silos and returns it with the store its silos share.</summary>
    public static async Task<(TestCluster Cluster, IComplaintStore Store)> StartAsync(short silos, FakeTimeProvider? time = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ClusterId = "sq-" + Guid.NewGuid().ToString("N")[..12];
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var store = await CreateStoreAsync();
        Stores[builder.Options.ClusterId] = store;
        Reminders[builder.Options.ClusterId] = new SharedReminderTable();
        Handlers[builder.Options.ClusterId] = new RecordingAlertHandler();
        if (time is not null)
        {
            Clocks[builder.Options.ClusterId] = time;
        }

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return (cluster, store);
    }

    /// <summary>Gets the reminder table the cluster's silos share.</summary>
    public static SharedReminderTable ReminderTableOf(TestCluster cluster) => Reminders[cluster.Options.ClusterId];

    /// <summary>Gets the SLA alert handler every silo of the cluster registers: what the silos handed out.</summary>
    public static RecordingAlertHandler AlertHandlerOf(TestCluster cluster) => Handlers[cluster.Options.ClusterId];

    public static async Task StopAsync(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
        Reminders.TryRemove(cluster.Options.ClusterId, out _);
        Clocks.TryRemove(cluster.Options.ClusterId, out _);
        Handlers.TryRemove(cluster.Options.ClusterId, out _);
        if (Stores.TryRemove(cluster.Options.ClusterId, out var store) && store is PostgreSqlComplaintStore postgres)
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<IComplaintStore> CreateStoreAsync()
    {
        string? connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new InMemoryComplaintStore();
        }

        var store = new PostgreSqlComplaintStore(new PostgreSqlComplaintStoreOptions
        {
            ConnectionString = connectionString,
            Schema = "orleans_" + Guid.NewGuid().ToString("N")[..16],
        });
        await store.InitializeAsync();
        return store;
    }

    /// <summary>What each silo's host does: AddServiceQuality over the cluster's shared store and reminder table.</summary>
    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseServiceQuality().AddMemoryGrainStorage(ScoreGrains.StorageName);
            var services = siloBuilder.Services;
            services.AddSingleton<IReminderTable>(sp => Reminders[ClusterIdOf(sp)]);
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, (sp, _) => ClockOf(sp));
            services.AddSingleton<ISlaAlertHandler>(sp => Handlers[ClusterIdOf(sp)]);
            // Registered first, so AddServiceQuality keeps it: the complaints' time is the cluster's clock.
            services.AddSingleton(sp => new ComplaintLifecycle(new ComplaintOptions(), ClockOf(sp)));
            // The complaints whose ids start with CONTESTED- are kept moving by another writer of the store (ContestedComplaintStore).
            services.AddServiceQuality().UseComplaintStore(sp => NotOwned.Wrap(ContestedComplaintStore.Wrap(Stores[ClusterIdOf(sp)])));
        }

        private static string ClusterIdOf(IServiceProvider sp) => sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;

        private static TimeProvider ClockOf(IServiceProvider sp) => Clocks.TryGetValue(ClusterIdOf(sp), out var clock) ? clock : TimeProvider.System;
    }

    /// <summary>
    /// The shared store as a silo sees it: a forwarding proxy without <see cref="IAsyncDisposable"/>, so a stopped
    /// silo's container (which disposes what its factories made) does not dispose the store the surviving silos use.
    /// </summary>
    public class NotOwned : System.Reflection.DispatchProxy
    {
        private IComplaintStore _target = null!;

        public static IComplaintStore Wrap(IComplaintStore target)
        {
            var proxy = Create<IComplaintStore, NotOwned>();
            ((NotOwned)(object)proxy)._target = target;
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            try
            {
                return targetMethod!.Invoke(_target, args);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.UseServiceQuality();
    }
}

/// <summary>Keeps every SLA alert a silo handed to its <see cref="ISlaAlertHandler"/>s.</summary>
public sealed class RecordingAlertHandler : ISlaAlertHandler
{
    private readonly ConcurrentQueue<SlaAlert> _alerts = new();

    public IReadOnlyList<SlaAlert> Alerts => [.. _alerts];

    public ValueTask HandleAsync(SlaAlert alert, CancellationToken cancellationToken)
    {
        _alerts.Enqueue(alert);
        return ValueTask.CompletedTask;
    }
}

/// <summary>One three-silo cluster shared by the tests that do not stop silos.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IComplaintStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => (Cluster, Store) = await TestClusters.StartAsync(3);

    public Task DisposeAsync() => TestClusters.StopAsync(Cluster);
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three silos";
}
