using Microsoft.Extensions.Logging;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Hands an SLA alert just recorded on a complaint to the host's <see cref="ISlaAlertHandler"/>s, logging it first
/// (1100 at risk, 1101 breached) and each handler that throws (1103; the others still run). One place for every host
/// that records alerts: the hosted SLA monitor, and the complaint grain's SLA reminder in <c>ServiceQuality.Orleans</c>.
/// </summary>
public static class SlaAlertPublisher
{
    /// <summary>Logs <paramref name="alert"/> and hands it to each of <paramref name="handlers"/> in turn.</summary>
    /// <param name="alert">The alert, as recorded on the complaint (<see cref="SlaAlert.Of"/>).</param>
    /// <param name="handlers">The host's handlers; none is fine.</param>
    /// <param name="logger">Where the alert and handler failures are logged.</param>
    /// <param name="cancellationToken">Passed to the handlers; a cancellation it causes is not logged as a handler failure.</param>
    /// <returns>A task that completes when every handler has run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handlers"/> or <paramref name="logger"/> is <see langword="null"/>.</exception>
    public static async Task PublishAsync(SlaAlert alert, IEnumerable<ISlaAlertHandler> handlers, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(logger);
        if (alert.Status == SlaStatus.Breached)
        {
            Log.SlaBreached(logger, alert.ComplaintId, alert.ClientId, alert.Clock, alert.BreachAt);
        }
        else
        {
            Log.SlaAtRisk(logger, alert.ComplaintId, alert.ClientId, alert.Clock, alert.BreachAt);
        }

        foreach (var handler in handlers)
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
