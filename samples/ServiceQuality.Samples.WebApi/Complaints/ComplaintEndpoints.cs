using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceQuality.Complaints;

namespace ServiceQuality.Samples.WebApi.Complaints;

/// <summary>The complaint endpoints: receive, run commands, read a complaint with its SLA, its history, and lists.</summary>
internal static partial class ComplaintEndpoints
{
    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/complaints");
        complaints.MapPost("/", ReceiveAsync);
        complaints.MapPost("/{id}/commands/{command}", ExecuteAsync);
        complaints.MapGet("/{id}", GetAsync).WithName("GetComplaint");
        complaints.MapGet("/{id}/history", GetHistoryAsync);
        complaints.MapGet("/", ListAsync);
        return app;
    }

    internal static async Task<Results<Created<ComplaintView>, ProblemHttpResult>> ReceiveAsync(
        CreateComplaintRequest request, ComplaintService service, CancellationToken cancellationToken)
    {
        string id = request.Id ?? Guid.CreateVersion7().ToString("N");
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"'{id}' is not a valid complaint id; valid: 1 to 64 letters, digits, '-', '_' or '.'.", "id");
        }

        Complaint complaint;
        try
        {
            complaint = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = id, ClientId = request.ClientId, Segment = request.Segment, Channel = request.Channel, Priority = request.Priority, Text = request.Text, Actor = request.Actor }, cancellationToken);
        }
        catch (ComplaintConcurrencyException)
        {
            return TypedResults.Problem(
                detail: $"A complaint with id '{id}' already exists.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Duplicate complaint",
                type: Problems.DuplicateComplaint);
        }

        return TypedResults.Created($"/complaints/{Uri.EscapeDataString(id)}", ComplaintView.Of(complaint));
    }

    internal static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> ExecuteAsync(
        string id, string command, CommandRequest request, ComplaintService service, CancellationToken cancellationToken)
    {
        var run = ComplaintCommands.Bind(ComplaintCommands.Parse(command), request);

        // ExecuteAsync loads, decides and appends as one step; the complaint it ran on is kept for the view.
        Complaint? complaint = null;
        ComplaintExecution result;
        try
        {
            result = await service.ExecuteAsync(id, c => run(complaint = c), cancellationToken);
        }
        catch (KeyNotFoundException) when (complaint is null)
        {
            return Problems.NotFound(id);
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

        if (result.Refusal is { } refusal)
        {
            return TypedResults.Problem(
                detail: refusal.Message,
                statusCode: StatusCodes.Status409Conflict,
                title: $"The command '{refusal.Trigger}' was refused in state '{refusal.State}'",
                type: Problems.CommandRefused,
                extensions: new Dictionary<string, object?>
                {
                    ["state"] = refusal.State.ToString(),
                    ["command"] = refusal.Trigger.ToString(),
                    ["reason"] = refusal.Reason.ToString(),
                    ["unmetGuards"] = refusal.UnmetGuards.ToArray(),
                    ["allowedCommands"] = refusal.PermittedTriggers.Select(t => t.ToString()).ToArray(),
                });
        }

        return TypedResults.Ok(ComplaintView.Of(complaint!, result.Event));
    }

    internal static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> GetAsync(string id, ComplaintService service, CancellationToken cancellationToken) =>
        await service.LoadAsync(id, cancellationToken) is { } complaint ? TypedResults.Ok(ComplaintView.Of(complaint)) : Problems.NotFound(id);

    internal static async Task<Results<Ok<IReadOnlyList<ComplaintEvent>>, ProblemHttpResult>> GetHistoryAsync(string id, IComplaintStore store, CancellationToken cancellationToken)
    {
        var history = await store.ReadAsync(id, cancellationToken);
        return history.Count > 0 ? TypedResults.Ok(history) : Problems.NotFound(id);
    }

    /// <summary>Summaries of one client's complaints (<c>?clientId=</c>), of those in a state (<c>?state=</c>, superstates
    /// <c>Open</c> and <c>Engaged</c> included), of both, or of every complaint; by time received.</summary>
    internal static async Task<Ok<List<ComplaintStreamInfo>>> ListAsync(string? clientId, string? state, IComplaintStore store, CancellationToken cancellationToken)
    {
        ComplaintState? inState = state is null ? null : ParseState(state);
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

    private static ComplaintState ParseState(string state) =>
        state.Length > 0 && char.IsLetter(state[0]) && Enum.TryParse<ComplaintState>(state, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"'{state}' is not a state. Valid: {string.Join(", ", Enum.GetNames<ComplaintState>())}.", nameof(state));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
