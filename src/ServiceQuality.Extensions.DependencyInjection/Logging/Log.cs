using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>Every log message of the runtime, through the <c>LoggerMessage</c> source generator (no boxing, no parsing at run time).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = ServiceQualityLogEvents.CommandRefused, EventName = nameof(ServiceQualityLogEvents.CommandRefused), Level = LogLevel.Information,
        Message = "Command {Command} on complaint {ComplaintId} refused in state {State} ({Reason}); allowed now: {AllowedCommands}")]
    public static partial void CommandRefused(ILogger logger, ComplaintCommand command, string complaintId, ComplaintState state, CommandRefusalReason reason, string allowedCommands);

    [LoggerMessage(EventId = ServiceQualityLogEvents.ConcurrencyConflictRetried, EventName = nameof(ServiceQualityLogEvents.ConcurrencyConflictRetried), Level = LogLevel.Warning,
        Message = "Complaint {ComplaintId} was changed by another writer (expected version {ExpectedVersion}, found {ActualVersion}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void ConflictRetried(ILogger logger, string complaintId, long expectedVersion, long actualVersion, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = ServiceQualityLogEvents.ConcurrencyRetriesExhausted, EventName = nameof(ServiceQualityLogEvents.ConcurrencyRetriesExhausted), Level = LogLevel.Warning,
        Message = "Complaint {ComplaintId} still conflicted after {Attempts} attempts; the conflict is returned to the caller")]
    public static partial void RetriesExhausted(ILogger logger, string complaintId, int attempts);

    [LoggerMessage(EventId = ServiceQualityLogEvents.StoreOperationFailed, EventName = nameof(ServiceQualityLogEvents.StoreOperationFailed), Level = LogLevel.Error,
        Message = "Store operation {Operation} failed for complaint {ComplaintId}")]
    public static partial void StoreOperationFailed(ILogger logger, Exception exception, string operation, string complaintId);

    [LoggerMessage(EventId = ServiceQualityLogEvents.BacklogRefreshFailed, EventName = nameof(ServiceQualityLogEvents.BacklogRefreshFailed), Level = LogLevel.Error,
        Message = "Refreshing the open-backlog counts from the store failed; the gauge keeps the counts of {RefreshedAt}")]
    public static partial void BacklogRefreshFailed(ILogger logger, Exception exception, DateTimeOffset? refreshedAt);

    [LoggerMessage(EventId = ServiceQualityLogEvents.ConfigurationChangeIgnored, EventName = nameof(ServiceQualityLogEvents.ConfigurationChangeIgnored), Level = LogLevel.Warning,
        Message = "The {Section} configuration changed; ServiceQuality reads it once, at start: restart the host to apply it")]
    public static partial void ConfigurationChangeIgnored(ILogger logger, string section);

    [LoggerMessage(EventId = ServiceQualityLogEvents.SlaAtRisk, EventName = nameof(ServiceQualityLogEvents.SlaAtRisk), Level = LogLevel.Warning,
        Message = "SLA at risk: complaint {ComplaintId} of client {ClientId}, {Clock} clock, breach at {BreachAt:O}")]
    public static partial void SlaAtRisk(ILogger logger, string complaintId, string clientId, SlaClockKind clock, DateTimeOffset? breachAt);

    [LoggerMessage(EventId = ServiceQualityLogEvents.SlaBreached, EventName = nameof(ServiceQualityLogEvents.SlaBreached), Level = LogLevel.Error,
        Message = "SLA breached: complaint {ComplaintId} of client {ClientId}, {Clock} clock, breached at {BreachAt:O}")]
    public static partial void SlaBreached(ILogger logger, string complaintId, string clientId, SlaClockKind clock, DateTimeOffset? breachAt);

    [LoggerMessage(EventId = ServiceQualityLogEvents.SlaSweepFailed, EventName = nameof(ServiceQualityLogEvents.SlaSweepFailed), Level = LogLevel.Error,
        Message = "The SLA sweep failed; the next one runs as planned")]
    public static partial void SlaSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ServiceQualityLogEvents.SlaAlertHandlerFailed, EventName = nameof(ServiceQualityLogEvents.SlaAlertHandlerFailed), Level = LogLevel.Error,
        Message = "SLA alert handler {Handler} failed for complaint {ComplaintId}, {Clock} clock; the other handlers still ran")]
    public static partial void SlaAlertHandlerFailed(ILogger logger, Exception exception, string handler, string complaintId, SlaClockKind clock);

    [LoggerMessage(EventId = ServiceQualityLogEvents.SlaAlertAlreadyRecorded, EventName = nameof(ServiceQualityLogEvents.SlaAlertAlreadyRecorded), Level = LogLevel.Debug,
        Message = "SLA alert {Status} of the {Clock} clock on complaint {ComplaintId} not recorded again: {Refusal}")]
    public static partial void SlaAlertAlreadyRecorded(ILogger logger, SlaStatus status, SlaClockKind clock, string complaintId, string? refusal);

    [LoggerMessage(EventId = ServiceQualityLogEvents.ComplaintAutoClosed, EventName = nameof(ServiceQualityLogEvents.ComplaintAutoClosed), Level = LogLevel.Information,
        Message = "Complaint {ComplaintId} of client {ClientId} auto-closed: no answer since the fix of {ResolvedAt:O}")]
    public static partial void ComplaintAutoClosed(ILogger logger, string complaintId, string clientId, DateTimeOffset? resolvedAt);

    [LoggerMessage(EventId = ServiceQualityLogEvents.AutoCloseSweepFailed, EventName = nameof(ServiceQualityLogEvents.AutoCloseSweepFailed), Level = LogLevel.Error,
        Message = "The auto-close sweep failed; the next one runs as planned")]
    public static partial void AutoCloseSweepFailed(ILogger logger, Exception exception);
}
