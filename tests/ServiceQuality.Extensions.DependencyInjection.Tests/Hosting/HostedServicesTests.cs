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
    public async Task SlaMonitor_ClocksGoAtRiskThenBreach_EachRecordedOnceOnTheComplaint_HandledAndLoggedOnce()
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
        await ReceiveAsync(service, "Q1", Priority.Normal, "VPN down");
        Assert.Equal(new ComplaintDue { At = T0.AddHours(2), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge }, (await service.Store.GetSummaryAsync("Q1"))!.NextDue);
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<SlaMonitorService>();
        await WaitAsync(() => monitor.Sweeps >= 1);

        // Normal: acknowledge within 4 hours, at risk from 50%. Each sweep after the first finds the alert recorded.
        await AdvanceAndSweepAsync(clock, TimeSpan.FromHours(2.5), monitor);
        Assert.Equal(new ComplaintDue { At = T0.AddHours(4), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Acknowledge }, (await service.Store.GetSummaryAsync("Q1"))!.NextDue);
        await AdvanceAndSweepAsync(clock, TimeSpan.FromMinutes(1), monitor);
        await AdvanceAndSweepAsync(clock, TimeSpan.FromHours(2), monitor);
        await AdvanceAndSweepAsync(clock, TimeSpan.FromMinutes(1), monitor);

        Assert.Equal(
            [
                new SlaAlert("Q1", "C1", SlaClockKind.Acknowledge, SlaStatus.AtRisk, 1, T0.AddHours(4), T0.AddHours(2.5), 2),
                new SlaAlert("Q1", "C1", SlaClockKind.Acknowledge, SlaStatus.Breached, 1, T0.AddHours(4), T0.AddHours(4.5).AddMinutes(1), 3),
            ],
            handler.Alerts);
        var complaint = (await service.LoadAsync("Q1"))!;
        Assert.Equal(
            [(SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0.AddHours(2.5), "system"), (SlaClockKind.Acknowledge, SlaStatus.Breached, T0.AddHours(4.5).AddMinutes(1), "system")],
            complaint.History.OfType<SlaAlertRecorded>().Select(e => (e.Clock, e.Status, e.At, e.Actor)));
        Assert.Equal(new ComplaintDue { At = T0.AddHours(12), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Update }, (await service.Store.GetSummaryAsync("Q1"))!.NextDue);
        var alerts = logs.GetSnapshot().Where(r => r.Id.Id is 1100 or 1101).ToArray();
        Assert.Equal([(1100, LogLevel.Warning), (1101, LogLevel.Error)], alerts.Select(r => (r.Id.Id, r.Level)));
        Assert.Equal("SLA breached: complaint Q1 of client C1, Acknowledge clock, breached at 2026-11-23T13:00:00.0000000+00:00", alerts[1].Message);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<SlaMonitorService>());
        await host.StopAsync();
    }

    [SkippableTheory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task SlaMonitor_AcrossARestartOnTheSameStore_RecordsAndHandsOutEachAlertOnce(StoreKind kind)
    {
        await using var store = await SharedStore.CreateAsync(kind);
        var clock = new FakeTimeProvider(T0);
        var (before, after) = (new RecordingHandler(), new RecordingHandler());
        using (var first = Build(clock, new FakeLogCollector(), s => store.Use(s.AddSingleton<ISlaAlertHandler>(before).AddServiceQuality(Shared)).AddSlaMonitor()))
        {
            await ReceiveAsync(first.Services.GetRequiredService<ComplaintService>(), "Q1", Priority.Normal, "VPN down");
            await first.StartAsync();
            var monitor = first.Services.GetRequiredService<SlaMonitorService>();
            await WaitAsync(() => monitor.Sweeps >= 1);
            await AdvanceAndSweepAsync(clock, TimeSpan.FromHours(2.5), monitor);                 // at risk
            await first.StopAsync();
        }

        // The restarted host reads the recorded alert from the store: its first sweep, at the same instant, hands out nothing.
        using var second = Build(clock, new FakeLogCollector(), s => store.Use(s.AddSingleton<ISlaAlertHandler>(after).AddServiceQuality(Shared)).AddSlaMonitor());
        await second.StartAsync();
        var restarted = second.Services.GetRequiredService<SlaMonitorService>();
        await WaitAsync(() => restarted.Sweeps >= 1);
        Assert.Empty(after.Alerts);
        await AdvanceAndSweepAsync(clock, TimeSpan.FromMinutes(1), restarted);
        Assert.Empty(after.Alerts);
        await AdvanceAndSweepAsync(clock, TimeSpan.FromHours(2), restarted);                     // 4 h 31 min: breached

        Assert.Equal([("Q1", SlaStatus.AtRisk, T0.AddHours(2.5))], before.Alerts.Select(a => (a.ComplaintId, a.Status, a.RecordedAt)));
        Assert.Equal([("Q1", SlaStatus.Breached, T0.AddHours(4.5).AddMinutes(1))], after.Alerts.Select(a => (a.ComplaintId, a.Status, a.RecordedAt)));
        var history = (await second.Services.GetRequiredService<ComplaintService>().LoadAsync("Q1"))!.History;
        Assert.Equal(
            [(2L, SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0.AddHours(2.5)), (3L, SlaClockKind.Acknowledge, SlaStatus.Breached, T0.AddHours(4.5).AddMinutes(1))],
            history.OfType<SlaAlertRecorded>().Select(e => (e.Version, e.Clock, e.Status, e.At)));
        Assert.Equal(3, history.Count);
        await second.StopAsync();
    }

    [SkippableTheory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task SlaMonitorAndAutoClose_TwoHostsOnOneStore_EachAlertAndEachClosingHappensOnce(StoreKind kind)
    {
        const int Open = 120;       // more than a page of the due query (100)
        const int Resolved = 10;
        await using var store = await SharedStore.CreateAsync(kind);
        var clock = new FakeTimeProvider(T0);
        var handlers = new[] { new RecordingHandler(), new RecordingHandler() };
        var logs = new FakeLogCollector();
        var hosts = handlers.Select(h => Build(clock, logs, s => store.Use(s.AddSingleton<ISlaAlertHandler>(h).AddServiceQuality(Shared)).AddSlaMonitor().AddAutoClose())).ToArray();
        try
        {
            var service = hosts[0].Services.GetRequiredService<ComplaintService>();
            var ids = Enumerable.Range(0, Open).Select(i => $"Q{i:000}").ToArray();
            foreach (string id in ids)
            {
                await ReceivedAsync(service, id);
            }

            var resolved = Enumerable.Range(0, Resolved).Select(i => $"R{i:00}").ToArray();
            foreach (string id in resolved)
            {
                await ResolvedAsync(service, clock, id);
            }

            foreach (var host in hosts)
            {
                await host.StartAsync();
            }

            var sweepers = hosts.SelectMany(h => new SweepingService[] { h.Services.GetRequiredService<SlaMonitorService>(), h.Services.GetRequiredService<AutoCloseService>() }).ToArray();
            await WaitAsync(() => sweepers.All(s => s.Sweeps >= 1));
            Assert.All(handlers, h => Assert.Empty(h.Alerts));

            // Both hosts sweep at the same instants, over the same due complaints.
            await AdvanceAndSweepAsync(clock, TimeSpan.FromHours(2.5), sweepers);     // every Q at risk; the R's window (3 h) not passed
            await AdvanceAndSweepAsync(clock, TimeSpan.FromHours(2), sweepers);       // every Q breached; every R closed
            await AdvanceAndSweepAsync(clock, TimeSpan.FromMinutes(1), sweepers);     // nothing more

            var handled = handlers.SelectMany(h => h.Alerts).ToArray();
            Assert.Equal(2 * Open, handled.Length);
            Assert.Equal(
                ids.SelectMany(id => new[] { (id, SlaStatus.AtRisk, T0.AddHours(2.5)), (id, SlaStatus.Breached, T0.AddHours(4.5)) }).Order(),
                handled.Select(a => (a.ComplaintId, a.Status, a.RecordedAt)).Order());
            foreach (string id in ids)
            {
                var history = (await service.LoadAsync(id))!.History;
                Assert.Equal(
                    [(2L, SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0.AddHours(2.5)), (3L, SlaClockKind.Acknowledge, SlaStatus.Breached, T0.AddHours(4.5))],
                    history.OfType<SlaAlertRecorded>().Select(e => (e.Version, e.Clock, e.Status, e.At)));
                Assert.Equal(3, history.Count);
            }

            foreach (string id in resolved)
            {
                var complaint = (await service.LoadAsync(id))!;
                Assert.Equal(ComplaintState.Closed, complaint.Snapshot.State);
                Assert.Equal([T0.AddHours(4.5)], complaint.History.OfType<ComplaintAutoClosed>().Select(e => e.At));
                Assert.Empty(complaint.History.OfType<SlaAlertRecorded>());
            }

            var snapshot = logs.GetSnapshot();
            Assert.Equal((Open, Open, Resolved), (
                snapshot.Count(r => r.Id.Id == ServiceQualityLogEvents.SlaAtRisk),
                snapshot.Count(r => r.Id.Id == ServiceQualityLogEvents.SlaBreached),
                snapshot.Count(r => r.Id.Id == ServiceQualityLogEvents.ComplaintAutoClosed)));
            Assert.DoesNotContain(snapshot, r => r.Id.Id is ServiceQualityLogEvents.SlaSweepFailed or ServiceQualityLogEvents.AutoCloseSweepFailed or ServiceQualityLogEvents.CommandRefused);
            Assert.Empty((await service.Store.QueryAsync(ComplaintQuery.DueBy(clock.GetUtcNow()))).Items);   // next: the update clocks, at 12 h
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
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
        await ReceiveAsync(host.Services.GetRequiredService<ComplaintService>(), "Q1", Priority.Critical, "Site down");
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<SlaMonitorService>();
        await WaitAsync(() => monitor.Sweeps >= 1);

        await AdvanceAndSweepAsync(clock, TimeSpan.FromMinutes(10), monitor);   // Critical: 15 minutes to acknowledge

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
        Assert.Equal(ComplaintState.Resolved, (await service.LoadAsync("Q1"))!.Snapshot.State);

        await AdvanceAndSweepAsync(clock, TimeSpan.FromDays(5), sweeper);   // day 7: Q1's window has passed, Q2's has not

        Assert.Equal(
            (ComplaintState.Closed, ComplaintState.Resolved, ComplaintState.Received),
            ((await service.LoadAsync("Q1"))!.Snapshot.State, (await service.LoadAsync("Q2"))!.Snapshot.State, (await service.LoadAsync("Q3"))!.Snapshot.State));
        var closing = Assert.IsType<ComplaintAutoClosed>((await service.LoadAsync("Q1"))!.History[^1]);
        Assert.Equal(("system", T0.AddDays(7)), (closing.Actor, closing.At));
        Assert.Equal(["Complaint Q1 of client C1 auto-closed: no answer since the fix of 2026-11-23T09:00:00.0000000+00:00"],
            logs.GetSnapshot().Where(r => r.Id.Id == ServiceQualityLogEvents.ComplaintAutoClosed).Select(r => r.Message));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == ServiceQualityLogEvents.CommandRefused);

        await AdvanceAndSweepAsync(clock, TimeSpan.FromDays(2), sweeper);   // day 9: Q2's too
        Assert.Equal(ComplaintState.Closed, (await service.LoadAsync("Q2"))!.Snapshot.State);
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
        await ReceiveAsync(host.Services.GetRequiredService<ComplaintService>(), "Q1", Priority.Critical, "Site down");
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

    /// <summary>Options every host of a shared store uses: retries without waiting (the clock is fake), the auto-close window 3 hours.</summary>
    private static void Shared(ServiceQualityOptions o)
    {
        o.SlaMonitor.Interval = TimeSpan.FromMinutes(1);
        o.AutoClose.Interval = TimeSpan.FromMinutes(1);
        o.Complaints.AutoCloseAfter = TimeSpan.FromHours(3);
        o.Retries.MaxRetries = 5;
        o.Retries.BaseDelay = TimeSpan.Zero;
        o.Retries.MaxDelay = TimeSpan.Zero;
    }

    /// <summary>Advances the clock, then waits until every sweeper completed a sweep after it.</summary>
    private static async Task AdvanceAndSweepAsync(FakeTimeProvider clock, TimeSpan by, params SweepingService[] sweepers)
    {
        // An advance past many intervals fires the timer many times and a PeriodicTimer keeps one tick of them: a second
        // sweep can start right after the first, at the same instant. Wait until none runs or is about to, so that the
        // sweep counted below is one that started after the advance (not a leftover that read the earlier time).
        await QuiesceAsync(sweepers);
        long[] before = [.. sweepers.Select(s => s.SweepsStarted)];
        clock.Advance(by);
        await WaitAsync(() => sweepers.Select((s, i) => s.Sweeps > before[i]).All(done => done));
        await QuiesceAsync(sweepers);
    }

    private static async Task QuiesceAsync(SweepingService[] sweepers)
    {
        while (true)
        {
            await WaitAsync(() => sweepers.All(s => s.Sweeps == s.SweepsStarted));
            long[] started = [.. sweepers.Select(s => s.SweepsStarted)];
            await Task.Delay(100);
            if (sweepers.Select((s, i) => s.SweepsStarted == started[i] && s.Sweeps == started[i]).All(idle => idle))
            {
                return;
            }
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var time = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(time.Elapsed < TimeSpan.FromSeconds(60), "The hosted service did not sweep within 60 s.");
            await Task.Delay(10);
        }
    }

    private static Task ReceivedAsync(ComplaintService service, string id) => ReceiveAsync(service, id, Priority.Normal, "VPN down");

    private static Task ReceiveAsync(ComplaintService service, string id, Priority priority, string text) => service.ReceiveAsync(new ReceiveComplaintRequest
    {
        ComplaintId = id, ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = priority, Text = text, Actor = "desk",
    }).AsTask();

    private static async Task ResolvedAsync(ComplaintService service, FakeTimeProvider clock, string id)
    {
        await ReceivedAsync(service, id);
        foreach (var step in new Func<Complaint, CommandResult>[]
        {
            c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"),
            c => c.StartInvestigating("ann"),
            c => c.Apologize("ann", ContactChannel.Email, "Sorry"),
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
