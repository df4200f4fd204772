using System.Diagnostics;
using ServiceQuality.Diagnostics;
using ServiceQuality.Normalization;

namespace ServiceQuality.Complaints;

/// <summary>
/// Runs complaints against a store: receive, load (replay), save with the expected version, and execute a command
/// as one load-decide-append step. A stale writer gets a <see cref="ComplaintConcurrencyException"/> and nothing is
/// appended. Thread-safe when the store is.
/// </summary>
/// <remarks>
/// Records on <see cref="ServiceQualityInstrumentation"/>: complaints received, commands accepted and refused, times to
/// acknowledge and to resolve, and an activity around each store read and append.
/// </remarks>
public sealed class ComplaintService
{
    private readonly ServiceQualityInstrumentation _instrumentation;

    /// <summary>Creates the service with the shared default normalizer, recording on <see cref="ServiceQualityInstrumentation.Shared"/>.</summary>
    /// <param name="lifecycle">The lifecycle complaints follow.</param>
    /// <param name="store">Where histories are kept.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ComplaintService(ComplaintLifecycle lifecycle, IComplaintStore store)
        : this(lifecycle, store, DefaultNormalizer.Instance, ServiceQualityInstrumentation.Shared)
    {
    }

    /// <summary>Creates the service with the shared default normalizer.</summary>
    /// <param name="lifecycle">The lifecycle complaints follow.</param>
    /// <param name="store">Where histories are kept.</param>
    /// <param name="instrumentation">Where metrics and activities are recorded.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ComplaintService(ComplaintLifecycle lifecycle, IComplaintStore store, ServiceQualityInstrumentation instrumentation)
        : this(lifecycle, store, DefaultNormalizer.Instance, instrumentation)
    {
    }

    /// <summary>Creates the service.</summary>
    /// <param name="lifecycle">The lifecycle complaints follow.</param>
    /// <param name="store">Where histories are kept.</param>
    /// <param name="normalizer">Normalizes each complaint's words at intake (one normalizer is thread-safe and meant to be shared).</param>
    /// <param name="instrumentation">Where metrics and activities are recorded.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ComplaintService(ComplaintLifecycle lifecycle, IComplaintStore store, ComplaintNormalizer normalizer, ServiceQualityInstrumentation instrumentation)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(instrumentation);
        Lifecycle = lifecycle;
        Store = store;
        Normalizer = normalizer;
        _instrumentation = instrumentation;
    }

    /// <summary>Gets the lifecycle complaints follow.</summary>
    public ComplaintLifecycle Lifecycle { get; }

    /// <summary>Gets the store.</summary>
    public IComplaintStore Store { get; }

    /// <summary>Gets the normalizer that makes each complaint's normalized record at intake.</summary>
    public ComplaintNormalizer Normalizer { get; }

    /// <summary>Receives a new complaint: normalizes the client's words, and stores the first event, which carries the normalized record.</summary>
    /// <param name="request">The complaint as received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored complaint.</returns>
    /// <exception cref="ComplaintAlreadyExistsException">A complaint with this identifier already exists.</exception>
    /// <exception cref="ArgumentException">See <see cref="ComplaintLifecycle.Receive(ReceiveComplaintRequest, ComplaintNormalizer)"/>.</exception>
    public async ValueTask<Complaint> ReceiveAsync(ReceiveComplaintRequest request, CancellationToken cancellationToken = default)
    {
        var complaint = Lifecycle.Receive(request, Normalizer);
        try
        {
            await SaveAsync(complaint, cancellationToken).ConfigureAwait(false);
        }
        catch (ComplaintConcurrencyException ex) when (ex is not ComplaintAlreadyExistsException && ex.ExpectedVersion == 0)
        {
            throw new ComplaintAlreadyExistsException(request.ComplaintId, ex.ActualVersion);
        }

        return complaint;
    }

    /// <summary>Loads a complaint by replaying its stream.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The complaint, or <see langword="null"/> when it is unknown.</returns>
    public async ValueTask<Complaint?> LoadAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        using var activity = _instrumentation.ActivitySource.StartActivity("ServiceQuality.Store.Read");
        activity?.SetTag("servicequality.complaint.id", complaintId);
        var events = await Store.ReadAsync(complaintId, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("servicequality.events", events.Count);
        return events.Count == 0 ? null : Lifecycle.Replay(events);
    }

    /// <summary>
    /// Appends the complaint's pending events with its persisted version as the expected version, and the complaint's
    /// summary now (<see cref="ComplaintAppend.Of"/>), which the store keeps for its queries; then counts them on the
    /// instruments and calls the lifecycle's observers (<see cref="ComplaintOptions.Observers"/>) for each.
    /// </summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the events are stored.</returns>
    /// <exception cref="ComplaintConcurrencyException">Another writer appended first; nothing was stored.</exception>
    /// <exception cref="ComplaintObserverException">An observer failed after the events were stored (they stay stored).</exception>
    public async ValueTask SaveAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Version == complaint.PersistedVersion)
        {
            return;
        }

        using var activity = _instrumentation.ActivitySource.StartActivity("ServiceQuality.Store.Append");
        activity?.SetTag("servicequality.complaint.id", complaint.Id);
        activity?.SetTag("servicequality.expected_version", complaint.PersistedVersion);
        try
        {
            await Store.AppendAsync(ComplaintAppend.Of(complaint), cancellationToken).ConfigureAwait(false);
        }
        catch (ComplaintConcurrencyException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }

        var stored = complaint.GetPendingEvents();
        complaint.MarkPersisted();
        await OnStoredAsync(complaint, stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a complaint, runs <paramref name="command"/> on it and stores every event the complaint then has pending, as
    /// one append with the version it was loaded at. Whatever the delegate returns, no accepted event is dropped: a
    /// delegate that runs an accepted command and then returns a refused one has the accepted event stored, and the
    /// result lists it in <see cref="ComplaintExecution.Appended"/> beside the refusal. A delegate that throws stores nothing.
    /// An unknown identifier is an expected outcome, not an exception: the result's status is
    /// <see cref="CommandStatus.NotFound"/>, the complaint <see langword="null"/>, and the delegate is not called.
    /// </summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="command">The command, e.g. <c>c =&gt; c.PostUpdate("ann", ContactChannel.Email, "Engineer booked for 10:00")</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The returned command's result, the events stored and the complaint (<see cref="CommandStatus.NotFound"/> when there is no such complaint).</returns>
    /// <exception cref="ComplaintConcurrencyException">Another writer appended between the load and the append; nothing was stored.</exception>
    public async ValueTask<ComplaintExecution> ExecuteAsync(string complaintId, Func<Complaint, CommandResult> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var complaint = await LoadAsync(complaintId, cancellationToken).ConfigureAwait(false);
        if (complaint is null)
        {
            return new ComplaintExecution(null, CommandResult.NotFound, []);
        }

        var result = command(complaint);
        var appended = complaint.GetPendingEvents();
        if (appended.Count > 0)
        {
            await SaveAsync(complaint, cancellationToken).ConfigureAwait(false);
        }

        if (result.Refusal is { } refusal)
        {
            _instrumentation.CommandsRefused.Add(1, new("command", refusal.Command.ToString()), new("state", refusal.State.ToString()));
        }

        return new ComplaintExecution(complaint, result, appended);
    }

    /// <summary>
    /// What follows a successful append: each stored event is counted (as an accepted command, then what the event itself
    /// records), then every observer is called for every event, in order. Observers' errors are collected and thrown
    /// together once all were called: the events stay stored.
    /// </summary>
    private async ValueTask OnStoredAsync(Complaint complaint, IReadOnlyList<ComplaintEvent> stored, CancellationToken cancellationToken)
    {
        foreach (var e in stored)
        {
            if (e.Command is { } command)
            {
                _instrumentation.CommandsAccepted.Add(1, new KeyValuePair<string, object?>("command", command.ToString()));
            }

            e.Record(_instrumentation, complaint);
        }

        var observers = Lifecycle.Options.Observers;
        if (observers.Count == 0)
        {
            return;
        }

        List<Exception>? errors = null;
        var from = stored[0].Version == 1 ? Lifecycle.Definition.InitialState : complaint.History[(int)stored[0].Version - 2].State;
        foreach (var e in stored)
        {
            var transition = new ComplaintTransition(complaint, e, from);
            foreach (var observer in observers)
            {
                try
                {
                    await observer.OnStoredAsync(transition, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    (errors ??= []).Add(ex);
                }
            }

            from = e.State;
        }

        if (errors is not null)
        {
            throw new ComplaintObserverException(complaint.Id, stored, errors);
        }
    }
}
