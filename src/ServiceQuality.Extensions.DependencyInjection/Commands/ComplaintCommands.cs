using System.Text;
using System.Text.Json;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Turns a <see cref="ComplaintCommand"/> and its <see cref="ComplaintCommandArguments"/> into the <see cref="Complaint"/>
/// method that runs it, so a web or message host writes no switch of its own; and reads command names as hosts write
/// them (<c>offer-help</c> or <c>OfferHelp</c>).
/// </summary>
public static class ComplaintCommands
{
    private static readonly (ComplaintCommand Command, Field Fields, Field Optional)[] Table =
    [
        (ComplaintCommand.Acknowledge, Field.Actor | Field.Channel | Field.Thanks, Field.None),
        (ComplaintCommand.StartInvestigating, Field.Actor, Field.None),
        (ComplaintCommand.AddInformation, Field.Actor | Field.Information, Field.None),
        (ComplaintCommand.RequestInformation, Field.Actor | Field.Channel | Field.Question, Field.None),
        (ComplaintCommand.RecordClientResponse, Field.Actor | Field.Channel | Field.Response, Field.None),
        (ComplaintCommand.Apologize, Field.Actor | Field.Channel | Field.Apology, Field.None),
        (ComplaintCommand.PostUpdate, Field.Actor | Field.Channel | Field.Update, Field.None),
        (ComplaintCommand.OfferHelp, Field.Actor | Field.Channel | Field.Options, Field.None),
        (ComplaintCommand.Commit, Field.Actor | Field.Channel | Field.Action | Field.DueAt, Field.None),
        (ComplaintCommand.DeliverFix, Field.Actor | Field.Channel | Field.Resolution, Field.None),
        (ComplaintCommand.RecordClientConfirmation, Field.Actor | Field.Channel, Field.None),
        (ComplaintCommand.RecordClientRejection, Field.Actor | Field.Channel | Field.Reason, Field.None),
        (ComplaintCommand.Escalate, Field.Actor | Field.Level | Field.Reason, Field.None),
        (ComplaintCommand.Withdraw, Field.Actor | Field.Channel | Field.Reason, Field.None),
        (ComplaintCommand.Reopen, Field.Actor | Field.Channel | Field.Reason, Field.None),
        (ComplaintCommand.AutoClose, Field.Actor, Field.None),
        (ComplaintCommand.Assign, Field.Actor, Field.Agent | Field.Team),
        (ComplaintCommand.ChangePriority, Field.Actor | Field.Priority | Field.Reason, Field.None),
        (ComplaintCommand.PutOnHold, Field.Actor | Field.PauseReason | Field.Note, Field.None),
        (ComplaintCommand.ReleaseHold, Field.Actor | Field.Note, Field.None),
        (ComplaintCommand.LinkProblem, Field.Actor | Field.ProblemId, Field.None),
        (ComplaintCommand.UnlinkProblem, Field.Actor | Field.Reason, Field.None),
        (ComplaintCommand.LinkSurveyResponse, Field.Actor | Field.SurveyResponseId, Field.None),
        (ComplaintCommand.ChangeTags, Field.Actor, Field.AddTags | Field.RemoveTags),
        (ComplaintCommand.ChangeMetadata, Field.Actor, Field.SetMetadata | Field.RemoveMetadata),
        (ComplaintCommand.RecordSlaAlert, Field.Actor | Field.Clock | Field.Status, Field.None),
    ];

    /// <summary>The argument fields, in the order messages list them; the names are the JSON (camelCase) names.</summary>
    [Flags]
    private enum Field
    {
        None = 0,
        Actor = 1 << 0,
        Channel = 1 << 1,
        Text = 1 << 2,
        Thanks = 1 << 3,
        Information = 1 << 4,
        Question = 1 << 5,
        Response = 1 << 6,
        Apology = 1 << 7,
        Update = 1 << 8,
        Resolution = 1 << 9,
        Reason = 1 << 10,
        Options = 1 << 11,
        Action = 1 << 12,
        DueAt = 1 << 13,
        Level = 1 << 14,
        Agent = 1 << 15,
        Team = 1 << 16,
        Priority = 1 << 17,
        PauseReason = 1 << 18,
        Note = 1 << 19,
        ProblemId = 1 << 20,
        SurveyResponseId = 1 << 21,
        AddTags = 1 << 22,
        RemoveTags = 1 << 23,
        SetMetadata = 1 << 24,
        RemoveMetadata = 1 << 25,
        Clock = 1 << 26,
        Status = 1 << 27,
    }

    /// <summary>The fields that hold a command's text, and may be given as <c>text</c> instead.</summary>
    private const Field TextFields = Field.Thanks | Field.Information | Field.Question | Field.Response | Field.Apology | Field.Update | Field.Resolution | Field.Reason | Field.Action | Field.Note;

    /// <summary>Gets the commands a host can dispatch, in enum order.</summary>
    public static IReadOnlyList<ComplaintCommand> Dispatchable { get; } = [.. Table.Select(static t => t.Command)];

    /// <summary>
    /// Reads a command name: the enum name or its kebab-case form, in any case (<c>offer-help</c>, <c>OfferHelp</c>,
    /// <c>OFFER-HELP</c>). Numbers are not names. The British spelling the commands had before 1.0 is still read
    /// (<c>apologise</c> is <see cref="ComplaintCommand.Apologize"/>).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a dispatchable command's name; the message lists the valid ones (parameter <c>command</c>).</exception>
    public static ComplaintCommand Parse(string? name) => TryParse(name, out var command)
        ? command
        : throw new ArgumentException($"'{name}' is not a command. Valid: {string.Join(", ", Dispatchable.Select(ToKebabCase))}.", "command");

    /// <summary>Reads a command name, as <see cref="Parse"/> does, without throwing.</summary>
    /// <param name="name">The name.</param>
    /// <param name="command">The command, when the name is one.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a dispatchable command.</returns>
    public static bool TryParse(string? name, out ComplaintCommand command)
    {
        command = default;
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        string compact = name.Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.Equals(compact, "Apologise", StringComparison.OrdinalIgnoreCase))
        {
            // The name before 1.0 (British spelling): hosts' stored links and scripts still send it.
            command = ComplaintCommand.Apologize;
            return true;
        }

        return compact.Length > 0 && char.IsAsciiLetter(compact[0]) && Enum.TryParse(compact, ignoreCase: true, out command) && IndexOf(command) >= 0;
    }

    /// <summary>Writes a command's name in kebab-case (<see cref="ComplaintCommand.OfferHelp"/> is <c>offer-help</c>).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The name.</returns>
    public static string ToKebabCase(ComplaintCommand command)
    {
        string name = command.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiLetterUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>Lists the argument fields a command reads (camelCase, as in JSON); <c>actor</c> is always first.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The fields, the optional ones included (<c>assign</c>: <c>agent</c> and/or <c>team</c>; <c>change-tags</c>: <c>addTags</c> and/or <c>removeTags</c>; <c>change-metadata</c>: <c>setMetadata</c> and/or <c>removeMetadata</c>); a command with a text field also accepts <c>text</c> in its place.</returns>
    /// <exception cref="ArgumentException"><paramref name="command"/> is not dispatchable.</exception>
    public static IReadOnlyList<string> ArgumentsOf(ComplaintCommand command) => Names(FieldsOf(command) | OptionalOf(command));

    /// <summary>
    /// Binds the arguments to the command: checks that every field the command needs is there and that no other field
    /// is set, and returns the function that runs the command on a complaint (the complaint's own checks, such as a
    /// blank text or a due date in the past, run when it is called). Refusals by the lifecycle are results.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The function that runs the command on a complaint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arguments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The command is not dispatchable, a field it needs is missing, or a field it does not read is set; the message names every such field and the parameter name is the first one's JSON name.</exception>
    public static Func<Complaint, CommandResult> Bind(ComplaintCommand command, ComplaintCommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var a = arguments;
        var fields = FieldsOf(command);
        Field given = Given(a);
        Field optional = OptionalOf(command);
        Field textField = fields & TextFields;
        Field allowed = (textField == Field.None ? fields : fields | Field.Text) | optional;
        Field extra = given & ~allowed;
        Field missing = fields & ~given;
        if (textField != Field.None && (given & Field.Text) != 0)
        {
            // "text" stands in for the command's own text field, not beside it.
            extra |= given & textField;
            missing &= ~textField;
        }

        if (extra != Field.None || missing != Field.None)
        {
            throw Problem(command, fields | optional, missing, extra, textField);
        }

        string actor = a.Actor!;
        string Text(string? own) => own ?? a.Text!;
        ContactChannel channel = a.Channel.GetValueOrDefault();
        return command switch
        {
            ComplaintCommand.Acknowledge => c => c.Acknowledge(actor, channel, Text(a.Thanks)),
            ComplaintCommand.StartInvestigating => c => c.StartInvestigating(actor),
            ComplaintCommand.AddInformation => c => c.AddInformation(actor, Text(a.Information)),
            ComplaintCommand.RequestInformation => c => c.RequestInformation(actor, channel, Text(a.Question)),
            ComplaintCommand.RecordClientResponse => c => c.RecordClientResponse(actor, channel, Text(a.Response)),
            ComplaintCommand.Apologize => c => c.Apologize(actor, channel, Text(a.Apology)),
            ComplaintCommand.PostUpdate => c => c.PostUpdate(actor, channel, Text(a.Update)),
            ComplaintCommand.OfferHelp => c => c.OfferHelp(actor, channel, a.Options!),
            ComplaintCommand.Commit => c => c.Commit(actor, channel, Text(a.Action), a.DueAt.GetValueOrDefault()),
            ComplaintCommand.DeliverFix => c => c.DeliverFix(actor, channel, Text(a.Resolution)),
            ComplaintCommand.RecordClientConfirmation => c => c.RecordClientConfirmation(actor, channel),
            ComplaintCommand.RecordClientRejection => c => c.RecordClientRejection(actor, channel, Text(a.Reason)),
            ComplaintCommand.Escalate => c => c.Escalate(actor, a.Level.GetValueOrDefault(), Text(a.Reason)),
            ComplaintCommand.Withdraw => c => c.Withdraw(actor, channel, Text(a.Reason)),
            ComplaintCommand.Reopen => c => c.Reopen(actor, channel, Text(a.Reason)),
            ComplaintCommand.AutoClose => c => c.AutoClose(actor),
            ComplaintCommand.Assign => c => c.Assign(actor, a.Agent, a.Team),
            ComplaintCommand.ChangePriority => c => c.ChangePriority(actor, a.Priority.GetValueOrDefault(), Text(a.Reason)),
            ComplaintCommand.PutOnHold => c => c.PutOnHold(actor, a.PauseReason!, Text(a.Note)),
            ComplaintCommand.ReleaseHold => c => c.ReleaseHold(actor, Text(a.Note)),
            ComplaintCommand.LinkProblem => c => c.LinkProblem(actor, a.ProblemId!),
            ComplaintCommand.UnlinkProblem => c => c.UnlinkProblem(actor, Text(a.Reason)),
            ComplaintCommand.LinkSurveyResponse => c => c.LinkSurveyResponse(actor, a.SurveyResponseId!),
            ComplaintCommand.ChangeTags => c => c.ChangeTags(actor, a.AddTags ?? [], a.RemoveTags ?? []),
            ComplaintCommand.ChangeMetadata => c => c.ChangeMetadata(actor, a.SetMetadata ?? NoMetadata, a.RemoveMetadata ?? []),
            ComplaintCommand.RecordSlaAlert => c => c.RecordSlaAlert(actor, a.Clock.GetValueOrDefault(), a.Status.GetValueOrDefault()),
            _ => throw NotDispatchable(command),
        };
    }

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>(StringComparer.Ordinal);

    private static int IndexOf(ComplaintCommand command) => Array.FindIndex(Table, t => t.Command == command);

    private static Field FieldsOf(ComplaintCommand command) =>
        IndexOf(command) is var i and >= 0 ? Table[i].Fields : throw NotDispatchable(command);

    private static Field OptionalOf(ComplaintCommand command) =>
        IndexOf(command) is var i and >= 0 ? Table[i].Optional : throw NotDispatchable(command);

    private static ArgumentException NotDispatchable(ComplaintCommand command) =>
        new($"'{command}' is not a command a host can dispatch. Valid: {string.Join(", ", Dispatchable)}.", nameof(command));

    private static Field Given(ComplaintCommandArguments a)
    {
        var given = Field.None;
        Set(a.Actor is not null, Field.Actor);
        Set(a.Channel is not null, Field.Channel);
        Set(a.Text is not null, Field.Text);
        Set(a.Thanks is not null, Field.Thanks);
        Set(a.Information is not null, Field.Information);
        Set(a.Question is not null, Field.Question);
        Set(a.Response is not null, Field.Response);
        Set(a.Apology is not null, Field.Apology);
        Set(a.Update is not null, Field.Update);
        Set(a.Resolution is not null, Field.Resolution);
        Set(a.Reason is not null, Field.Reason);
        Set(a.Options is not null, Field.Options);
        Set(a.Action is not null, Field.Action);
        Set(a.DueAt is not null, Field.DueAt);
        Set(a.Level is not null, Field.Level);
        Set(a.Agent is not null, Field.Agent);
        Set(a.Team is not null, Field.Team);
        Set(a.Priority is not null, Field.Priority);
        Set(a.PauseReason is not null, Field.PauseReason);
        Set(a.Note is not null, Field.Note);
        Set(a.ProblemId is not null, Field.ProblemId);
        Set(a.SurveyResponseId is not null, Field.SurveyResponseId);
        Set(a.AddTags is not null, Field.AddTags);
        Set(a.RemoveTags is not null, Field.RemoveTags);
        Set(a.SetMetadata is not null, Field.SetMetadata);
        Set(a.RemoveMetadata is not null, Field.RemoveMetadata);
        Set(a.Clock is not null, Field.Clock);
        Set(a.Status is not null, Field.Status);
        return given;

        void Set(bool isSet, Field field)
        {
            if (isSet)
            {
                given |= field;
            }
        }
    }

    private static ArgumentException Problem(ComplaintCommand command, Field fields, Field missing, Field extra, Field textField)
    {
        var parts = new List<string>(2);
        if (missing != Field.None)
        {
            parts.Add($"missing: {string.Join(", ", Names(missing).Select(n => $"'{n}'"))}");
        }

        if (extra != Field.None)
        {
            parts.Add($"not read by this command: {string.Join(", ", Names(extra).Select(n => $"'{n}'"))}");
        }

        string text = textField == Field.None ? string.Empty : $" ('text' may stand in for '{Names(textField)[0]}')";
        string first = Names(missing != Field.None ? missing : extra)[0];
        return new ArgumentException(
            $"{command} takes {string.Join(", ", Names(fields))}{text}; {string.Join("; ", parts)}.", first);
    }

    private static string[] Names(Field fields) =>
        [.. Enum.GetValues<Field>().Where(f => f != Field.None && (fields & f) != 0).Select(static f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()))];
}
