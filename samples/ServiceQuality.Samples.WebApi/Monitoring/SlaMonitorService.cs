using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Samples.WebApi.Monitoring;

/// <summary>How often the SLA monitor checks the open complaints (section <c>SlaMonitor</c>).</summary>
public sealed class SlaMonitorOptions
{
    public const string SectionName = "SlaMonitor";

    public const string IntervalRange = "SlaMonitor:Interval must be from 00:00:00.1 to 1.00:00:00.";

    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the time between two checks.</summary>
    /// <value>One minute.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Calls <see cref="SlaMonitor.CheckAsync"/> on a timer and logs each clock that newly went at risk or breached
/// (the monitor counts them on its meter too). A failed check is logged and the next one runs as planned.
/// </summary>
internal sealed partial class SlaMonitorService(
    SlaMonitor monitor, IOptions<SlaMonitorOptions> options, TimeProvider timeProvider, ILogger<SlaMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        LogStarted(interval);
        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckAsync(stoppingToken);
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SlaAlert> alerts;
        try
        {
            alerts = await monitor.CheckAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(ex);
            return;
        }

        foreach (var alert in alerts.Where(a => a.IsNew))
        {
            var level = alert.Status == SlaStatus.Breached ? LogLevel.Warning : LogLevel.Information;
            LogAlert(level, alert.Status, alert.ComplaintId, alert.ClientId, alert.Clock, alert.BreachAt);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SLA monitor checks open complaints every {Interval}")]
    private partial void LogStarted(TimeSpan interval);

    [LoggerMessage(EventId = 2, Message = "SLA {Status}: complaint {ComplaintId} of client {ClientId}, {Clock} clock, breach at {BreachAt:O}")]
    private partial void LogAlert(LogLevel level, SlaStatus status, string complaintId, string clientId, SlaClockKind clock, DateTimeOffset? breachAt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "SLA check failed; the next one runs as planned")]
    private partial void LogCheckFailed(Exception exception);
}
