using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>Healthy when the complaint store answers a read (of a complaint that does not exist) within the check's timeout.</summary>
internal sealed class ComplaintStoreHealthCheck(Func<IComplaintStore> store) : IHealthCheck
{
    /// <summary>The complaint the check reads: it need not exist.</summary>
    internal const string ProbeId = "servicequality-health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store().ReadAsync(ProbeId, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The complaint store answered.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The complaint store did not answer: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// Healthy while the hosted SLA monitor keeps up: its last sweep completed at most <see cref="SlaMonitorOptions.MaxLag"/>
/// ago (before the first, it started at most that long ago). The data say when it last swept and how far behind it is.
/// </summary>
internal sealed class SlaMonitorHealthCheck(Func<SlaMonitorService?> monitor, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (monitor() is not { } service)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The SLA monitor does not run in this host (AddSlaMonitor was not called)."));
        }

        if (service.StartedAt is not { } startedAt)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The SLA monitor has not started."));
        }

        var now = timeProvider.GetUtcNow();
        var since = service.LastSweepAt ?? startedAt;
        var lag = now - since;
        var data = new Dictionary<string, object>
        {
            ["lastSweepAt"] = service.LastSweepAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never",
            ["lag"] = SlaMonitorOptions.C(lag),
            ["maxLag"] = SlaMonitorOptions.C(service.MaxLag),
        };
        string swept = service.LastSweepAt is null ? "has not completed a sweep since it started" : "last completed a sweep";
        return Task.FromResult(lag <= service.MaxLag
            ? HealthCheckResult.Healthy($"The SLA monitor {swept} {SlaMonitorOptions.C(lag)} ago.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"The SLA monitor {swept} {SlaMonitorOptions.C(lag)} ago, more than {SlaMonitorOptions.C(service.MaxLag)}.", data: data));
    }
}
