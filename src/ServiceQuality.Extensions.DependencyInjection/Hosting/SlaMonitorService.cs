using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// The hosted SLA monitor (<c>.AddSlaMonitor()</c>): every <see cref="SlaMonitorOptions.Interval"/> it asks the store what
/// is due (<see cref="ComplaintQuery.DueBy"/>: the complaints whose next due time has come, page by page, at a cost in
/// proportion to what is due, not to what is open) and records, for each clock now at risk or breached whose status is
/// not yet recorded for its cycle, an <see cref="SlaAlertRecorded"/> event (<see cref="Complaint.RecordSlaAlert"/>,
/// through the executor). Each recorded alert is logged (1100, 1101) and handed to every <see cref="ISlaAlertHandler"/>.
/// </summary>
/// <remarks>
/// Exactly once: the alert is an event in the complaint's history, and the lifecycle refuses a second one for the same
/// clock, status and cycle. Two hosts that find the same due complaint race on the store's optimistic concurrency; the
/// loser reloads (the executor's retry), sees the alert recorded and is refused, which is not an alert. A restarted host
/// reads the recorded alerts from the store, and the store's next due time has moved past them. Nothing is kept in memory.
/// </remarks>
internal sealed class SlaMonitorService(
    Func<ComplaintCommandExecutor> executorFactory, Func<IEnumerable<ISlaAlertHandler>> handlersFactory, Func<SlaMonitorOptions> options, TimeProvider timeProvider, ILogger<SlaMonitorService> logger)
    : SweepingService(timeProvider)
{
    private ComplaintCommandExecutor? _executor;
    private ISlaAlertHandler[]? _handlers;
    private string _actor = SlaMonitorOptions.DefaultActor;

    /// <summary>Gets how far behind the monitor may fall before it is unhealthy (read when it starts).</summary>
    public TimeSpan MaxLag { get; private set; }

    protected override TimeSpan ReadInterval()
    {
        var o = options();
        MaxLag = o.MaxLag;
        _actor = o.Actor;
        return o.Interval;
    }

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var executor = _executor ??= executorFactory();
        _handlers ??= [.. handlersFactory()];
        var service = executor.Service;
        var now = TimeProvider.GetUtcNow();
        await foreach (var due in service.Store.QueryAllAsync(ComplaintQuery.DueBy(now), cancellationToken).ConfigureAwait(false))
        {
            // Whatever the due item names (the earliest thing due), every clock now at risk or breached and not yet
            // recorded for its cycle is recorded: a monitor that was down catches up in one sweep.
            var complaint = await service.LoadAsync(due.ComplaintId, cancellationToken).ConfigureAwait(false);
            if (complaint is null || !complaint.IsOpen)
            {
                continue;
            }

            foreach (var clock in complaint.EvaluateSla(now).Clocks)
            {
                if (clock.Status is SlaStatus.AtRisk or SlaStatus.Breached && !complaint.Snapshot.HasSlaAlert(clock.Clock, clock.Status, clock.Cycle))
                {
                    await RecordAsync(executor, due.ComplaintId, clock.Clock, clock.Status, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    protected override void SweepFailed(Exception exception) => Log.SlaSweepFailed(logger, exception);

    private async Task RecordAsync(ComplaintCommandExecutor executor, string complaintId, SlaClockKind clock, SlaStatus status, CancellationToken cancellationToken)
    {
        var outcome = await executor.ExecuteAsync(complaintId, c => c.RecordSlaAlert(_actor, clock, status), cancellationToken, logRefusal: false).ConfigureAwait(false);
        if (outcome.Complaint is not { } complaint)
        {
            return;
        }

        if (outcome.Result.Event is not SlaAlertRecorded recorded)
        {
            // Refused: another host (or an earlier attempt's winner) recorded it first, or the clock moved on: not an alert.
            Log.SlaAlertAlreadyRecorded(logger, status, clock, complaintId, outcome.Result.Message);
            return;
        }

        await SlaAlertPublisher.PublishAsync(SlaAlert.Of(complaint, recorded), _handlers!, logger, cancellationToken).ConfigureAwait(false);
    }
}
