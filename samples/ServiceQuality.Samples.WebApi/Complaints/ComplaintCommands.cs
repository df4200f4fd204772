using ServiceQuality.Complaints;

namespace ServiceQuality.Samples.WebApi.Complaints;

/// <summary>Maps a command's name and request body to the <see cref="Complaint"/> method that runs it.</summary>
internal static class ComplaintCommands
{
    /// <summary>Reads a command name: the enum name or its kebab-case form, in any case (<c>offer-help</c>, <c>OfferHelp</c>).</summary>
    /// <exception cref="ArgumentException">The name is not a command; the message lists the valid ones.</exception>
    public static ComplaintCommand Parse(string name)
    {
        string compact = name.Replace("-", string.Empty, StringComparison.Ordinal);
        if (compact.Length > 0 && char.IsLetter(compact[0]) && Enum.TryParse<ComplaintCommand>(compact, ignoreCase: true, out var command))
        {
            return command;
        }

        throw new ArgumentException(
            $"'{name}' is not a command. Valid: {string.Join(", ", Enum.GetValues<ComplaintCommand>().Select(ToKebabCase))}.", "command");
    }

    /// <summary>Binds the request to the command: a missing argument is an <see cref="ArgumentException"/> naming its field.</summary>
    public static Func<Complaint, CommandResult> Bind(ComplaintCommand command, CommandRequest r)
    {
        string actor = Required(r.Actor, "actor");
        return command switch
        {
            ComplaintCommand.Acknowledge => c => c.Acknowledge(actor, Channel(r), Text(r.Thanks, "thanks")),
            ComplaintCommand.StartInvestigating => c => c.StartInvestigating(actor),
            ComplaintCommand.AddInformation => c => c.AddInformation(actor, Text(r.Information, "information")),
            ComplaintCommand.RequestInformation => c => c.RequestInformation(actor, Channel(r), Text(r.Question, "question")),
            ComplaintCommand.RecordClientResponse => c => c.RecordClientResponse(actor, Channel(r), Text(r.Response, "response")),
            ComplaintCommand.Apologise => c => c.Apologise(actor, Channel(r), Text(r.Apology, "apology")),
            ComplaintCommand.PostUpdate => c => c.PostUpdate(actor, Channel(r), Text(r.Update, "update")),
            ComplaintCommand.OfferHelp => c => c.OfferHelp(actor, Channel(r), r.Options ?? throw Missing("options")),
            ComplaintCommand.Commit => c => c.Commit(actor, Channel(r), Text(r.Action, "action"), r.DueAt ?? throw Missing("dueAt")),
            ComplaintCommand.DeliverFix => c => c.DeliverFix(actor, Channel(r), Text(r.Resolution, "resolution")),
            ComplaintCommand.RecordClientConfirmation => c => c.RecordClientConfirmation(actor, Channel(r)),
            ComplaintCommand.RecordClientRejection => c => c.RecordClientRejection(actor, Channel(r), Text(r.Reason, "reason")),
            ComplaintCommand.Escalate => c => c.Escalate(actor, r.Level ?? throw Missing("level"), Text(r.Reason, "reason")),
            ComplaintCommand.Withdraw => c => c.Withdraw(actor, Channel(r), Text(r.Reason, "reason")),
            ComplaintCommand.Reopen => c => c.Reopen(actor, Channel(r), Text(r.Reason, "reason")),
            ComplaintCommand.AutoClose => c => c.AutoClose(actor),
            _ => throw new ArgumentException($"'{command}' is not a command.", "command"),
        };

        // The command's own field, else the generic "text"; the library checks it is not blank.
        string Text(string? value, string field) => value ?? r.Text ?? throw Missing(field);
    }

    public static string ToKebabCase(ComplaintCommand command)
    {
        string name = command.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static ContactChannel Channel(CommandRequest r) => r.Channel ?? throw Missing("channel");

    private static string Required(string? value, string field) => value ?? throw Missing(field);

    private static ArgumentException Missing(string field) => new($"'{field}' is required.", field);
}
