using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Samples.WebApi.Security;

namespace ServiceQuality.Samples.WebApi.Complaints;

/// <summary>
/// The complaint endpoints: receive, run commands (agents), read a complaint with its SLA, its history, and lists
/// (agents any, a client its own). Receipts, commands and reads of one complaint go to the <see cref="IComplaintBackend"/>:
/// this host's <see cref="ComplaintService"/> through the library's <see cref="ComplaintCommandExecutor"/> (dispatch from
/// the name and body, retries on conflicts, logging), or the complaint grains of an Orleans cluster; the answers are the
/// same. Lists read the store (shared with the cluster's silos in cluster mode).
/// </summary>
internal static partial class ComplaintEndpoints
{
    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/complaints").WithTags("Complaints");
        complaints.MapPost("/", ReceiveAsync).RequireAuthorization(ApiRoles.Client)
            .WithSummary("Receives a complaint (an agent, or a client for itself).");
        complaints.MapPost("/{id}/commands/{command}", ExecuteAsync).RequireAuthorization(ApiRoles.Agent)
            .WithSummary("Runs a lifecycle command on a complaint (agents).");
        complaints.MapGet("/{id}", GetAsync).RequireAuthorization(ApiRoles.Client).WithName("GetComplaint")
            .WithSummary("A complaint with its SLA clocks and the commands allowed now (an agent, or its client).");
        complaints.MapGet("/{id}/history", GetHistoryAsync).RequireAuthorization(ApiRoles.Client)
            .WithSummary("A complaint's events, in order (an agent, or its client).");
        complaints.MapGet("/", ListAsync).RequireAuthorization(ApiRoles.Client)
            .WithSummary("Summaries by client and/or state (a client sees its own only).");
        return app;
    }

    internal static async Task<Results<Created<ComplaintView>, ProblemHttpResult>> ReceiveAsync(
        CreateComplaintRequest request, ClaimsPrincipal user, IComplaintBackend complaints, CancellationToken cancellationToken)
    {
        string id = request.Id is null ? Guid.CreateVersion7().ToString("N") : RequireId(request.Id, "id");
        RequireId(request.ClientId, "clientId");
        if (!ApiRoles.MayRead(user, request.ClientId))
        {
            return Problems.Forbid($"A client may submit complaints for itself only, not for '{request.ClientId}'.");
        }

        var complaint = await complaints.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = id, ClientId = request.ClientId, Segment = request.Segment, Channel = request.Channel, Priority = request.Priority, Text = request.Text, Actor = request.Actor }, cancellationToken);
        if (complaint is null)
        {
            return TypedResults.Problem(
                detail: $"A complaint with id '{id}' already exists.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Duplicate complaint",
                type: Problems.DuplicateComplaint);
        }

        return TypedResults.Created($"/complaints/{id}", ComplaintView.Of(complaint));
    }

    internal static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> ExecuteAsync(
        string id, string command, ComplaintCommandArguments arguments, IComplaintBackend complaints, CancellationToken cancellationToken)
    {
        RequireId(id, "id");
        CommandOutcome outcome;
        try
        {
            outcome = await complaints.ExecuteAsync(id, ComplaintCommands.Parse(command), arguments, cancellationToken);
        }
        catch (ComplaintConcurrencyException ex)
        {
            return TypedResults.Problem(
                detail: ex.Message,
                statusCode: StatusCodes.Status409Conflict,
                title: "The complaint was changed by another request; reload it and retry the command",
                type: Problems.ConcurrencyConflict,
                extensions: new Dictionary<string, object?> { ["expectedVersion"] = ex.ExpectedVersion, ["actualVersion"] = ex.ActualVersion });
        }

        if (outcome.Status == CommandStatus.NotFound || outcome.Complaint is not { } complaint)
        {
            return Problems.NotFound(id);
        }

        if (outcome.Status == CommandStatus.Refused && outcome.Refusal is { } refusal)
        {
            return TypedResults.Problem(
                detail: refusal.Message,
                statusCode: StatusCodes.Status409Conflict,
                title: $"The command '{refusal.Command}' was refused in state '{refusal.State}'",
                type: Problems.CommandRefused,
                extensions: new Dictionary<string, object?>
                {
                    ["state"] = refusal.State.ToString(),
                    ["command"] = refusal.Command.ToString(),
                    ["reason"] = refusal.Reason.ToString(),
                    ["unmetConditions"] = refusal.UnmetConditions.ToArray(),
                    ["allowedCommands"] = refusal.AllowedCommands.Select(t => t.ToString()).ToArray(),
                });
        }

        return TypedResults.Ok(ComplaintView.Of(complaint, outcome.Event));
    }

    /// <summary>A complaint; another client's complaint is "not found" for a client (its existence is not disclosed).</summary>
    internal static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IComplaintBackend complaints, CancellationToken cancellationToken) =>
        await complaints.LoadAsync(RequireId(id, "id"), cancellationToken) is { } complaint && ApiRoles.MayRead(user, complaint.Snapshot.ClientId)
            ? TypedResults.Ok(ComplaintView.Of(complaint))
            : Problems.NotFound(id);

    internal static async Task<Results<Ok<IReadOnlyList<ComplaintEvent>>, ProblemHttpResult>> GetHistoryAsync(string id, ClaimsPrincipal user, IComplaintBackend complaints, CancellationToken cancellationToken)
    {
        var history = await complaints.GetHistoryAsync(RequireId(id, "id"), cancellationToken);
        return history.Count > 0 && history[0] is ComplaintReceived received && ApiRoles.MayRead(user, received.ClientId) ? TypedResults.Ok(history) : Problems.NotFound(id);
    }

    /// <summary>Summaries of one client's complaints (<c>?clientId=</c>), of those in a state (<c>?state=</c>, superstates
    /// <c>Open</c> and <c>Engaged</c> included), of both, or of every complaint; by time received. A client lists its own.</summary>
    internal static async Task<Results<Ok<List<ComplaintStreamInfo>>, ProblemHttpResult>> ListAsync(
        string? clientId, string? state, ClaimsPrincipal user, IComplaintStore store, CancellationToken cancellationToken)
    {
        ComplaintState? inState = state is null ? null : ParseState(state);
        if (clientId is not null)
        {
            RequireId(clientId, "clientId");
        }

        if (!user.IsInRole(ApiRoles.Agent))
        {
            string own = user.FindFirst(ApiRoles.ClientIdClaim)!.Value;
            if (clientId is not null && clientId != own)
            {
                return Problems.Forbid($"A client may list its own complaints only, not those of '{clientId}'.");
            }

            clientId = own;
        }

        var found = clientId is not null ? store.GetByClientAsync(clientId, cancellationToken)
            : inState is { } s ? store.GetByStateAsync(s, cancellationToken)
            : store.GetReceivedBetweenAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);
        var list = new List<ComplaintStreamInfo>();
        await foreach (var info in found)
        {
            if (inState is not { } wanted || info.IsIn(wanted))
            {
                list.Add(info);
            }
        }

        return TypedResults.Ok(list);
    }

    /// <summary>Checks an identifier: 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit (so no '..', '/', '%' or spaces).</summary>
    internal static string RequireId(string? value, string field) =>
        value is not null && IdPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid {field}; valid: 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit.", field);

    private static ComplaintState ParseState(string state) =>
        state.Length > 0 && char.IsAsciiLetter(state[0]) && Enum.TryParse<ComplaintState>(state, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"'{state}' is not a state. Valid: {string.Join(", ", Enum.GetNames<ComplaintState>())}.", nameof(state));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();
}
