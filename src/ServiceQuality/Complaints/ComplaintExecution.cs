namespace ServiceQuality.Complaints;

/// <summary>
/// The outcome of <see cref="ComplaintService.ExecuteAsync"/>: the result of the command the delegate returned, every
/// event the delegate's commands appended and the service stored (in order), and the complaint as it is now. When no
/// complaint has the identifier, <see cref="CommandResult.Status"/> is <see cref="CommandStatus.NotFound"/>,
/// <see cref="Complaint"/> is <see langword="null"/> and nothing was appended. An
/// accepted command is never dropped: when a delegate runs an accepted command and then returns a refused one, the
/// accepted event is stored and listed in <see cref="Appended"/> while <see cref="Result"/> carries the refusal.
/// A runtime that retries the command after a conflict (the DI package's executor) reports how many times it ran with
/// <see cref="Attempts"/> (<see cref="WithAttempts"/>).
/// </summary>
public sealed class ComplaintExecution
{
    internal ComplaintExecution(Complaint? complaint, CommandResult result, IReadOnlyList<ComplaintEvent> appended, int attempts = 1)
    {
        Complaint = complaint;
        Result = result;
        Appended = appended;
        Attempts = attempts;
    }

    /// <summary>Gets the complaint after the command (its pending events stored), or <see langword="null"/> when no complaint has the identifier.</summary>
    public Complaint? Complaint { get; }

    /// <summary>Gets the result of the command the delegate returned.</summary>
    public CommandResult Result { get; }

    /// <summary>Gets every event the delegate's commands appended and the service stored, in order (empty when nothing was accepted).</summary>
    public IReadOnlyList<ComplaintEvent> Appended { get; }

    /// <summary>Gets how many times the command ran to give this execution: 1, plus one for each retry after a conflict.</summary>
    /// <value>1 for <see cref="ComplaintService.ExecuteAsync"/>; a retrying runtime sets it with <see cref="WithAttempts"/>.</value>
    public int Attempts { get; }

    /// <summary>Returns a copy of this execution that says the command ran <paramref name="attempts"/> times (its last attempt is this one).</summary>
    /// <param name="attempts">How many times the command ran: 1 or more.</param>
    /// <returns>A new execution with the same complaint, result and appended events, and <see cref="Attempts"/> = <paramref name="attempts"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> is less than 1.</exception>
    public ComplaintExecution WithAttempts(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return new ComplaintExecution(Complaint, Result, Appended, attempts);
    }

    /// <inheritdoc />
    public override string ToString() => Appended.Count == (Result.IsAccepted ? 1 : 0) ? Result.ToString() : $"{Result} ({Appended.Count} events stored)";
}
