using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;
using ServiceQuality.Workflow;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>Every log message of the runtime, through the <c>LoggerMessage</c> source generator (no boxing, no parsing at run time).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = ServiceQualityLogEvents.CommandRefused, EventName = nameof(ServiceQualityLogEvents.CommandRefused), Level = LogLevel.Information,
        Message = "Command {Command} on complaint {ComplaintId} refused in state {State} ({Reason}); allowed now: {AllowedCommands}")]
    public static partial void CommandRefused(ILogger logger, ComplaintCommand command, string complaintId, ComplaintState state, RefusalReason reason, string allowedCommands);

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
}
