using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Commands;

public class ComplaintCommandsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Dispatchable_IsEveryCommand_SoANewCommandCannotBeForgotten()
    {
        Assert.Equal(Enum.GetValues<ComplaintCommand>(), ComplaintCommands.Dispatchable);
    }

    [Theory]
    [InlineData("offer-help", ComplaintCommand.OfferHelp)]
    [InlineData("OfferHelp", ComplaintCommand.OfferHelp)]
    [InlineData("OFFER-HELP", ComplaintCommand.OfferHelp)]
    [InlineData("record-client-confirmation", ComplaintCommand.RecordClientConfirmation)]
    [InlineData("auto-close", ComplaintCommand.AutoClose)]
    public void Parse_KebabCaseOrEnumName_InAnyCase(string name, ComplaintCommand expected)
    {
        Assert.Equal(expected, ComplaintCommands.Parse(name));
        Assert.Equal(name.ToLowerInvariant().Contains('-', StringComparison.Ordinal) ? name.ToLowerInvariant() : ComplaintCommands.ToKebabCase(expected), ComplaintCommands.ToKebabCase(expected));
    }

    [Theory]
    [InlineData("apologize")]
    [InlineData("Apologize")]
    [InlineData("apologise")]
    [InlineData("Apologise")]
    [InlineData("APOLOGISE")]
    public void Parse_ApologizeOrItsNameBefore1_0_IsApologize(string name)
    {
        Assert.Equal(ComplaintCommand.Apologize, ComplaintCommands.Parse(name));
        Assert.True(ComplaintCommands.TryParse(name, out var command));
        Assert.Equal(ComplaintCommand.Apologize, command);
        Assert.Equal("apologize", ComplaintCommands.ToKebabCase(command));
    }

    [Theory]
    [InlineData("apolog-ise-x")]
    [InlineData("apologised")]
    public void TryParse_NearTheOldName_IsNoCommand(string name)
    {
        Assert.False(ComplaintCommands.TryParse(name, out _));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("fly")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotACommand_ThrowsListingTheValidNames(string? name)
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplaintCommands.Parse(name));

        Assert.Equal("command", ex.ParamName);
        Assert.StartsWith($"'{name}' is not a command. Valid: acknowledge, start-investigating, add-information, request-information, record-client-response, apologize, post-update, offer-help, commit, deliver-fix, record-client-confirmation, record-client-rejection, escalate, withdraw, reopen, auto-close, assign, change-priority, put-on-hold, release-hold, link-problem, unlink-problem, link-survey-response, change-tags, change-metadata, record-sla-alert.", ex.Message, StringComparison.Ordinal);
        Assert.False(ComplaintCommands.TryParse(name, out _));
    }

    [Fact]
    public void ArgumentsOf_ListsTheFieldsEachCommandReads()
    {
        Assert.Equal(["actor", "channel", "thanks"], ComplaintCommands.ArgumentsOf(ComplaintCommand.Acknowledge));
        Assert.Equal(["actor", "channel", "action", "dueAt"], ComplaintCommands.ArgumentsOf(ComplaintCommand.Commit));
        Assert.Equal(["actor", "reason", "level"], ComplaintCommands.ArgumentsOf(ComplaintCommand.Escalate));
        Assert.Equal(["actor"], ComplaintCommands.ArgumentsOf(ComplaintCommand.AutoClose));
    }

    [Fact]
    public void Bind_MissingFields_NameEachOne()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplaintCommands.Bind(ComplaintCommand.Commit, new ComplaintCommandArguments { Actor = "ann" }));

        Assert.Equal("channel", ex.ParamName);
        Assert.Equal("Commit takes actor, channel, action, dueAt ('text' may stand in for 'action'); missing: 'channel', 'action', 'dueAt'. (Parameter 'channel')", ex.Message);
    }

    [Fact]
    public void Bind_AFieldTheCommandDoesNotRead_IsRefusedNotIgnored()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplaintCommands.Bind(
            ComplaintCommand.StartInvestigating, new ComplaintCommandArguments { Actor = "ann", Level = 2, Channel = ContactChannel.Email }));

        Assert.Equal("channel", ex.ParamName);
        Assert.Equal("StartInvestigating takes actor; not read by this command: 'channel', 'level'. (Parameter 'channel')", ex.Message);
    }

    [Fact]
    public void Bind_TextBesideTheCommandsOwnTextField_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplaintCommands.Bind(
            ComplaintCommand.Apologize, new ComplaintCommandArguments { Actor = "ann", Channel = ContactChannel.Email, Apology = "Sorry", Text = "Sorry again" }));

        Assert.Equal("apology", ex.ParamName);
        Assert.Contains("not read by this command: 'apology'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TextWhereTheCommandHasNoTextField_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplaintCommands.Bind(
            ComplaintCommand.RecordClientConfirmation, new ComplaintCommandArguments { Actor = "client", Channel = ContactChannel.Email, Text = "ok" }));

        Assert.Equal("text", ex.ParamName);
        Assert.Equal("RecordClientConfirmation takes actor, channel; not read by this command: 'text'. (Parameter 'text')", ex.Message);
    }

    [Fact]
    public async Task Bind_EveryCommand_RunsTheMatchingComplaintMethod_ThroughAWholeLifecycle()
    {
        var clock = new FakeTimeProvider(T0);
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), clock);
        var service = new ComplaintService(lifecycle, new InMemoryComplaintStore());
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "VPN down", Actor = "desk" });
        var steps = new (ComplaintCommand Command, ComplaintCommandArguments Arguments, Type Event, ComplaintState State)[]
        {
            (ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you" }, typeof(ComplaintAcknowledged), ComplaintState.Acknowledged),
            (ComplaintCommand.StartInvestigating, new() { Actor = "ann" }, typeof(InvestigationStarted), ComplaintState.Investigating),
            (ComplaintCommand.AddInformation, new() { Actor = "ann", Information = "Token expired" }, typeof(InformationAdded), ComplaintState.Investigating),
            (ComplaintCommand.RequestInformation, new() { Actor = "ann", Channel = ContactChannel.Email, Text = "Which office?" }, typeof(InformationRequested), ComplaintState.AwaitingClient),
            (ComplaintCommand.RecordClientResponse, new() { Actor = "client", Channel = ContactChannel.Phone, Response = "Leeds" }, typeof(ClientResponded), ComplaintState.Investigating),
            (ComplaintCommand.Apologize, new() { Actor = "ann", Channel = ContactChannel.Phone, Apology = "We are sorry" }, typeof(ApologyGiven), ComplaintState.Investigating),
            (ComplaintCommand.PostUpdate, new() { Actor = "ann", Channel = ContactChannel.Email, Update = "Engineer booked" }, typeof(ClientUpdatePosted), ComplaintState.Investigating),
            (ComplaintCommand.Escalate, new() { Actor = "ann", Level = 1, Reason = "VIP" }, typeof(ComplaintEscalated), ComplaintState.Investigating),
            (ComplaintCommand.OfferHelp, new() { Actor = "ann", Channel = ContactChannel.Email, Options = ["Replace the token"] }, typeof(HelpOptionsOffered), ComplaintState.HelpOffered),
            (ComplaintCommand.Commit, new() { Actor = "ann", Channel = ContactChannel.Email, Action = "Replace the token", DueAt = T0.AddDays(1) }, typeof(ActionCommitted), ComplaintState.Committed),
            (ComplaintCommand.DeliverFix, new() { Actor = "eng", Channel = ContactChannel.Email, Resolution = "Replaced" }, typeof(FixDelivered), ComplaintState.Resolved),
            (ComplaintCommand.RecordClientRejection, new() { Actor = "client", Channel = ContactChannel.Email, Reason = "Still drops" }, typeof(ClientRejectedFix), ComplaintState.Investigating),
            (ComplaintCommand.OfferHelp, new() { Actor = "ann", Channel = ContactChannel.Email, Options = ["Move to the backup line"] }, typeof(HelpOptionsOffered), ComplaintState.HelpOffered),
            (ComplaintCommand.Commit, new() { Actor = "ann", Channel = ContactChannel.Email, Text = "Move the line", DueAt = T0.AddDays(2) }, typeof(ActionCommitted), ComplaintState.Committed),
            (ComplaintCommand.DeliverFix, new() { Actor = "eng", Channel = ContactChannel.Email, Text = "Moved" }, typeof(FixDelivered), ComplaintState.Resolved),
            (ComplaintCommand.RecordClientConfirmation, new() { Actor = "client", Channel = ContactChannel.Email }, typeof(ClientConfirmedFix), ComplaintState.Closed),
            (ComplaintCommand.Reopen, new() { Actor = "client", Channel = ContactChannel.Email, Reason = "Back again" }, typeof(ComplaintReopened), ComplaintState.Investigating),
            (ComplaintCommand.Withdraw, new() { Actor = "client", Channel = ContactChannel.Email, Reason = "Fixed it myself" }, typeof(ComplaintWithdrawn), ComplaintState.Withdrawn),
        };

        foreach (var (command, arguments, eventType, state) in steps)
        {
            var result = await service.ExecuteAsync("Q1", ComplaintCommands.Bind(command, arguments));
            Assert.True(result.Result.IsAccepted, $"{command}: {result.Result.Message}");
            Assert.IsType(eventType, result.Result.Event);
            Assert.Equal((command, state), (result.Result.Event!.Command, result.Result.Event.State));
        }

        // Auto-close: a resolved complaint the client has not answered within the window.
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q2", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "Printer jams", Actor = "desk" });
        foreach (var (command, arguments) in new (ComplaintCommand, ComplaintCommandArguments)[]
        {
            (ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Text = "Thanks" }),
            (ComplaintCommand.StartInvestigating, new() { Actor = "ann" }),
            (ComplaintCommand.Apologize, new() { Actor = "ann", Channel = ContactChannel.Email, Text = "Sorry" }),
            (ComplaintCommand.OfferHelp, new() { Actor = "ann", Channel = ContactChannel.Email, Options = ["Clean the rollers"] }),
            (ComplaintCommand.Commit, new() { Actor = "ann", Channel = ContactChannel.Email, Text = "Clean the rollers", DueAt = T0.AddDays(1) }),
            (ComplaintCommand.DeliverFix, new() { Actor = "eng", Channel = ContactChannel.Email, Text = "Cleaned the rollers" }),
        })
        {
            (await service.ExecuteAsync("Q2", ComplaintCommands.Bind(command, arguments))).Result.EnsureAccepted();
        }

        clock.Advance(TimeSpan.FromDays(8));
        var closed = await service.ExecuteAsync("Q2", ComplaintCommands.Bind(ComplaintCommand.AutoClose, new() { Actor = "system" }));
        Assert.IsType<ComplaintAutoClosed>(closed.Result.Event);
        Assert.Equal(ComplaintState.Closed, closed.Result.Event!.State);
    }

    [Fact]
    public void Arguments_RoundTripThroughJson_AndAnUnknownPropertyIsRefused()
    {
        var arguments = new ComplaintCommandArguments { Actor = "ann", Channel = ContactChannel.Email, Options = ["a", "b"], DueAt = T0, Level = 2 };

        string json = JsonSerializer.Serialize(arguments, Json);
        var back = JsonSerializer.Deserialize<ComplaintCommandArguments>(json, Json)!;

        Assert.Equal((arguments.Actor, arguments.Channel, arguments.DueAt, arguments.Level), (back.Actor, back.Channel, back.DueAt, back.Level));
        Assert.Equal(arguments.Options, back.Options);
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ComplaintCommandArguments>("""{"actor":"ann","levle":2}""", Json));
        Assert.Contains("levle", ex.Message, StringComparison.Ordinal);
    }
}
