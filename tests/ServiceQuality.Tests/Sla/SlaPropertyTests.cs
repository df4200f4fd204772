using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Sla;

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

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    /// <summary>A random history (pauses with reasons, re-targets, sometimes onto another calendar) on a random calendar near a daylight-saving change, and an instant to evaluate it at.</summary>
    private static (SlaEntry[] History, SlaPolicy Policy, BusinessCalendar Calendar, DateTimeOffset Now, Random Random) Case(int seed)
    {
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SlaGenerators.Zones[random.Next(SlaGenerators.Zones.Length)]);
        var start = SlaGenerators.Instant(random, zone);
        var calendar = random.Next(5) == 0 ? BusinessCalendar.AlwaysOpen : SlaGenerators.Calendar(random, zone, start);
        var other = random.Next(2) == 0 ? BusinessCalendar.AlwaysOpen : SlaGenerators.Calendar(random, TimeZoneInfo.FindSystemTimeZoneById(SlaGenerators.Zones[random.Next(SlaGenerators.Zones.Length)]), start);
        var history = SlaGenerators.History(random, start, random.Next(0, 30), other);
        var now = start + new TimeSpan(random.NextInt64(0, (history[^1].At - start + TimeSpan.FromDays(2)).Ticks));
        return (history, SlaGenerators.Policies[random.Next(SlaGenerators.Policies.Length)], calendar, now, random);
    }

    private static SlaEntry[] Until(SlaEntry[] history, DateTimeOffset now) => [.. history.Where(e => e.At <= now)];

    [Property(MaxTest = 300)]
    public Property Elapsed_ReplayEqualsTheModelOfRunningSpans() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (history, policy, calendar, now, _) = Case(seed);
            var sla = SlaEvaluator.Evaluate(history, policy, calendar, now);
            return Enum.GetValues<SlaClockKind>().All(k => sla[k].Elapsed == SlaGenerators.ModelElapsed(k, history, calendar, now) && sla[k].Elapsed <= now - history[0].At)
                .Label(string.Join("; ", Enum.GetValues<SlaClockKind>().Select(k => $"{k}: {sla[k].Elapsed} vs model {SlaGenerators.ModelElapsed(k, history, calendar, now)}")));
        });

    [Property(MaxTest = 300)]
    public Property ConsumedTime_IsMonotoneInNow() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (history, policy, calendar, now, random) = Case(seed);
            var later = now + new TimeSpan(random.NextInt64(0, TimeSpan.FromDays(3).Ticks));
            var a = SlaEvaluator.Evaluate(history, policy, calendar, now);
            var b = SlaEvaluator.Evaluate(history, policy, calendar, later);
            return (b.Acknowledge.Elapsed >= a.Acknowledge.Elapsed && b.Resolve.Elapsed >= a.Resolve.Elapsed
                && (b.Update.Cycle != a.Update.Cycle || b.Update.Elapsed >= a.Update.Elapsed)
                && b.UpdateCyclesMet + b.UpdateCyclesBreached >= a.UpdateCyclesMet)
                .Label($"{now:O} -> {later:O}");
        });

    [Property(MaxTest = 300)]
    public Property Pause_NeverConsumesTime() =>
        Prop.ForAll(Seeds, seed =>
        {
            // Nothing happens after now: every clock paused (or ended) at now reads the same later.
            var (history, policy, calendar, now, random) = Case(seed);
            var prefix = Until(history, now);
            var later = now + new TimeSpan(random.NextInt64(1, TimeSpan.FromDays(10).Ticks));
            var a = SlaEvaluator.Evaluate(prefix, policy, calendar, now);
            var b = SlaEvaluator.Evaluate(prefix, policy, calendar, later);
            return Enum.GetValues<SlaClockKind>()
                .Where(k => a[k].Status is SlaStatus.Paused or SlaStatus.Met or SlaStatus.Stopped)
                .All(k => b[k].Elapsed == a[k].Elapsed && b[k].Status == a[k].Status)
                .Label($"{string.Join("; ", Enum.GetValues<SlaClockKind>().Select(k => $"{k}: {a[k].Status} {a[k].Elapsed} -> {b[k].Status} {b[k].Elapsed}"))}");
        });

    [Property(MaxTest = 300)]
    public Property AtRisk_ComesBeforeBreach_AndNextDueIsTheFirstChange() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (history, policy, calendar, now, _) = Case(seed);
            var prefix = Until(history, now);
            var sla = SlaEvaluator.Evaluate(prefix, policy, calendar, now);
            SlaStatus At(SlaClockKind k, DateTimeOffset t) => SlaEvaluator.Evaluate(prefix, policy, calendar, t)[k].Status;
            var problems = new List<string>();
            var due = new List<SlaDue>();
            foreach (var c in sla.Clocks)
            {
                if (c.Status == SlaStatus.Running)
                {
                    var atRisk = c.AtRiskAt!.Value;
                    due.Add(new SlaDue(c.Clock, SlaStatus.AtRisk, atRisk));
                    Check(atRisk < c.BreachAt && atRisk > now, $"{c.Clock}: at risk {atRisk:O} before breach {c.BreachAt:O}, after now");
                    Check(At(c.Clock, atRisk) == SlaStatus.AtRisk, $"{c.Clock}: at risk at {atRisk:O}");
                    Check(At(c.Clock, atRisk.AddTicks(-1)) == SlaStatus.Running, $"{c.Clock}: running until {atRisk:O}");
                }

                if (c.Status is SlaStatus.Running or SlaStatus.AtRisk)
                {
                    var breach = c.BreachAt!.Value;
                    due.Add(new SlaDue(c.Clock, SlaStatus.Breached, breach));
                    Check(At(c.Clock, breach) == SlaStatus.Breached, $"{c.Clock}: breached at {breach:O}");
                    Check(breach.AddTicks(-1) < now || At(c.Clock, breach.AddTicks(-1)) == SlaStatus.AtRisk, $"{c.Clock}: at risk just before {breach:O}");
                }
            }

            var first = due.Count == 0 ? (SlaDue?)null : due.OrderBy(d => d.At).ThenBy(d => d.Clock).ThenBy(d => d.Status == SlaStatus.Breached).First();
            Check(sla.NextDue?.At == first?.At, $"next due {sla.NextDue} vs {first}");
            return (problems.Count == 0).Label(string.Join("; ", problems));

            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    problems.Add(what);
                }
            }
        });

    [Property(MaxTest = 200)]
    public Property Retarget_ChangesTargetsNeverTheTimeCounted() =>
        Prop.ForAll(Seeds, seed =>
        {
            // The same history without its re-targets (on one calendar) counts the same business time on every clock.
            var (history, policy, calendar, now, _) = Case(seed);
            var sameCalendar = history.Select(e => e.Kind == SlaEntryKind.Retargeted ? e with { Calendar = null } : e).ToArray();
            var without = history.Where(e => e.Kind != SlaEntryKind.Retargeted).ToArray();
            var a = SlaEvaluator.Evaluate(sameCalendar, policy, calendar, now);
            var b = SlaEvaluator.Evaluate(without, policy, calendar, now);
            return Enum.GetValues<SlaClockKind>().All(k => a[k].Elapsed == b[k].Elapsed && a[k].Cycle == b[k].Cycle)
                .Label($"{string.Join("; ", Enum.GetValues<SlaClockKind>().Select(k => $"{k}: {a[k].Elapsed}/{b[k].Elapsed}"))}");
        });
}
