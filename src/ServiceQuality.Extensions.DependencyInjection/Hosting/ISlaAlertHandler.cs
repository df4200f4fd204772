using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Receives each SLA clock that goes at risk or breaches, from the hosted SLA monitor (<c>.AddSlaMonitor()</c>): e.g. to
/// notify the client's team. Register any number (<c>services.AddSingleton&lt;ISlaAlertHandler, MyHandler&gt;()</c>, or
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
