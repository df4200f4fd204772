using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

public class SlaRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // Monday, London on GMT

    private static SlaOptions Options()
    {
        var options = new SlaOptions { DefaultCalendar = "London" };
        options.Calendars["London"] = new BusinessCalendarOptions
        {
            TimeZone = "Europe/London",
            Hours = { Monday = ["09:00-17:00"], Tuesday = ["09:00-17:00"], Wednesday = ["09:00-17:00"], Thursday = ["09:00-17:00"], Friday = ["09:00-17:00"] },
        };
        options.Policies["Vip"] = new SlaPolicies { Critical = new() { TimeToAcknowledge = TimeSpan.FromMinutes(5), UpdateInterval = TimeSpan.FromMinutes(30), TimeToResolve = TimeSpan.FromHours(2) } };
        options.Policies["Internal"] = new SlaPolicies { Low = new() { TimeToAcknowledge = TimeSpan.FromDays(2), UpdateInterval = TimeSpan.FromDays(5), TimeToResolve = TimeSpan.FromDays(20) } };
        options.Rules =
        [
            new() { Name = "VIP phone", Tags = ["vip"], Channels = ["Phone"], Policy = "Vip", Calendar = "AlwaysOpen" },
            new() { Priorities = [Priority.Critical, Priority.High], Segments = [ClientSegment.External], Policy = "vip" },
            new() { Segments = [ClientSegment.Internal], Policy = "Internal" },
        ];
        return options;
    }

    [Fact]
    public void Select_FirstRuleWhoseConditionsAllHold_ElseTheDefault()
    {
        var rules = Options().Build(["Email", "Phone", "Web"]);
        var vip = rules.Policies["Vip"];

        var vipPhone = rules.Select(new SlaSubject { Priority = Priority.Normal, Segment = ClientSegment.External, Channel = "phone", Tags = ["VIP", "billing"] });
        Assert.Equal(("VIP phone", 0, "Vip", "AlwaysOpen"), (vipPhone.Rule, vipPhone.RuleIndex, vipPhone.PolicyName, vipPhone.CalendarName));
        Assert.Same(vip.Normal, vipPhone.Policy);
        Assert.Same(BusinessCalendar.AlwaysOpen, vipPhone.Calendar);

        var emailVip = rules.Select(new SlaSubject { Priority = Priority.Normal, Segment = ClientSegment.External, Channel = "Email", Tags = ["vip"] });
        Assert.Equal(("Default", -1, "Standard", "London"), (emailVip.Rule, emailVip.RuleIndex, emailVip.PolicyName, emailVip.CalendarName));
        Assert.Same(rules.DefaultCalendar, emailVip.Calendar);
        Assert.Equal(TimeSpan.FromHours(4), emailVip.Policy.TimeToAcknowledge);

        var critical = rules.Select(new SlaSubject { Priority = Priority.Critical, Segment = ClientSegment.External, Channel = "Email" });
        Assert.Equal(("Rules:1", 1, "Vip", "London"), (critical.Rule, critical.RuleIndex, critical.PolicyName, critical.CalendarName));
        Assert.Equal(TimeSpan.FromMinutes(5), critical.Policy.TimeToAcknowledge);

        var internalLow = rules.Select(new SlaSubject { Priority = Priority.Low, Segment = ClientSegment.Internal });
        Assert.Equal(("Rules:2", "Internal", TimeSpan.FromDays(20)), (internalLow.Rule, internalLow.PolicyName, internalLow.Policy.TimeToResolve));

        Assert.Equal("Default", rules.Select(new SlaSubject { Priority = Priority.Normal, Segment = ClientSegment.External, Channel = null, Tags = ["vip"] }).Rule); // no channel: channel rules never match
        Assert.Equal(3, rules.RuleCount);
        Assert.Same(critical, rules.Select(new SlaSubject { Priority = Priority.Critical, Segment = ClientSegment.External, Channel = "Web" })); // prebuilt: selecting allocates nothing
    }

    [Fact]
    public void Select_PriorityRaised_RetargetEntryCarriesTheNewTerms()
    {
        // A Normal external complaint by email (standard policy, London hours) becomes Critical 3 business hours in:
        // rule 1 gives the VIP policy (resolve within 2 hours), already used up, so the resolve clock breaches at once.
        var rules = Options().Build();
        var before = rules.Select(new SlaSubject { Priority = Priority.Normal, Segment = ClientSegment.External, Channel = "Email" });
        var after = rules.Select(new SlaSubject { Priority = Priority.Critical, Segment = ClientSegment.External, Channel = "Email" });
        SlaEntry[] history = [new(T0, SlaEntryKind.Started), new(T0.AddMinutes(10), SlaEntryKind.Acknowledged), after.Retarget(T0.AddHours(3))];

        var sla = SlaEvaluator.Evaluate(history, before.Policy, before.Calendar, T0.AddHours(4));

        Assert.Equal((SlaStatus.Breached, T0.AddHours(3), TimeSpan.FromHours(2)), (sla.Resolve.Status, sla.Resolve.BreachAt, sla.Resolve.Target));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(3)), (sla.Update.Status, sla.Update.BreachAt));
        Assert.Equal(SlaEntry.Retarget(T0, after.Policy, after.Calendar), after.Retarget(T0));
    }

    [Fact]
    public void Build_PoliciesAreCopies_LaterChangesToTheOptionsDoNotReachThem()
    {
        var options = Options();
        var rules = options.Build();

        options.Policies["Vip"].Critical.TimeToAcknowledge = TimeSpan.FromHours(9);
        options.Rules.Clear();

        Assert.Equal(TimeSpan.FromMinutes(5), rules.Select(new SlaSubject { Priority = Priority.Critical, Segment = ClientSegment.External, Channel = "Email" }).Policy.TimeToAcknowledge);
    }

    [Fact]
    public void Select_UndefinedPriorityOrSegment_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("subject", () => SlaRules.Default.Select(new SlaSubject { Priority = (Priority)9, Segment = ClientSegment.External }));
        Assert.Throws<ArgumentOutOfRangeException>("subject", () => SlaRules.Default.Select(new SlaSubject { Priority = Priority.Low, Segment = (ClientSegment)5 }));
        Assert.Equal(("Default", "Standard", "AlwaysOpen"), (SlaRules.Default.Select(new SlaSubject { Priority = Priority.Low, Segment = ClientSegment.External }) is var s ? (s.Rule, s.PolicyName, s.CalendarName) : default));
    }

    [Fact]
    public void Build_BadPoliciesAndRules_EveryProblemWithItsKeyPath()
    {
        var options = Options();
        options.DefaultPolicy = "Gold";
        options.Policies["Vip"].High.TimeToAcknowledge = TimeSpan.FromHours(-1);
        options.Policies["Empty"] = null!;
        options.Rules.Add(new() { Priorities = [(Priority)9], Segments = [(ClientSegment)3], Channels = ["Pigeon", " "], Tags = [""], Policy = "Silver", Calendar = "Paris" });
        options.Rules.Add(null!);

        var ex = Assert.Throws<InvalidOptionsException>(() => options.Build(["Email", "Phone"]));

        Assert.Equal(
        [
            "Policies:Vip:High:TimeToAcknowledge is -01:00:00; valid: greater than zero and at most 366 days.",
            "Policies:Empty is null; valid: a policy per priority.",
            "DefaultPolicy is 'Gold'; valid: Empty, Internal, Standard, Vip.",
            "Rules:3:Priorities:0 is '9'; valid: Low, Normal, High, Critical.",
            "Rules:3:Segments:0 is '3'; valid: Internal, External.",
            "Rules:3:Channels:0 is 'Pigeon'; valid: Email, Phone.",
            "Rules:3:Channels:1 is ' '; valid: Email, Phone.",
            "Rules:3:Tags:0 is ''; valid: a non-blank tag.",
            "Rules:3:Policy is 'Silver'; valid: Empty, Internal, Standard, Vip.",
            "Rules:3:Calendar is 'Paris'; valid: AlwaysOpen, London.",
            "Rules:4 is null; valid: a rule.",
        ],
        ex.Problems);
        Assert.StartsWith("SlaOptions has 11 invalid setting(s):", ex.Message, StringComparison.Ordinal);
    }
}
