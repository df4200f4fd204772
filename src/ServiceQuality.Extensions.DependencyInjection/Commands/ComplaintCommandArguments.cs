using System.Text.Json.Serialization;
using ServiceQuality.Complaints;

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

    /// <summary>Gets the apology (<see cref="ComplaintCommand.Apologise"/>).</summary>
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
}
