using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>What running a command through <see cref="ComplaintCommandExecutor"/> gave.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Complaint">The complaint as the command left it (its last attempt), or <see langword="null"/> when there is no such complaint.</param>
/// <param name="Result">The event appended, or the lifecycle's refusal (why, and what is allowed now); <see cref="CommandStatus.NotFound"/> when the complaint was not found.</param>
/// <param name="Attempts">How many times the command ran: 1, plus one for each retry after a conflict.</param>
public readonly record struct ComplaintCommandOutcome(string ComplaintId, Complaint? Complaint, CommandResult Result, int Attempts)
{
    /// <summary>Gets a value indicating whether the complaint exists.</summary>
    public bool IsFound => Result.Status != CommandStatus.NotFound;

    /// <summary>Gets a value indicating whether the command was accepted and its event stored.</summary>
    public bool IsAccepted => Result.IsAccepted;
}
