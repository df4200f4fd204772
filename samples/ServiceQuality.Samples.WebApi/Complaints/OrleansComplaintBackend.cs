using System.Text.RegularExpressions;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Orleans.Complaints;

namespace ServiceQuality.Samples.WebApi.Complaints;

/// <summary>
/// The complaints of an Orleans cluster: each receipt and command is a call to the complaint's grain
/// (<see cref="IComplaintGrain"/>, key: the complaint id), which decides it on the complaint it holds and stores the
/// event in the store the silos share; reads of one complaint ask its grain too. The view (SLA clocks now, the commands
/// allowed now) is the complaint rebuilt here from the grain's history up to the version the call returned, with this
/// host's lifecycle — configured as the silos' (the same <c>ServiceQuality</c> section).
/// </summary>
internal sealed partial class OrleansComplaintBackend(IClusterClient cluster, ComplaintLifecycle lifecycle) : IComplaintBackend
{
    public async Task<Complaint?> ReceiveAsync(ReceiveComplaintRequest request, CancellationToken cancellationToken)
    {
        var grain = cluster.GetGrain<IComplaintGrain>(request.ComplaintId);
        var intake = new ComplaintIntake
        {
            ClientId = request.ClientId,
            Segment = request.Segment,
            Channel = request.Channel,
            Priority = request.Priority,
            Text = request.Text,
            Actor = request.Actor,
            Tags = request.Tags,
            Metadata = request.Metadata,
        };
        var receipt = await CallAsync(() => grain.ReceiveAsync(intake)).WaitAsync(cancellationToken);
        return receipt.IsCreated ? await RebuildAsync(grain, receipt.Complaint.Version, cancellationToken) : null;
    }

    public async Task<CommandOutcome> ExecuteAsync(string complaintId, ComplaintCommand command, ComplaintCommandArguments arguments, CancellationToken cancellationToken)
    {
        var grain = cluster.GetGrain<IComplaintGrain>(complaintId);
        var reply = await CallAsync(() => grain.ExecuteAsync(command, arguments)).WaitAsync(cancellationToken);
        if (reply.Status == CommandStatus.NotFound || reply.Complaint is not { } snapshot)
        {
            return new CommandOutcome(CommandStatus.NotFound, null, null, null);
        }

        var complaint = await RebuildAsync(grain, snapshot.Version, cancellationToken);
        return new CommandOutcome(reply.Status, complaint, reply.Event, reply.Refusal);
    }

    public async Task<Complaint?> LoadAsync(string complaintId, CancellationToken cancellationToken)
    {
        var history = await GetHistoryAsync(complaintId, cancellationToken);
        return history.Count == 0 ? null : lifecycle.Replay(history);
    }

    public async Task<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(string complaintId, CancellationToken cancellationToken) =>
        await cluster.GetGrain<IComplaintGrain>(complaintId).GetHistoryAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// The complaint at <paramref name="version"/>: the first events of the grain's history (append-only, so a command
    /// another request ran since does not change them).
    /// </summary>
    private async Task<Complaint> RebuildAsync(IComplaintGrain grain, long version, CancellationToken cancellationToken)
    {
        var history = await grain.GetHistoryAsync().WaitAsync(cancellationToken);
        return lifecycle.Replay(history.Take(checked((int)version)));
    }

    /// <summary>
    /// Calls a grain; an <see cref="ArgumentException"/> it threw arrives with its message but without its
    /// <see cref="ArgumentException.ParamName"/> (Orleans carries an exception's type, message, stack and data), so the
    /// parameter is read back from the message's "(Parameter 'name')" and the exception rethrown with it: bad input is
    /// the same 400 naming the field in both modes.
    /// </summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ArgumentException ex) when (ex.ParamName is null && ParameterPattern().Matches(ex.Message) is { Count: > 0 } found)
        {
            throw new ClusterArgumentException(ex.Message, found[^1].Groups["name"].Value, ex);
        }
    }

    [GeneratedRegex(@"\(Parameter '(?<name>[^']+)'\)")]
    private static partial Regex ParameterPattern();

    /// <summary>An argument exception from the cluster: its message as the grain wrote it, with the parameter it named.</summary>
    private sealed class ClusterArgumentException(string message, string paramName, Exception innerException)
        : ArgumentException(message, paramName, innerException)
    {
        public override string Message { get; } = message;
    }
}
