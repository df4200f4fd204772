using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// The hosted auto-close (<c>.AddAutoClose()</c>): every <see cref="AutoCloseOptions.Interval"/>, closes the resolved
/// complaints whose client has not answered within the lifecycle's auto-close window, through the lifecycle
/// (<see cref="Complaint.AutoClose"/>, whose guard decides) and the executor (so a race with a client's answer is
/// retried, and then refused if the client answered first). Each closing is logged (1200).
/// </summary>
internal sealed class AutoCloseService(
    Func<ComplaintCommandExecutor> executorFactory, Func<AutoCloseOptions> options, TimeProvider timeProvider, ILogger<AutoCloseService> logger)
    : SweepingService(timeProvider)
{
    private ComplaintCommandExecutor? _executor;
    private string _actor = "system";

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
        var resolved = new List<ComplaintStreamInfo>();
        await foreach (var info in service.Store.GetByStateAsync(ComplaintState.Resolved, cancellationToken).ConfigureAwait(false))
        {
            resolved.Add(info);
        }

        foreach (var info in resolved)
        {
            // Only complaints the lifecycle would close now: no refusal is logged for those still within their window.
            var complaint = await service.LoadAsync(info.ComplaintId, cancellationToken).ConfigureAwait(false);
            if (complaint is null || !complaint.GetAllowedCommands().Contains(ComplaintCommand.AutoClose))
            {
                continue;
            }

            var outcome = await executor.ExecuteAsync(info.ComplaintId, c => c.AutoClose(_actor), cancellationToken).ConfigureAwait(false);
            if (outcome.IsAccepted)
            {
                Log.ComplaintAutoClosed(logger, info.ComplaintId, info.ClientId, complaint.ResolvedAt);
            }
        }
    }

    protected override void SweepFailed(Exception exception) => Log.AutoCloseSweepFailed(logger, exception);
}
