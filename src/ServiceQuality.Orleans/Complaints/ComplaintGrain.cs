using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Orleans.Hosting;
using ServiceQuality.Sla;

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
/// <remarks>
/// SLA clocks: while the complaint is open, the grain holds ONE Orleans reminder (<see cref="ReminderName"/>) due at the
/// complaint's next due time (<see cref="Complaint.GetNextDue"/>: an SLA clock going at risk or breaching, or the
/// auto-close of a resolved complaint), re-armed after every event that moves it and unregistered when nothing is due.
/// When it fires (on whichever silo owns it then), the grain reloads the complaint from the store, records every clock
/// now at risk or breached and not yet recorded through <see cref="Complaint.RecordSlaAlert"/> (refused when recorded
/// already, so a second firing or another silo adds nothing), hands each recorded alert to the host's
/// <see cref="ISlaAlertHandler"/>s, auto-closes a resolved complaint the lifecycle would close now, and re-arms. The
/// reminder's period (Orleans' minimum, <c>ReminderOptions.MinimumReminderPeriod</c>) is only a retry: a tick that
/// fails (the store down) fires again one period later.
/// </remarks>
internal sealed partial class ComplaintGrain(ComplaintService service, IServiceProvider services, ILogger<ComplaintGrain> logger) : Grain, IComplaintGrain, IRemindable
{
    /// <summary>How many times a command is decided again after another writer appended first.</summary>
    internal const int MaxAttempts = 4;

    /// <summary>The name of the complaint's SLA reminder.</summary>
    internal const string ReminderName = "servicequality-sla";

    /// <summary>The longest a reminder is armed ahead (a timer's limit is ~49 days): a later due time is re-armed when it fires.</summary>
    internal static readonly TimeSpan MaxDueTime = TimeSpan.FromDays(30);

    private readonly bool _reminders = (services.GetService<ServiceQualitySiloOptions>() ?? new()).SlaReminders;

    // The instruments the host's ComplaintService records on (AddServiceQuality builds it with this one): SaveAsync
    // counts what is stored (receipts, accepted commands, SLA alerts, times to acknowledge and resolve); the refusals,
    // which ComplaintService.ExecuteAsync counts and SaveAsync never sees, are counted here.
    private readonly ServiceQualityInstrumentation _instrumentation = services.GetService<ServiceQualityInstrumentation>() ?? ServiceQualityInstrumentation.Shared;
    private Complaint? _complaint;
    private bool _stale = true;

    // The due instant the reminder is armed for, as far as this activation knows: Armed(null) = no reminder; Unknown
    // until this activation armed or unregistered it (a new activation does not read the reminder table).
    private ArmState _arm = ArmState.Unknown;

    private string ComplaintId => this.GetPrimaryKeyString();

    private TimeProvider Time => service.Lifecycle.TimeProvider;

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
                await TryArmAsync(complaint);
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
        var (result, complaint, attempts) = await RunAsync(ComplaintCommands.Bind(command, arguments));
        if (complaint is null)
        {
            return new ComplaintCommandReply(ComplaintId, null, null, null, attempts);
        }

        if (result!.Value.Refusal is { } refusal)
        {
            return new ComplaintCommandReply(ComplaintId, null, refusal, complaint.Snapshot, attempts);
        }

        await TryArmAsync(complaint);
        return new ComplaintCommandReply(ComplaintId, result.Value.Event, null, complaint.Snapshot, attempts);
    }

    /// <inheritdoc />
    public async Task<ComplaintSnapshot?> GetSnapshotAsync() => (await CurrentAsync())?.Snapshot;

    /// <inheritdoc />
    public async Task<ComplaintEvent[]> GetHistoryAsync() => (await CurrentAsync())?.History.ToArray() ?? [];

    /// <summary>The SLA reminder fired: record what is due, auto-close when due, and re-arm for the next due time.</summary>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="status">When it fired.</param>
    /// <returns>A task that completes when the complaint is up to date and the reminder re-armed.</returns>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, ReminderName, StringComparison.Ordinal))
        {
            return;
        }

        // The store is the truth: another activation or host may have moved the complaint on.
        _stale = true;
        _arm = ArmState.Unknown;
        var complaint = await CurrentAsync();
        if (complaint is not null && complaint.IsOpen)
        {
            var monitor = services.GetService<IOptionsMonitor<ServiceQualityOptions>>()?.CurrentValue;
            var now = Time.GetUtcNow();
            foreach (var clock in complaint.EvaluateSla(now).Clocks)
            {
                if (clock.Status is SlaStatus.AtRisk or SlaStatus.Breached && !complaint.Snapshot.HasSlaAlert(clock.Clock, clock.Status, clock.Cycle))
                {
                    complaint = await RecordAlertAsync(monitor?.SlaMonitor.Actor ?? "system", clock.Clock, clock.Status) ?? complaint;
                }
            }

            if (complaint.Snapshot.State == ComplaintState.Resolved && complaint.GetAllowedCommands().Contains(ComplaintCommand.AutoClose))
            {
                var (result, closed, _) = await RunAsync(c => c.AutoClose(monitor?.AutoClose.Actor ?? "system"));
                if (result?.Event is not null)
                {
                    LogAutoClosed(logger, ComplaintId, closed!.Snapshot.ClientId, closed.Snapshot.ResolvedAt);
                }

                complaint = closed ?? complaint;
            }
        }

        await ArmAsync(_complaint, afterTick: true);
    }

    private async Task<Complaint?> RecordAlertAsync(string actor, SlaClockKind clock, SlaStatus status)
    {
        var (result, complaint, _) = await RunAsync(c => c.RecordSlaAlert(actor, clock, status));
        if (complaint is null || result?.Event is not SlaAlertRecorded recorded)
        {
            // Refused: recorded already (a second firing, another silo, the hosted monitor) or the clock moved on.
            return complaint;
        }

        await SlaAlertPublisher.PublishAsync(SlaAlert.Of(complaint, recorded), services.GetServices<ISlaAlertHandler>(), logger);
        return complaint;
    }

    /// <summary>
    /// Decides <paramref name="run"/> on the complaint the grain holds and appends its event; decided again on the stored
    /// history when another writer appended first (or when refused on a history another writer has moved on).
    /// </summary>
    private async Task<(CommandResult? Result, Complaint? Complaint, int Attempts)> RunAsync(Func<Complaint, CommandResult> run)
    {
        for (int attempt = 1; ; attempt++)
        {
            var complaint = await CurrentAsync();
            if (complaint is null)
            {
                return (null, null, attempt);
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

            if (result.Refusal is not null)
            {
                // Refused on the history this activation holds: make sure no other writer of the store moved the complaint
                // on (one summary read, only on refusals), else decide again on the stored history.
                var stored = await service.Store.GetSummaryAsync(ComplaintId);
                if (stored is not null && stored.Version != complaint.Snapshot.Version && attempt < MaxAttempts)
                {
                    LogConflict(logger, ComplaintId, complaint.Snapshot.Version, stored.Version, attempt);
                    _stale = true;
                    continue;
                }

                // Counted once, for the refusal the caller gets, as ComplaintService.ExecuteAsync counts it.
                _instrumentation.CommandsRefused.Add(1, new("command", result.Refusal.Command.ToString()), new("state", result.Refusal.State.ToString()));
            }

            return (result, complaint, attempt);
        }
    }

    /// <summary>
    /// Re-arms after a command whose event is stored: a reminder service that fails then does not turn a stored command
    /// into an error for its caller. It is logged (1601); the reminder armed before (if any) still fires and re-arms
    /// itself on the complaint as the store has it, and the next command tries again.
    /// </summary>
    private async Task TryArmAsync(Complaint complaint)
    {
        try
        {
            await ArmAsync(complaint, afterTick: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _arm = ArmState.Unknown;
            LogArmFailed(logger, ex, ComplaintId);
        }
    }

    /// <summary>
    /// Arms the SLA reminder for the complaint's next due time, or unregisters it when nothing is due. A due time the
    /// reminder is already armed for costs nothing; after a tick the reminder is always re-armed (it fired), and a due
    /// time that has passed but could not be acted on (the complaint refused it) is retried one period later.
    /// </summary>
    private async Task ArmAsync(Complaint? complaint, bool afterTick)
    {
        if (!_reminders)
        {
            return;
        }

        var now = Time.GetUtcNow();
        var due = complaint?.GetNextDue(now);
        if (due is null)
        {
            if (_arm != ArmState.None)
            {
                if (await this.GetReminder(ReminderName) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                _arm = ArmState.None;
            }

            return;
        }

        if (!afterTick && _arm.IsArmedFor(due.Value.At))
        {
            return;
        }

        var period = services.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
        var dueTime = due.Value.At - now;
        if (dueTime <= TimeSpan.Zero)
        {
            dueTime = afterTick ? period : TimeSpan.Zero;
        }

        await this.RegisterOrUpdateReminder(ReminderName, dueTime < MaxDueTime ? dueTime : MaxDueTime, period);
        _arm = ArmState.For(due.Value.At);
    }

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

    [LoggerMessage(1601, LogLevel.Warning, "Complaint {ComplaintId}: its event is stored but its SLA reminder could not be re-armed; the reminder armed before still fires, and the next command tries again.")]
    private static partial void LogArmFailed(ILogger logger, Exception exception, string complaintId);

    [LoggerMessage(ServiceQualityLogEvents.ComplaintAutoClosed, LogLevel.Information, "Complaint {ComplaintId} of client {ClientId} auto-closed by its reminder (resolved at {ResolvedAt}, no answer from the client).")]
    private static partial void LogAutoClosed(ILogger logger, string complaintId, string clientId, DateTimeOffset? resolvedAt);

    /// <summary>What this activation knows of the reminder: unknown, none, or armed for an instant.</summary>
    private readonly record struct ArmState(int Kind, DateTimeOffset At)
    {
        public static readonly ArmState Unknown = new(0, default);

        public static readonly ArmState None = new(1, default);

        public static ArmState For(DateTimeOffset at) => new(2, at);

        public bool IsArmedFor(DateTimeOffset at) => Kind == 2 && At == at;
    }
}
