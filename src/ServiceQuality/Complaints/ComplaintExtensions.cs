namespace ServiceQuality.Complaints;

/// <summary>
/// A host's own condition on a command, added to every transition of that command in the lifecycle (so the standard
/// process stays the spine): when it does not hold, the command is refused with <see cref="Description"/> among the
/// unmet guards, like the lifecycle's own conditions. Register it in <see cref="ComplaintOptions.Guards"/>.
/// </summary>
/// <example>
/// <code>
/// options.Guards.Add(new ComplaintGuard(
///     ComplaintCommand.OfferHelp,
///     c => c.Complaint.Snapshot.Priority != Priority.Critical || teamLeads.Contains(c.Actor ?? ""),
///     "an offer on a Critical complaint needs a team lead"));
/// </code>
/// </example>
public sealed class ComplaintGuard
{
    /// <summary>Creates a guard.</summary>
    /// <param name="command">The command it conditions.</param>
    /// <param name="predicate">Returns <see langword="true"/> when the command may be accepted; reads the complaint, the time and the actor.</param>
    /// <param name="description">What must be true, in words: reported in the refusal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null, empty or white space, or <paramref name="command"/> is undefined.</exception>
    public ComplaintGuard(ComplaintCommand command, Func<ComplaintGuardContext, bool> predicate, string description)
    {
        ComplaintLifecycle.RequireDefined(command, nameof(command));
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Command = command;
        Predicate = predicate;
        Description = description;
    }

    /// <summary>Gets the command it conditions.</summary>
    public ComplaintCommand Command { get; }

    /// <summary>Gets the condition.</summary>
    public Func<ComplaintGuardContext, bool> Predicate { get; }

    /// <summary>Gets what must be true, in words.</summary>
    public string Description { get; }
}

/// <summary>
/// A host's observer of complaint transitions, registered in <see cref="ComplaintOptions.Observers"/>: called by
/// <see cref="ComplaintService"/> for every event once it is stored (never for a refused command or an event that was
/// not stored), in order, e.g. to send the client an update or a survey when a complaint closes.
/// </summary>
public interface IComplaintObserver
{
    /// <summary>Called after an event is stored.</summary>
    /// <param name="transition">The complaint, the event and the state it left.</param>
    /// <param name="cancellationToken">The operation's cancellation token.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnStoredAsync(ComplaintTransition transition, CancellationToken cancellationToken);
}

/// <summary>One stored event as an observer sees it.</summary>
public sealed class ComplaintTransition
{
    internal ComplaintTransition(Complaint complaint, ComplaintEvent @event, ComplaintState from)
    {
        Complaint = complaint;
        Event = @event;
        From = from;
    }

    /// <summary>Gets the complaint, as it is after all the events stored with this one.</summary>
    public Complaint Complaint { get; }

    /// <summary>Gets the event.</summary>
    public ComplaintEvent Event { get; }

    /// <summary>Gets the state before the event.</summary>
    public ComplaintState From { get; }

    /// <summary>Gets the state after the event.</summary>
    public ComplaintState To => Event.State;

    /// <summary>Gets a value indicating whether the event moved the complaint to another state (not a milestone inside one).</summary>
    public bool IsStateChange => From != To;
}

/// <summary>
/// One or more observers failed after events were stored: the events ARE stored (do not retry the command); the
/// observers' errors are in <see cref="Errors"/>, and every observer was still called for every event.
/// </summary>
public sealed class ComplaintObserverException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ComplaintObserverException()
        : this("A complaint observer failed after the events were stored.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ComplaintObserverException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintObserverException(string message, Exception innerException)
        : base(message, innerException) => Errors = [innerException];

    /// <summary>Creates the exception for observers that failed on stored events.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="stored">The events stored.</param>
    /// <param name="errors">The observers' errors, in the order they happened.</param>
    public ComplaintObserverException(string complaintId, IReadOnlyList<ComplaintEvent> stored, IReadOnlyList<Exception> errors)
        : base(
            $"{errors.Count} complaint observer call(s) failed after {stored.Count} event(s) of complaint '{complaintId}' were stored (they stay stored; do not retry the command). First: {errors[0].Message}",
            errors[0])
    {
        ComplaintId = complaintId;
        Stored = stored;
        Errors = errors;
    }

    /// <summary>Gets the complaint.</summary>
    public string ComplaintId { get; } = string.Empty;

    /// <summary>Gets the events that were stored.</summary>
    public IReadOnlyList<ComplaintEvent> Stored { get; } = [];

    /// <summary>Gets the observers' errors.</summary>
    public IReadOnlyList<Exception> Errors { get; } = [];
}
