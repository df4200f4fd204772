using FsCheck.Xunit;
using ServiceQuality.Sla;
using ServiceQuality.Testing;

namespace ServiceQuality.Tests.Sla;

public class SlaPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 20, 6, 30, 0, TimeSpan.Zero);
    private static readonly SlaPolicy Policy = new() { TimeToAcknowledge = TimeSpan.FromHours(2), UpdateInterval = TimeSpan.FromHours(8), TimeToResolve = TimeSpan.FromDays(2) };
    private static readonly SlaEntryKind[] Kinds = [SlaEntryKind.Acknowledged, SlaEntryKind.ClientUpdate, SlaEntryKind.Paused, SlaEntryKind.Resumed, SlaEntryKind.Resolved, SlaEntryKind.Reopened, SlaEntryKind.ClientUpdate];

    private static readonly BusinessCalendar London = BusinessCalendar.Weekdays(
        BusinessCalendarTests.London, new TimeOnly(9, 0), new TimeOnly(17, 30), [new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6)]);

    /// <summary>Decodes ints into a time-ordered history starting with Started (gaps up to ~20 h, kinds from <see cref="Kinds"/>).</summary>
    private static SlaEntry[] History(int[] steps, DateTimeOffset start)
    {
        var entries = new List<SlaEntry> { new(start, SlaEntryKind.Started) };
        var at = start;
        foreach (int step in steps ?? [])
        {
            uint bits = unchecked((uint)step);
            at = at.AddMinutes(bits % 1200);
            entries.Add(new SlaEntry(at, Kinds[(bits / 1200) % (uint)Kinds.Length]));
        }

        return [.. entries];
    }

    [Property(MaxTest = 300)]
    public void BusinessElapsed_NeverExceedsWallTime(int[] steps, ushort extraMinutes)
    {
        var history = History(steps, T0);
        var now = history[^1].At.AddMinutes(extraMinutes);
        var sla = SlaEvaluator.Evaluate(history, Policy, London, now);

        Assert.All([sla.Acknowledge, sla.Update, sla.Resolve], c => Assert.InRange(c.Elapsed, TimeSpan.Zero, now - T0));
        Assert.InRange(London.BusinessTimeBetween(T0, now), TimeSpan.Zero, now - T0);
    }

    [Property(MaxTest = 300)]
    public void BusinessElapsed_NeverDecreasesAsNowAdvances(int[] steps, ushort firstMinutes, ushort moreMinutes)
    {
        var history = History(steps, T0);
        var earlier = T0.AddMinutes(firstMinutes);
        var later = earlier.AddMinutes(moreMinutes);
        var a = SlaEvaluator.Evaluate(history, Policy, London, earlier);
        var b = SlaEvaluator.Evaluate(history, Policy, London, later);

        Assert.True(b.Acknowledge.Elapsed >= a.Acknowledge.Elapsed);
        Assert.True(b.Resolve.Elapsed >= a.Resolve.Elapsed);
        Assert.True(London.BusinessTimeBetween(T0, later) >= London.BusinessTimeBetween(T0, earlier));
    }

    [Property(MaxTest = 300)]
    public void PausedTime_NeverCounts(int[] before, int[] after, ushort pauseMinutes, ushort extraMinutes)
    {
        // Insert a pause of any length into a 24x7 history (shifting what follows): every clock reads the same.
        static bool NoPause(SlaEntry e) => e.Kind is not (SlaEntryKind.Paused or SlaEntryKind.Resumed);
        var head = History(before, T0).Where(NoPause).ToArray();
        var tail = History(after, head[^1].At).Skip(1).Where(NoPause).ToArray();
        var pause = TimeSpan.FromMinutes(pauseMinutes + 1);
        var resumeAt = head[^1].At + pause;
        var original = head.Concat(tail).ToArray();
        var paused = head.Append(new SlaEntry(head[^1].At, SlaEntryKind.Paused)).Append(new SlaEntry(resumeAt, SlaEntryKind.Resumed))
            .Concat(tail.Select(e => e with { At = e.At + pause })).ToArray();
        var now = original[^1].At.AddMinutes(extraMinutes);
        var a = SlaEvaluator.Evaluate(original, Policy, BusinessCalendar.AlwaysOpen, now);
        var b = SlaEvaluator.Evaluate(paused, Policy, BusinessCalendar.AlwaysOpen, now + pause);

        Assert.Equal((a.Acknowledge.Elapsed, a.Update.Elapsed, a.Resolve.Elapsed), (b.Acknowledge.Elapsed, b.Update.Elapsed, b.Resolve.Elapsed));
        Assert.Equal((a.UpdateCyclesMet, a.UpdateCyclesBreached), (b.UpdateCyclesMet, b.UpdateCyclesBreached));
    }

    [Property(MaxTest = 300)]
    public void AddBusinessTime_InvertsBusinessTimeBetween(uint startMinutes, ushort amountMinutes)
    {
        var start = T0.AddMinutes(startMinutes % (366 * 24 * 60));
        var amount = TimeSpan.FromMinutes(amountMinutes);

        var end = London.AddBusinessTime(start, amount);

        Assert.Equal(amount, London.BusinessTimeBetween(start, end));
        Assert.True(end >= start);
    }

    [Fact]
    public void SlaLaws_LondonOfficeWithHolidays_Meets_Specification() =>
        new SlaLaws(Policy, London) { ClosedDays = [new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6)], Options = new LawCheckOptions { MaxTest = 300 } }.CheckAll();
}
