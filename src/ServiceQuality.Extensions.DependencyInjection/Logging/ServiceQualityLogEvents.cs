namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// The event ids of everything the runtime logs (category <c>ServiceQuality.*</c>), stable from release to release so
/// that alerts and dashboards can match on them; <c>docs/hosting.md</c> lists each with its level and message.
/// Commands are 1000-1099, the SLA monitor 1100-1199, auto-close 1200-1299, stores 1300-1399, configuration 1400-1499.
/// </summary>
public static class ServiceQualityLogEvents
{
    /// <summary>1000 (Information): the lifecycle refused a command; the message says why and what is allowed now.</summary>
    public const int CommandRefused = 1000;

    /// <summary>1001 (Warning): a command lost a race with another writer and is retried after a delay.</summary>
    public const int ConcurrencyConflictRetried = 1001;

    /// <summary>1002 (Warning): a command still conflicted after every retry; the conflict is thrown to the caller.</summary>
    public const int ConcurrencyRetriesExhausted = 1002;

    /// <summary>1100 (Warning): an SLA clock went at risk (the hosted SLA monitor).</summary>
    public const int SlaAtRisk = 1100;

    /// <summary>1101 (Error): an SLA clock breached (the hosted SLA monitor).</summary>
    public const int SlaBreached = 1101;

    /// <summary>1102 (Error): an SLA sweep failed; the next one runs as planned.</summary>
    public const int SlaSweepFailed = 1102;

    /// <summary>1103 (Error): an <see cref="ISlaAlertHandler"/> threw; the other handlers still ran.</summary>
    public const int SlaAlertHandlerFailed = 1103;

    /// <summary>1104 (Debug): the SLA monitor found an alert to record, but the complaint refused it: another host or sweep recorded it first (or the clock moved on). Not an alert.</summary>
    public const int SlaAlertAlreadyRecorded = 1104;

    /// <summary>1200 (Information): a resolved complaint was auto-closed (the hosted auto-close).</summary>
    public const int ComplaintAutoClosed = 1200;

    /// <summary>1201 (Error): an auto-close sweep failed; the next one runs as planned.</summary>
    public const int AutoCloseSweepFailed = 1201;

    /// <summary>1300 (Error): a store operation failed (not a conflict); the exception is attached and thrown on.</summary>
    public const int StoreOperationFailed = 1300;

    /// <summary>1301 (Error): refreshing the open-backlog gauge from the store failed; the gauge keeps its last counts.</summary>
    public const int BacklogRefreshFailed = 1301;

    /// <summary>1400 (Warning): the <c>ServiceQuality</c> configuration changed while the host runs; it takes effect at the next start (reload is not supported).</summary>
    public const int ConfigurationChangeIgnored = 1400;
}
