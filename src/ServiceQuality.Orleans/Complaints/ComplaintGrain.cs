using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;

namespace ServiceQuality.Orleans.Complaints;

/// <summary>
/// The grain of one complaint: the complaint is replayed from the store when the grain activates and kept in memory;
/// each command is bound by <see cref="ComplaintCommands"/>, decided on that complaint and appended through
/// <see cref="ComplaintService.SaveAsync"/> with the version the grain holds. Orleans runs one call at a time, so the
/// grain's own commands never conflict; when another writer of the same store appended first (a host outside the
/// cluster, or the short overlap of two activations while a silo leaves), the store refuses the stale append and the
/// grain reloads and decides again — never a second copy of an event. A refusal is checked against the stored version
/// first, so a command is never refused on a history another writer has moved on.
/// </summary>
internal sealed partial class ComplaintGrain(ComplaintService service, ILogger<ComplaintGrain> logger) : Grain, IComplaintGrain
{
    /// <summary>How many times a command is decided again after another writer appended first.</summary>
    internal const int MaxAttempts = 4;

    private Complaint? _complaint;
    private bool _stale = true;

    private string ComplaintId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ComplaintReceipt> ReceiveAsync(ComplaintIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var complaint = await CurrentAsync();
        if (complaint is null)
        {
            try
            {
                complaint = await service.ReceiveAsync(intake.ToRequest(ComplaintId));
                _complaint = complaint;
                return new ComplaintReceipt(IsCreated: true, complaint.Snapshot);
            }
            catch (ComplaintConcurrencyException)
            {
                // Another writer of the store received it first: report the complaint it stored.
                await ReloadAsync(CancellationToken.None);
                complaint = _complaint ?? throw new InvalidOperationException($"Complaint '{ComplaintId}' was refused as existing but the store has no events for it.");
            }
        }

        return new ComplaintReceipt(IsCreated: false, complaint.Snapshot);
    }

    /// <inheritdoc />
    public async Task<ComplaintCommandReply> ExecuteAsync(ComplaintCommand command, ComplaintCommandArguments arguments)
    {
        var run = ComplaintCommands.Bind(command, arguments);
        for (int attempt = 1; ; attempt++)
        {
            var complaint = await CurrentAsync();
            if (complaint is null)
            {
                return new ComplaintCommandReply(ComplaintId, null, null, null, attempt);
            }

            CommandResult result;
            try
            {
                result = run(complaint);
                await service.SaveAsync(complaint);
            }
            catch (ComplaintConcurrencyException ex) when (attempt < MaxAttempts)
            {
                LogConflict(logger, ComplaintId, ex.ExpectedVersion, ex.ActualVersion, attempt);
                _stale = true;
                continue;
            }
            catch
            {
                // A bad argument (thrown before anything is appended) or a store failure (the append may or may not have
                // happened): either way the next call starts from the store.
                _stale = true;
                throw;
            }

            if (result.Refusal is { } refusal)
            {
                // Refused on the history this activation holds: make sure no other writer of the store moved the complaint
                // on (one summary read, only on refusals), else decide again on the stored history.
                var stored = await service.Store.GetSummaryAsync(ComplaintId);
                if (stored is not null && stored.Version != complaint.Version && attempt < MaxAttempts)
                {
                    LogConflict(logger, ComplaintId, complaint.Version, stored.Version, attempt);
                    _stale = true;
                    continue;
                }

                return new ComplaintCommandReply(ComplaintId, null, ComplaintRefusal.Of(refusal), complaint.Snapshot, attempt);
            }

            return new ComplaintCommandReply(ComplaintId, result.Event, null, complaint.Snapshot, attempt);
        }
    }

    /// <inheritdoc />
    public async Task<ComplaintSnapshot?> GetSnapshotAsync() => (await CurrentAsync())?.Snapshot;

    /// <inheritdoc />
    public async Task<ComplaintEvent[]> GetHistoryAsync() => (await CurrentAsync())?.History.ToArray() ?? [];

    private async ValueTask<Complaint?> CurrentAsync()
    {
        if (_stale)
        {
            await ReloadAsync(CancellationToken.None);
        }

        return _complaint;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        _complaint = await service.LoadAsync(ComplaintId, cancellationToken);
        _stale = false;
    }

    [LoggerMessage(1600, LogLevel.Debug, "Complaint {ComplaintId}: another writer appended first (expected version {ExpectedVersion}, found {ActualVersion}); deciding again after attempt {Attempt}.")]
    private static partial void LogConflict(ILogger logger, string complaintId, long expectedVersion, long actualVersion, int attempt);
}
