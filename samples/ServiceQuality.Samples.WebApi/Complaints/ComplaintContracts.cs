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
