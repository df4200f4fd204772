using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

public class SlaOptionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PauseReasons_Defaults_AwaitingClientPausesUpdateAndResolve_OthersResolveOnly()
    {
        var rules = new SlaOptions().Build();

        Assert.Equal(SlaClocks.Update | SlaClocks.Resolve, rules.ClocksPausedBy(SlaPauseReasons.AwaitingClient));
        Assert.Equal(SlaClocks.Resolve, rules.ClocksPausedBy(SlaPauseReasons.AwaitingThirdParty));
        Assert.Equal(SlaClocks.Resolve, rules.ClocksPausedBy(SlaPauseReasons.ScheduledChange));
        Assert.Equal(3, SlaRules.Default.PauseReasons.Count);
    }

    [Fact]
    public void Pause_ConfiguredReason_EntryCarriesItsClocksAndTheConfiguredSpelling()
    {
        var options = new SlaOptions();
        options.PauseReasons["VendorHold"] = SlaClocks.Resolve | SlaClocks.Acknowledge;
        options.PauseReasons["awaitingclient"] = SlaClocks.Resolve; // keys ignore case: replaces the default
        var rules = options.Build();

        Assert.Equal(new SlaEntry(T0, SlaEntryKind.Paused) { Clocks = SlaClocks.Resolve | SlaClocks.Acknowledge, Reason = "VendorHold" }, rules.Pause(T0, "vendorhold"));
        Assert.Equal(new SlaEntry(T0, SlaEntryKind.Resumed) { Clocks = SlaClocks.Resolve, Reason = SlaPauseReasons.AwaitingClient }, rules.Resume(T0, "AWAITINGCLIENT"));
        var ex = Assert.Throws<ArgumentException>("reason", () => rules.Pause(T0, "Lunch"));
        Assert.Contains("'Lunch' is not configured; valid: AwaitingClient, AwaitingThirdParty, ScheduledChange, VendorHold.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_ReasonConfiguredToPauseNothing_ClocksKeepRunning()
    {
        var options = new SlaOptions();
        options.PauseReasons[SlaPauseReasons.ScheduledChange] = SlaClocks.None;
        var rules = options.Build();
        var policy = new SlaPolicy();

        var sla = SlaEvaluator.Evaluate([new(T0, SlaEntryKind.Started), rules.Pause(T0.AddHours(1), SlaPauseReasons.ScheduledChange)], policy, BusinessCalendar.AlwaysOpen, T0.AddHours(2));

        Assert.Equal((SlaStatus.Running, TimeSpan.FromHours(2)), (sla.Resolve.Status, sla.Resolve.Elapsed));
    }

    [Fact]
    public void Build_BadPauseReasons_EveryProblemWithItsKeyPath()
    {
        var options = new SlaOptions();
        options.PauseReasons[" "] = SlaClocks.Resolve;
        options.PauseReasons["Odd"] = (SlaClocks)16;

        var ex = Assert.Throws<InvalidOptionsException>(() => options.Build());

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("PauseReasons has a blank reason; valid: a non-blank name such as 'AwaitingClient'.", ex.Problems);
        Assert.Contains("PauseReasons:Odd is '16'; valid: None or any of Acknowledge, Update, Resolve.", ex.Problems);
    }

    [Fact]
    public void Build_NamedCalendars_ByNameIgnoringCase_WithTheBuiltIn24x7()
    {
        var options = new SlaOptions { DefaultCalendar = "london" };
        options.Calendars["London"] = new BusinessCalendarOptions { TimeZone = "Europe/London", Hours = { Monday = ["09:00-17:30"] } };
        options.Calendars["Night desk"] = new BusinessCalendarOptions { Hours = { Friday = ["22:00-06:00"] } };

        var rules = options.Build();

        Assert.Equal(["AlwaysOpen", "London", "Night desk"], rules.Calendars.Keys.Order(StringComparer.Ordinal));
        Assert.Same(BusinessCalendar.AlwaysOpen, rules.Calendars["alwaysopen"]);
        Assert.Same(rules.Calendars["LONDON"], rules.DefaultCalendar);
        Assert.Equal("Europe/London", rules.DefaultCalendar.TimeZone.Id);
        Assert.Same(BusinessCalendar.AlwaysOpen, SlaRules.Default.DefaultCalendar);
    }

    [Fact]
    public void Build_BadCalendars_EveryProblemWithItsKeyPath()
    {
        var options = new SlaOptions { DefaultCalendar = "Paris" };
        options.Calendars["London"] = new BusinessCalendarOptions { TimeZone = "Europe/London", Hours = { Monday = ["09:00-12:00", "11:00-17:30"] } };
        options.Calendars["alwaysOpen"] = new BusinessCalendarOptions { Hours = { Monday = ["09:00-17:30"] } };
        options.Calendars["Empty"] = new BusinessCalendarOptions();

        var ex = Assert.Throws<InvalidOptionsException>(() => options.Build());

        Assert.Equal(
        [
            "Calendars:London:Hours:Monday:0 ('09:00-12:00') overlaps Calendars:London:Hours:Monday:1 ('11:00-17:30'); valid: periods that do not overlap (an overnight period reaches into the next day).",
            "Calendars has a calendar named 'alwaysOpen'; valid: a non-blank name other than 'AlwaysOpen' (built in).",
            "Calendars:Empty:Hours has no working period; valid: at least one, e.g. Calendars:Empty:Hours:Monday: [ '09:00-17:30' ].",
            "DefaultCalendar is 'Paris'; valid: AlwaysOpen, Empty, London.",
        ],
        ex.Problems);
    }
}
