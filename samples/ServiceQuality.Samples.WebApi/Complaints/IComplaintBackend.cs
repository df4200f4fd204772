using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;

namespace ServiceQuality.Samples.WebApi.Complaints;

/// <summary>
/// Where the complaint endpoints send receipts and commands and read one complaint: this host's own
/// <see cref="ComplaintService"/> (<see cref="LocalComplaintBackend"/>), or the complaint grains of an Orleans cluster
/// (<see cref="OrleansComplaintBackend"/>), chosen by the <c>Backend</c> setting. The endpoints do not know which.
/// Queries over many complaints (lists, the scorecard) read the store directly in both cases: the cluster's silos and
/// this host share it.
/// </summary>
internal interface IComplaintBackend
{
    /// <summary>Receives a complaint.</summary>
    /// <returns>The complaint, or <see langword="null"/> when a complaint with this id already exists (nothing was stored).</returns>
    /// <exception cref="ArgumentException">A field is missing or out of range; the parameter name is the JSON field's.</exception>
    Task<Complaint?> ReceiveAsync(ReceiveComplaintRequest request, CancellationToken cancellationToken);

    /// <summary>Runs one command on a complaint and stores its event.</summary>
    /// <returns>What happened: not found, refused (why, what is allowed), or accepted (the event).</returns>
    /// <exception cref="ArgumentException">The arguments do not fit the command, or a value is out of range.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer kept changing the complaint first; nothing was stored.</exception>
    Task<CommandOutcome> ExecuteAsync(string complaintId, ComplaintCommand command, ComplaintCommandArguments arguments, CancellationToken cancellationToken);

    /// <summary>Loads a complaint.</summary>
    /// <returns>The complaint, or <see langword="null"/> when there is none with this id.</returns>
    Task<Complaint?> LoadAsync(string complaintId, CancellationToken cancellationToken);

    /// <summary>Reads a complaint's events, in order.</summary>
    /// <returns>The events; empty when there is no complaint with this id.</returns>
    Task<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(string complaintId, CancellationToken cancellationToken);
}

/// <summary>What a command gave: accepted (the event it stored), refused (why), or not found (no complaint has the id).</summary>
/// <param name="Status">Accepted, refused or not found.</param>
/// <param name="Complaint">The complaint as the command left it; <see langword="null"/> when not found.</param>
/// <param name="Event">The event stored, when accepted.</param>
/// <param name="Refusal">Why the lifecycle refused it, when refused.</param>
internal sealed record CommandOutcome(CommandStatus Status, Complaint? Complaint, ComplaintEvent? Event, CommandRefusal? Refusal);

/// <summary>The complaints of this host's own <see cref="ComplaintService"/>: commands through the library's <see cref="ComplaintCommandExecutor"/> (dispatch, retries on conflicts, logging).</summary>
internal sealed class LocalComplaintBackend(ComplaintService service, ComplaintCommandExecutor executor) : IComplaintBackend
{
    public async Task<Complaint?> ReceiveAsync(ReceiveComplaintRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await service.ReceiveAsync(request, cancellationToken);
        }
        catch (ComplaintConcurrencyException)
        {
            return null;
        }
    }

    public async Task<CommandOutcome> ExecuteAsync(string complaintId, ComplaintCommand command, ComplaintCommandArguments arguments, CancellationToken cancellationToken)
    {
        var outcome = await executor.DispatchAsync(complaintId, command, arguments, cancellationToken);
        return new CommandOutcome(outcome.Result.Status, outcome.Complaint, outcome.Result.Event, outcome.Result.Refusal);
    }

    public async Task<Complaint?> LoadAsync(string complaintId, CancellationToken cancellationToken) =>
        await service.LoadAsync(complaintId, cancellationToken);

    public async Task<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(string complaintId, CancellationToken cancellationToken) =>
        await service.Store.ReadAsync(complaintId, cancellationToken);
}
