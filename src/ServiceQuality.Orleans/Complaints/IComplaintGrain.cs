using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;

namespace ServiceQuality.Orleans.Complaints;

/// <summary>
/// One complaint on the cluster, addressed by its identifier (<c>grainFactory.GetGrain&lt;IComplaintGrain&gt;("C-1")</c>).
/// Its commands run one at a time in the grain, through the library's lifecycle and the <see cref="ComplaintService"/>
/// the silo registers (<c>AddServiceQuality().UsePostgreSql(...)</c>), so commands on one complaint never race each other;
/// the grain rebuilds the complaint from that store when it activates, so deactivation, reactivation and a move to
/// another silo lose nothing. A refused command is a reply, not an exception; bad arguments throw
/// <see cref="ArgumentException"/>s to the caller.
/// </summary>
public interface IComplaintGrain : IGrainWithStringKey
{
    /// <summary>Receives the complaint (its first event), unless a complaint with this identifier already exists.</summary>
    /// <param name="intake">What the client said, on which channel, and who recorded it.</param>
    /// <returns>The receipt: whether this call created the complaint, and the complaint now.</returns>
    /// <exception cref="ArgumentException">See <see cref="ComplaintLifecycle.Receive(ReceiveComplaintRequest)"/>.</exception>
    Task<ComplaintReceipt> ReceiveAsync(ComplaintIntake intake);

    /// <summary>Runs one command (bound by <see cref="ComplaintCommands.Bind"/>) and stores its event.</summary>
    /// <param name="command">The command.</param>
    /// <param name="arguments">Its arguments: exactly the fields the command reads (<see cref="ComplaintCommands.ArgumentsOf"/>).</param>
    /// <returns>The event stored, or the refusal (why, and what is allowed now); <see cref="ComplaintCommandReply.Status"/> is <see cref="CommandStatus.NotFound"/> when there is no such complaint.</returns>
    /// <exception cref="ArgumentException">A field the command needs is missing, a field it does not read is set, or a value is invalid.</exception>
    Task<ComplaintCommandReply> ExecuteAsync(ComplaintCommand command, ComplaintCommandArguments arguments);

    /// <summary>Gets the complaint's state.</summary>
    /// <returns>The snapshot, or <see langword="null"/> when there is no such complaint.</returns>
    Task<ComplaintSnapshot?> GetSnapshotAsync();

    /// <summary>Gets the complaint's history, in order.</summary>
    /// <returns>Every event (empty when there is no such complaint).</returns>
    Task<ComplaintEvent[]> GetHistoryAsync();
}
