using System.Text.Json.Serialization;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// The arguments of a <see cref="ComplaintCommand"/>, as a web or message host receives them: one serializable record
/// for every command, each command reading the fields it needs (the table in <c>docs/hosting.md</c>, or
/// <see cref="ComplaintCommands.ArgumentsOf"/>). A field the command does not read is refused, never ignored; so is an
/// unknown JSON property. A command's text may be given in its own field (<see cref="Thanks"/>, <see cref="Apology"/>, ...)
/// or in <see cref="Text"/>, not in both.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ComplaintCommandArguments
{
    /// <summary>Gets who runs the command (every command needs it).</summary>
    public string? Actor { get; init; }

    /// <summary>Gets the client channel of a client-visible command.</summary>
    public ContactChannel? Channel { get; init; }

    /// <summary>Gets the command's text, for a command that takes one, when its own field is not used.</summary>
    public string? Text { get; init; }

    /// <summary>Gets what the client is told when thanked (<see cref="ComplaintCommand.Acknowledge"/>).</summary>
    public string? Thanks { get; init; }

    /// <summary>Gets the information added (<see cref="ComplaintCommand.AddInformation"/>).</summary>
    public string? Information { get; init; }

    /// <summary>Gets what the client is asked (<see cref="ComplaintCommand.RequestInformation"/>).</summary>
    public string? Question { get; init; }

    /// <summary>Gets the client's response (<see cref="ComplaintCommand.RecordClientResponse"/>).</summary>
    public string? Response { get; init; }

    /// <summary>Gets the apology (<see cref="ComplaintCommand.Apologize"/>).</summary>
    public string? Apology { get; init; }

    /// <summary>Gets the client-visible update (<see cref="ComplaintCommand.PostUpdate"/>).</summary>
    public string? Update { get; init; }

    /// <summary>Gets what was done (<see cref="ComplaintCommand.DeliverFix"/>).</summary>
    public string? Resolution { get; init; }

    /// <summary>Gets why (<see cref="ComplaintCommand.RecordClientRejection"/>, <see cref="ComplaintCommand.Escalate"/>, <see cref="ComplaintCommand.Withdraw"/>, <see cref="ComplaintCommand.Reopen"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the options offered (<see cref="ComplaintCommand.OfferHelp"/>).</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Gets the action committed to (<see cref="ComplaintCommand.Commit"/>).</summary>
    public string? Action { get; init; }

    /// <summary>Gets when the committed action is due (<see cref="ComplaintCommand.Commit"/>).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Gets the new escalation level (<see cref="ComplaintCommand.Escalate"/>).</summary>
    public int? Level { get; init; }

    /// <summary>Gets the agent assigned (<see cref="ComplaintCommand.Assign"/>; give it, the team, or both).</summary>
    public string? Agent { get; init; }

    /// <summary>Gets the team assigned (<see cref="ComplaintCommand.Assign"/>; give it, the agent, or both).</summary>
    public string? Team { get; init; }

    /// <summary>Gets the new priority (<see cref="ComplaintCommand.ChangePriority"/>, whose <see cref="Reason"/> says why).</summary>
    public Priority? Priority { get; init; }

    /// <summary>Gets the configured pause reason of a hold (<see cref="ComplaintCommand.PutOnHold"/>), e.g. <c>AwaitingThirdParty</c>.</summary>
    public string? PauseReason { get; init; }

    /// <summary>Gets the note of a hold or its release (<see cref="ComplaintCommand.PutOnHold"/>, <see cref="ComplaintCommand.ReleaseHold"/>).</summary>
    public string? Note { get; init; }

    /// <summary>Gets the recurring problem linked (<see cref="ComplaintCommand.LinkProblem"/>).</summary>
    public string? ProblemId { get; init; }

    /// <summary>Gets the survey response linked (<see cref="ComplaintCommand.LinkSurveyResponse"/>).</summary>
    public string? SurveyResponseId { get; init; }

    /// <summary>Gets the tags to add (<see cref="ComplaintCommand.ChangeTags"/>; give them, the tags to remove, or both).</summary>
    public IReadOnlyList<string>? AddTags { get; init; }

    /// <summary>Gets the tags to remove (<see cref="ComplaintCommand.ChangeTags"/>).</summary>
    public IReadOnlyList<string>? RemoveTags { get; init; }

    /// <summary>Gets the metadata entries to add or replace (<see cref="ComplaintCommand.ChangeMetadata"/>; give them, the keys to remove, or both).</summary>
    public IReadOnlyDictionary<string, string>? SetMetadata { get; init; }

    /// <summary>Gets the metadata keys to remove (<see cref="ComplaintCommand.ChangeMetadata"/>).</summary>
    public IReadOnlyList<string>? RemoveMetadata { get; init; }

    /// <summary>Gets the SLA clock of an alert (<see cref="ComplaintCommand.RecordSlaAlert"/>).</summary>
    public SlaClockKind? Clock { get; init; }

    /// <summary>Gets the SLA status of an alert, <c>AtRisk</c> or <c>Breached</c> (<see cref="ComplaintCommand.RecordSlaAlert"/>).</summary>
    public SlaStatus? Status { get; init; }
}
