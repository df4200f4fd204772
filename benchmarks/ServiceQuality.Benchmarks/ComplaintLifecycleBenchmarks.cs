using BenchmarkDotNet.Attributes;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// A complaint through its whole lifecycle (12 events) via the aggregate alone (baseline) and through the in-memory store
/// (one append per event, a new store per operation), intake normalizing the complaint's words in both; and SLA evaluation of a 50-event history on a 24x7 and on a
/// London office-hours calendar. The lifecycle benchmarks report per event (OperationsPerInvoke = 12).
/// </summary>
[MemoryDiagnoser]
public class ComplaintLifecycleBenchmarks
{
    private const int LifecycleEvents = 12;
    private static readonly DateTimeOffset Start = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly ComplaintNormalizer Normalizer = new();
    private static readonly string[] HelpOptions = ["replace the router", "move you to the backup VPN"];
    private readonly ManualTime _time = new();
    private ComplaintLifecycle _lifecycle = null!;
    private Complaint _fiftyEvents = null!;
    private Complaint _fiftyEventsLondon = null!;
    private DateTimeOffset _evaluateAt;

    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = new ComplaintLifecycle(new ComplaintOptions(), _time);
        _fiftyEvents = FiftyEvents(_lifecycle);
        var london = new ComplaintLifecycle(
            new ComplaintOptions
            {
                Calendar = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(9, 0), new TimeOnly(17, 30), [new DateOnly(2026, 4, 3)]),
            },
            _time);
        _fiftyEventsLondon = FiftyEvents(london);
        _evaluateAt = _time.GetUtcNow().AddHours(3);
        if (WholeLifecycle_Aggregate() is not { State: ComplaintState.Closed, Version: LifecycleEvents } || _fiftyEvents.Version != 50)
        {
            throw new InvalidOperationException("The benchmark's lifecycle does not reach Closed in 12 events, or the SLA history is not 50 events.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LifecycleEvents)]
    public Complaint WholeLifecycle_Aggregate()
    {
        _time.Now = Start;
        var c = _lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "The VPN drops every hour.", Actor = "desk" }, Normalizer);
        for (int i = 0; i < LifecycleEvents - 1; i++)
        {
            Step(c, i);
        }

        return c;
    }

    [Benchmark(OperationsPerInvoke = LifecycleEvents)]
    public async Task<Complaint> WholeLifecycle_InMemoryStore()
    {
        _time.Now = Start;
        var service = new ComplaintService(_lifecycle, new InMemoryComplaintStore());
        var c = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "The VPN drops every hour.", Actor = "desk" });
        for (int i = 0; i < LifecycleEvents - 1; i++)
        {
            Step(c, i);
            await service.SaveAsync(c);
        }

        return c;
    }

    [Benchmark]
    public SlaEvaluation SlaEvaluation_50Events_24x7() => _fiftyEvents.EvaluateSla(_evaluateAt);

    [Benchmark]
    public SlaEvaluation SlaEvaluation_50Events_LondonOfficeHours() => _fiftyEventsLondon.EvaluateSla(_evaluateAt);

    /// <summary>Sends the <paramref name="step"/>-th command of the standard lifecycle (11 commands after the receipt).</summary>
    private CommandResult Step(Complaint c, int step)
    {
        switch (step)
        {
            case 0: return c.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us.");
            case 1: return c.StartInvestigating("ann");
            case 2: return c.AddInformation("ann", "Drops at :00 every hour.");
            case 3: return c.RequestInformation("ann", ContactChannel.Email, "Which office?");
            case 4:
                _time.Now += TimeSpan.FromHours(1);
                return c.RecordClientResponse("client", ContactChannel.Email, "Leeds");
            case 5: return c.Apologise("ann", ContactChannel.Phone, "I'm sorry you had this experience.");
            case 6: return c.PostUpdate("ann", ContactChannel.Web, "An engineer is on it.");
            case 7: return c.OfferHelp("ann", ContactChannel.Phone, HelpOptions);
            case 8: return c.Commit("ann", ContactChannel.Phone, "replace the router", _time.Now.AddDays(1));
            case 9:
                _time.Now += TimeSpan.FromHours(2);
                return c.DeliverFix("bob", ContactChannel.InPerson, "router replaced");
            default: return c.RecordClientConfirmation("client", ContactChannel.Email);
        }
    }

    private Complaint FiftyEvents(ComplaintLifecycle lifecycle)
    {
        _time.Now = Start;
        var c = lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-50", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour.", Actor = "desk" }, Normalizer);
        c.Acknowledge("ann", ContactChannel.Email, "Thank you.");
        c.StartInvestigating("ann");
        while (c.Version < 50)
        {
            _time.Now += TimeSpan.FromMinutes(97);
            _ = (c.Version % 4) switch
            {
                0 => c.AddInformation("ann", "note"),
                1 => c.PostUpdate("ann", ContactChannel.Web, "still on it"),
                2 => c.RequestInformation("ann", ContactChannel.Email, "when?"),
                _ => c.State == ComplaintState.AwaitingClient ? c.RecordClientResponse("client", ContactChannel.Email, "now") : c.AddInformation("ann", "more"),
            };
        }

        return c;
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
