namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Receives each SLA alert the hosted SLA monitor (<c>.AddSlaMonitor()</c>) recorded on a complaint, right after it
/// was stored: e.g. to notify the client's team. Only the host whose monitor recorded the alert calls its handlers, so
/// an alert is handled once across hosts and restarts (a host that stops between the append and the handler does not
/// hand that alert out: for at-least-once delivery, follow the store's feed for <c>SlaAlertRecorded</c> events). Register any number (<c>services.AddSingleton&lt;ISlaAlertHandler, MyHandler&gt;()</c>, or
/// keyed with a tenant's key for that tenant). A handler that throws is logged (1103) and the others still run.
/// </summary>
public interface ISlaAlertHandler
{
    /// <summary>Handles one alert.</summary>
    /// <param name="alert">The clock, its status and when it breached or will breach.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the alert is handled.</returns>
    ValueTask HandleAsync(SlaAlert alert, CancellationToken cancellationToken);
}
