using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// The hosted auto-close (<c>.AddAutoClose()</c>): every <see cref="AutoCloseOptions.Interval"/>, asks the store what is
/// due (<see cref="ComplaintQuery.DueBy"/>: a resolved complaint is due when its confirmation window ends) and closes the
/// resolved complaints the lifecycle would close now (<see cref="Complaint.AutoClose"/>, whose guard decides), through
/// the executor (so a race with a client's answer or another host is retried, and then refused). Each closing is logged (1200).
/// </summary>
internal sealed class AutoCloseService(
    Func<ComplaintCommandExecutor> executorFactory, Func<AutoCloseOptions> options, TimeProvider timeProvider, ILogger<AutoCloseService> logger)
    : SweepingService(timeProvider)
{
    private ComplaintCommandExecutor? _executor;
    private string _actor = SlaMonitorOptions.DefaultActor;

    protected override TimeSpan ReadInterval()
    {
        var o = options();
        _actor = o.Actor;
        return o.Interval;
    }

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var executor = _executor ??= executorFactory();
        var service = executor.Service;
        await foreach (var due in service.Store.QueryAllAsync(ComplaintQuery.DueBy(TimeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            // Whatever is due first (an unrecorded SLA alert may be), a resolved complaint whose window has passed is closed.
            if (due.State != ComplaintState.Resolved)
            {
                continue;
            }

            // Only complaints the lifecycle would close now: no refusal is logged for those still within their window.
            var complaint = await service.LoadAsync(due.ComplaintId, cancellationToken).ConfigureAwait(false);
            if (complaint is null || !complaint.GetAllowedCommands().Contains(ComplaintCommand.AutoClose))
            {
                continue;
            }

            // Refused: the client answered, or another host closed it, since the load.
            var outcome = await executor.ExecuteAsync(due.ComplaintId, c => c.AutoClose(_actor), cancellationToken, logRefusal: false).ConfigureAwait(false);
            if (outcome.Result.IsAccepted)
            {
                Log.ComplaintAutoClosed(logger, due.ComplaintId, due.ClientId, complaint.Snapshot.ResolvedAt);
            }
        }
    }

    protected override void SweepFailed(Exception exception) => Log.AutoCloseSweepFailed(logger, exception);
}
