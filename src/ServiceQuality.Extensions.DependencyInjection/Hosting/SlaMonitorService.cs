using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// The hosted SLA monitor (<c>.AddSlaMonitor()</c>): sweeps the SLA clocks every <see cref="SlaMonitorOptions.Interval"/>,
/// logs each clock that newly went at risk (1100) or breached (1101), and hands it to every <see cref="ISlaAlertHandler"/>.
/// </summary>
/// <remarks>
/// Today a sweep is <see cref="SlaMonitor.CheckAsync"/>: it evaluates every open complaint and tells a change of status
/// from the one it saw before in this process. Two hosts therefore both report a change, and a restarted host reports
/// again what it reported before it stopped; the store's due query and the complaint's SLA alert events (recorded once,
/// whichever host is first) replace the sweep's inside when they exist (docs/hosting.md).
/// </remarks>
internal sealed class SlaMonitorService(
    Func<SlaMonitor> monitorFactory, Func<IEnumerable<ISlaAlertHandler>> handlersFactory, Func<SlaMonitorOptions> options, TimeProvider timeProvider, ILogger<SlaMonitorService> logger)
    : SweepingService(timeProvider)
{
    private SlaMonitor? _monitor;
    private ISlaAlertHandler[]? _handlers;

    /// <summary>Gets how far behind the monitor may fall before it is unhealthy (read when it starts).</summary>
    public TimeSpan MaxLag { get; private set; }

    protected override TimeSpan ReadInterval()
    {
        var o = options();
        MaxLag = o.MaxLag;
        return o.Interval;
    }

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        _monitor ??= monitorFactory();
        _handlers ??= [.. handlersFactory()];
        foreach (var alert in await _monitor.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!alert.IsNew)
            {
                continue;
            }

            if (alert.Status == SlaStatus.Breached)
            {
                Log.SlaBreached(logger, alert.ComplaintId, alert.ClientId, alert.Clock, alert.BreachAt);
            }
            else
            {
                Log.SlaAtRisk(logger, alert.ComplaintId, alert.ClientId, alert.Clock, alert.BreachAt);
            }

            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.HandleAsync(alert, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.SlaAlertHandlerFailed(logger, ex, handler.GetType().Name, alert.ComplaintId, alert.Clock);
                }
            }
        }
    }

    protected override void SweepFailed(Exception exception) => Log.SlaSweepFailed(logger, exception);
}
