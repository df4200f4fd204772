namespace ServiceQuality.Complaints;

/// <summary>
/// The outcome of <see cref="ComplaintService.ExecuteAsync"/>: the result of the command the delegate returned, every
/// event the delegate's commands appended and the service stored (in order), and the complaint as it is now. When no
/// complaint has the identifier, <see cref="CommandResult.Status"/> is <see cref="CommandStatus.NotFound"/>,
/// <see cref="Complaint"/> is <see langword="null"/> and nothing was appended. An
/// accepted command is never dropped: when a delegate runs an accepted command and then returns a refused one, the
/// accepted event is stored and listed in <see cref="Appended"/> while <see cref="Result"/> carries the refusal.
/// </summary>
public sealed class ComplaintExecution
{
    internal ComplaintExecution(Complaint? complaint, CommandResult result, IReadOnlyList<ComplaintEvent> appended)
    {
        Complaint = complaint;
        Result = result;
        Appended = appended;
    }

    /// <summary>Gets the complaint after the command (its pending events stored), or <see langword="null"/> when no complaint has the identifier.</summary>
    public Complaint? Complaint { get; }

    /// <summary>Gets the result of the command the delegate returned.</summary>
    public CommandResult Result { get; }

    /// <summary>Gets every event the delegate's commands appended and the service stored, in order (empty when nothing was accepted).</summary>
    public IReadOnlyList<ComplaintEvent> Appended { get; }

    /// <inheritdoc />
    public override string ToString() => Appended.Count == (Result.IsAccepted ? 1 : 0) ? Result.ToString() : $"{Result} ({Appended.Count} events stored)";
}
