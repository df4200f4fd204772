using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Hosting;

public class HostedServicesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SlaMonitor_ClocksGoAtRiskThenBreach_EachChangeHandledAndLoggedOnce()
    {
        var clock = new FakeTimeProvider(T0);
        var handler = new RecordingHandler();
        var logs = new FakeLogCollector();
        using var host = Build(clock, logs, s =>
        {
            s.AddSingleton<ISlaAlertHandler>(handler);
            s.AddServiceQuality(o => o.SlaMonitor.Interval = TimeSpan.FromMinutes(1)).AddSlaMonitor().AddSlaMonitor();
        });
        var service = host.Services.GetRequiredService<ComplaintService>();
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "VPN down", Actor = "desk" });
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<SlaMonitorService>();
        await WaitAsync(() => monitor.Sweeps >= 1);

        // Normal: acknowledge within 4 hours, at risk from 50%.
        await AdvanceAndSweepAsync(clock, monitor, TimeSpan.FromHours(2));
        await AdvanceAndSweepAsync(clock, monitor, TimeSpan.FromMinutes(1));
        await AdvanceAndSweepAsync(clock, monitor, TimeSpan.FromHours(2));
        await AdvanceAndSweepAsync(clock, monitor, TimeSpan.FromMinutes(1));

        Assert.Equal(
            [("Q1", SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0.AddHours(4)), ("Q1", SlaClockKind.Acknowledge, SlaStatus.Breached, T0.AddHours(4))],
            handler.Alerts.Select(a => (a.ComplaintId, a.Clock, a.Status, a.BreachAt!.Value)));
        var alerts = logs.GetSnapshot().Where(r => r.Id.Id is 1100 or 1101).ToArray();
        Assert.Equal([(1100, LogLevel.Warning), (1101, LogLevel.Error)], alerts.Select(r => (r.Id.Id, r.Level)));
        Assert.Equal("SLA breached: complaint Q1 of client C1, Acknowledge clock, breached at 2026-11-23T13:00:00.0000000+00:00", alerts[1].Message);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<SlaMonitorService>());
        await host.StopAsync();
    }

    [Fact]
    public async Task SlaMonitor_AHandlerThatThrows_IsLogged_AndTheOthersStillRun()
    {
        var clock = new FakeTimeProvider(T0);
        var handler = new RecordingHandler();
        var logs = new FakeLogCollector();
        using var host = Build(clock, logs, s =>
        {
            s.AddSingleton<ISlaAlertHandler>(new ThrowingHandler());
            s.AddSingleton<ISlaAlertHandler>(handler);
            s.AddServiceQuality().AddSlaMonitor();
        });
        await host.Services.GetRequiredService<ComplaintService>().ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Critical, Text = "Site down", Actor = "desk" });
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<SlaMonitorService>();
        await WaitAsync(() => monitor.Sweeps >= 1);

        await AdvanceAndSweepAsync(clock, monitor, TimeSpan.FromMinutes(10));   // Critical: 15 minutes to acknowledge

        Assert.Equal([SlaStatus.AtRisk], handler.Alerts.Select(a => a.Status));
        var failed = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == ServiceQualityLogEvents.SlaAlertHandlerFailed);
        Assert.Equal("SLA alert handler ThrowingHandler failed for complaint Q1, Acknowledge clock; the other handlers still ran", failed.Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task AutoClose_ClosesExactlyTheResolvedComplaintsWhoseWindowPassed()
    {
        var clock = new FakeTimeProvider(T0);
        var logs = new FakeLogCollector();
        using var host = Build(clock, logs, s => s.AddServiceQuality(o =>
        {
            o.Complaints.AutoCloseAfter = TimeSpan.FromDays(7);
            o.AutoClose.Interval = TimeSpan.FromHours(1);
        }).AddAutoClose());
        var service = host.Services.GetRequiredService<ComplaintService>();
        await ResolvedAsync(service, clock, "Q1");                  // resolved on day 0
        await ReceivedAsync(service, "Q3");                          // never resolved
        clock.Advance(TimeSpan.FromDays(2));
        await ResolvedAsync(service, clock, "Q2");                  // resolved on day 2
        await host.StartAsync();
        var sweeper = host.Services.GetRequiredService<AutoCloseService>();
        await WaitAsync(() => sweeper.Sweeps >= 1);
        Assert.Equal(ComplaintState.Resolved, (await service.LoadAsync("Q1"))!.State);

        await AdvanceAndSweepAsync(clock, sweeper, TimeSpan.FromDays(5));   // day 7: Q1's window has passed, Q2's has not

        Assert.Equal(
            (ComplaintState.Closed, ComplaintState.Resolved, ComplaintState.Received),
            ((await service.LoadAsync("Q1"))!.State, (await service.LoadAsync("Q2"))!.State, (await service.LoadAsync("Q3"))!.State));
        var closing = Assert.IsType<ComplaintAutoClosed>((await service.LoadAsync("Q1"))!.History[^1]);
        Assert.Equal(("system", T0.AddDays(7)), (closing.Actor, closing.At));
        Assert.Equal(["Complaint Q1 of client C1 auto-closed: no answer since the fix of 2026-11-23T09:00:00.0000000+00:00"],
            logs.GetSnapshot().Where(r => r.Id.Id == ServiceQualityLogEvents.ComplaintAutoClosed).Select(r => r.Message));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == ServiceQualityLogEvents.CommandRefused);

        await AdvanceAndSweepAsync(clock, sweeper, TimeSpan.FromDays(2));   // day 9: Q2's too
        Assert.Equal(ComplaintState.Closed, (await service.LoadAsync("Q2"))!.State);
        Assert.Equal(1, (await service.LoadAsync("Q1"))!.History.Count(e => e is ComplaintAutoClosed));
        await host.StopAsync();
    }

    [Fact]
    public async Task HealthChecks_StoreAndMonitorLag_AreReported()
    {
        var clock = new FakeTimeProvider(T0);
        var blocking = new BlockingHandler();
        using var host = Build(clock, new FakeLogCollector(), s =>
        {
            s.AddSingleton<ISlaAlertHandler>(blocking);
            s.AddServiceQuality(o =>
            {
                o.SlaMonitor.Interval = TimeSpan.FromMinutes(1);
                o.SlaMonitor.MaxLag = TimeSpan.FromMinutes(5);
            }).AddSlaMonitor().AddHealthChecks();
        });
        await host.Services.GetRequiredService<ComplaintService>().ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Critical, Text = "Site down", Actor = "desk" });
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<SlaMonitorService>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await WaitAsync(() => monitor.Sweeps >= 1);

        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["servicequality-sla-monitor", "servicequality-store"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The complaint store answered.", report.Entries["servicequality-store"].Description);
        Assert.Equal("The SLA monitor last completed a sweep 00:00:00 ago.", report.Entries["servicequality-sla-monitor"].Description);

        // The clock goes at risk; its handler hangs, so the sweep never completes and the monitor falls behind.
        clock.Advance(TimeSpan.FromMinutes(10));
        await blocking.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMinutes(6));
        report = await health.CheckHealthAsync();

        var lagging = report.Entries["servicequality-sla-monitor"];
        Assert.Equal(HealthStatus.Unhealthy, lagging.Status);
        Assert.Equal("The SLA monitor last completed a sweep 00:16:00 ago, more than 00:05:00.", lagging.Description);
        Assert.Equal(("00:16:00", "2026-11-23T09:00:00.0000000+00:00"), ((string)lagging.Data["lag"], (string)lagging.Data["lastSweepAt"]));
        blocking.Release.SetResult();
        await host.StopAsync();
    }

    [Fact]
    public async Task HealthChecks_AStoreThatFails_IsUnhealthy_AndATenantHasItsOwnChecks()
    {
        using var host = Build(new FakeTimeProvider(T0), new FakeLogCollector(), s =>
        {
            s.AddServiceQuality().UseComplaintStore(_ => new UnreachableStore()).AddHealthChecks();
            s.AddKeyedServiceQuality("north", _ => { }).AddHealthChecks();
        });
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        var store = report.Entries["servicequality-store"];
        Assert.Equal((HealthStatus.Unhealthy, "The complaint store did not answer: connection refused"), (store.Status, store.Description));
        Assert.IsType<IOException>(store.Exception);
        Assert.Equal(HealthStatus.Healthy, report.Entries["servicequality-store-north"].Status);
        Assert.Equal("The SLA monitor does not run in this host (AddSlaMonitor was not called).", report.Entries["servicequality-sla-monitor-north"].Description);
        await host.StopAsync();
    }

    private static async Task AdvanceAndSweepAsync(FakeTimeProvider clock, SweepingService sweeper, TimeSpan by)
    {
        long before = sweeper.Sweeps;
        clock.Advance(by);
        await WaitAsync(() => sweeper.Sweeps > before);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var time = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(time.Elapsed < TimeSpan.FromSeconds(10), "The hosted service did not sweep within 10 s.");
            await Task.Delay(10);
        }
    }

    private static Task ReceivedAsync(ComplaintService service, string id) =>
        service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = id, ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "VPN down", Actor = "desk" }).AsTask();

    private static async Task ResolvedAsync(ComplaintService service, FakeTimeProvider clock, string id)
    {
        await ReceivedAsync(service, id);
        foreach (var step in new Func<Complaint, CommandResult>[]
        {
            c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"),
            c => c.StartInvestigating("ann"),
            c => c.Apologise("ann", ContactChannel.Email, "Sorry"),
            c => c.OfferHelp("ann", ContactChannel.Email, ["Replace the token"]),
            c => c.Commit("ann", ContactChannel.Email, "Replace the token", clock.GetUtcNow().AddDays(1)),
            c => c.DeliverFix("eng", ContactChannel.Email, "Replaced"),
        })
        {
            (await service.ExecuteAsync(id, step)).Result.EnsureAccepted();
        }
    }

    private static IHost Build(TimeProvider clock, FakeLogCollector logs, Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(clock).AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)));
        configure(builder.Services);
        return builder.Build();
    }

    private sealed class RecordingHandler : ISlaAlertHandler
    {
        public ConcurrentQueue<SlaAlert> Alerts { get; } = new();

        public ValueTask HandleAsync(SlaAlert alert, CancellationToken cancellationToken)
        {
            Alerts.Enqueue(alert);
            return default;
        }
    }

    private sealed class ThrowingHandler : ISlaAlertHandler
    {
        public ValueTask HandleAsync(SlaAlert alert, CancellationToken cancellationToken) => throw new InvalidOperationException("mail server down");
    }

    private sealed class BlockingHandler : ISlaAlertHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask HandleAsync(SlaAlert alert, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A store whose server cannot be reached: every call fails as a refused connection would.</summary>
    private sealed class UnreachableStore : IComplaintStore
    {
        public ValueTask<long> AppendAsync(ComplaintAppend append, CancellationToken cancellationToken = default) => throw Refused();

        public ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default) => throw Refused();

        public ValueTask<ComplaintStreamInfo?> GetSummaryAsync(string complaintId, CancellationToken cancellationToken = default) => throw Refused();

        public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => throw Refused();

        public ValueTask<ComplaintFeedPage> ReadFeedAsync(ComplaintFeedPosition after, int limit, CancellationToken cancellationToken = default) => throw Refused();

        public ValueTask<ComplaintErasure> EraseClientAsync(string clientId, CancellationToken cancellationToken = default) => throw Refused();

        private static IOException Refused() => new("connection refused");
    }
}
