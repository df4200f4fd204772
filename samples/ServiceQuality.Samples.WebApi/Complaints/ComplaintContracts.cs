using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Samples.WebApi.Complaints;

/// <summary>The body of <c>POST /complaints</c>. Without an id, the API makes one.</summary>
public sealed record CreateComplaintRequest(
    string ClientId,
    ClientSegment Segment,
    ContactChannel Channel,
    Priority Priority,
    string Text,
    string Actor,
    string? Id = null);

/// <summary>
/// The body of <c>POST /complaints/{id}/commands/{command}</c>: the arguments of every command, each command reading
/// the ones it needs. A command's text may be given in its own field (thanks, apology, ...) or in <c>text</c>.
/// </summary>
public sealed record CommandRequest
{
    public string? Actor { get; init; }

    public ContactChannel? Channel { get; init; }

    public string? Text { get; init; }

    public string? Thanks { get; init; }

    public string? Information { get; init; }

    public string? Question { get; init; }

    public string? Response { get; init; }

    public string? Apology { get; init; }

    public string? Update { get; init; }

    public string? Resolution { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    public string? Action { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public int? Level { get; init; }
}

/// <summary>
/// A complaint as the API shows it: its state as plain data, each SLA clock now (target, elapsed, remaining, status,
/// breach instant) and the commands allowed now. After a command, also the event it appended.
/// </summary>
public sealed record ComplaintView(
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] ComplaintEvent? Event,
    ComplaintSnapshot Complaint,
    SlaEvaluation Sla,
    IReadOnlyList<ComplaintCommand> AllowedCommands)
{
    public static ComplaintView Of(Complaint complaint, ComplaintEvent? appended = null) =>
        new(appended, complaint.Snapshot, complaint.EvaluateSla(), complaint.GetAllowedCommands());
}
