using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// SLA evaluation (<c>Complaint.EvaluateSla(now)</c>) of a complaint's history of 50 and of 1,000 events (updates,
/// requests for information that pause the clocks, the client's answers), on three calendars: 24x7 (the baseline of
/// each size), London office hours (09:00-17:30 weekdays, a holiday), and a New York night desk (22:00-06:00
/// overnight shifts on weekdays, a split Saturday shift, recurring and dated holidays). The histories start on
/// 27 March 2026 and span the daylight-saving changes of both zones (the 1,000-event one runs into June).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SlaBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTime _time = new();
    private static readonly int[] Sizes = [50, 1000];
    private readonly (Complaint Complaint, DateTimeOffset At)[,] _histories = new (Complaint, DateTimeOffset)[3, 2];

    /// <summary>London office hours: weekdays 09:00-17:30, Good Friday 2026 a holiday.</summary>
    public static BusinessCalendar London { get; } = BusinessCalendar.Weekdays(
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(9, 0), new TimeOnly(17, 30), [new DateOnly(2026, 4, 3)]);

    /// <summary>A New York night desk: overnight shifts on weekdays, a split Saturday shift, US holidays.</summary>
    public static BusinessCalendar NightDesk { get; } = new(
        TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => new WorkingHours(d, TimeSpan.FromHours(22), TimeSpan.FromHours(6))),
            new WorkingHours(DayOfWeek.Saturday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
            new WorkingHours(DayOfWeek.Saturday, TimeSpan.FromHours(13), TimeSpan.FromHours(17)),
        ],
        [new DateOnly(2026, 7, 3)],
        [
            RecurringHoliday.Fixed(1, 1), RecurringHoliday.EasterRelative(-2), RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, -1),
            RecurringHoliday.NthWeekday(11, DayOfWeek.Thursday, 4), RecurringHoliday.Fixed(12, 25),
        ]);

    [GlobalSetup]
    public void Setup()
    {
        BusinessCalendar[] calendars = [BusinessCalendar.AlwaysOpen, London, NightDesk];
        for (int c = 0; c < calendars.Length; c++)
        {
            var lifecycle = new ComplaintLifecycle(new ComplaintOptions { Calendar = calendars[c] }, _time);
            for (int s = 0; s < Sizes.Length; s++)
            {
                var complaint = History(lifecycle, Sizes[s]);
                _histories[c, s] = (complaint, _time.GetUtcNow().AddHours(3));
                if (complaint.Snapshot.Version != Sizes[s])
                {
                    throw new InvalidOperationException($"The history has {complaint.Snapshot.Version} events, not {Sizes[s]}.");
                }
            }
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("50 events")]
    public SlaEvaluation SlaEvaluation_50Events_24x7() => Evaluate(0, 0);

    [Benchmark]
    [BenchmarkCategory("50 events")]
    public SlaEvaluation SlaEvaluation_50Events_LondonOfficeHours() => Evaluate(1, 0);

    [Benchmark]
    [BenchmarkCategory("50 events")]
    public SlaEvaluation SlaEvaluation_50Events_NightDeskOvernightAndHolidays() => Evaluate(2, 0);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("1,000 events")]
    public SlaEvaluation SlaEvaluation_1000Events_24x7() => Evaluate(0, 1);

    [Benchmark]
    [BenchmarkCategory("1,000 events")]
    public SlaEvaluation SlaEvaluation_1000Events_LondonOfficeHours() => Evaluate(1, 1);

    [Benchmark]
    [BenchmarkCategory("1,000 events")]
    public SlaEvaluation SlaEvaluation_1000Events_NightDeskOvernightAndHolidays() => Evaluate(2, 1);

    /// <summary>Evaluates the history of a calendar (0 24x7, 1 London, 2 night desk) and a size (0: 50 events, 1: 1,000).</summary>
    private SlaEvaluation Evaluate(int calendar, int size)
    {
        var (complaint, at) = _histories[calendar, size];
        return complaint.EvaluateSla(at);
    }

    /// <summary>A complaint acknowledged and investigated, then notes, updates, requests for information (pausing the clocks) and answers every 97 minutes.</summary>
    private Complaint History(ComplaintLifecycle lifecycle, int events)
    {
        _time.Now = Start;
        var c = lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour.", Actor = "desk" });
        c.Acknowledge("ann", ContactChannel.Email, "Thank you.");
        c.StartInvestigating("ann");
        while (c.Snapshot.Version < events)
        {
            _time.Now += TimeSpan.FromMinutes(97);
            _ = (c.Snapshot.Version % 4) switch
            {
                0 => c.AddInformation("ann", "note"),
                1 => c.PostUpdate("ann", ContactChannel.Web, "still on it"),
                2 => c.RequestInformation("ann", ContactChannel.Email, "when?"),
                _ => c.Snapshot.State == ComplaintState.AwaitingClient ? c.RecordClientResponse("client", ContactChannel.Email, "now") : c.AddInformation("ann", "more"),
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
