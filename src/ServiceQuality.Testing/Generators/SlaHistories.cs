using FsCheck;
using FsCheck.Fluent;
using ServiceQuality.Sla;

namespace ServiceQuality.Testing;

/// <summary>An SLA history and two later instants to evaluate it at, as offsets of wall-clock time after its last entry.</summary>
public sealed record SlaCase
{
    /// <summary>Gets the entries, starting with <see cref="SlaEntryKind.Started"/>, in time order.</summary>
    public required IReadOnlyList<SlaEntry> History { get; init; }

    /// <summary>Gets the wall-clock time from the last entry to the first instant of evaluation.</summary>
    public required TimeSpan First { get; init; }

    /// <summary>Gets the wall-clock time from the first instant of evaluation to the second.</summary>
    public required TimeSpan Second { get; init; }

    /// <summary>Gets the first instant of evaluation.</summary>
    public DateTimeOffset FirstAt => History[^1].At + First;

    /// <summary>Gets the second instant of evaluation.</summary>
    public DateTimeOffset SecondAt => FirstAt + Second;

    /// <inheritdoc />
    public override string ToString() =>
        $"[{string.Join(", ", History.Select(e => $"{e.At:yyyy-MM-dd HH:mm} {e.Kind}"))}], then +{First:g}, +{Second:g}";
}

/// <summary>An interval of time inside a day a calendar must treat as closed.</summary>
public sealed record ClosedInterval
{
    /// <summary>Gets the closed day (in the calendar's time zone).</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Gets the start of the interval.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Gets the end of the interval.</summary>
    public required DateTimeOffset To { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Day:yyyy-MM-dd}: {From:yyyy-MM-dd HH:mm zzz} to {To:yyyy-MM-dd HH:mm zzz}";
}

/// <summary>
/// SLA histories on a business calendar: a work item is received during business time, acknowledged, updated, paused
/// and resumed (awaiting the client), resolved, reopened or stopped, with gaps of business time from minutes to a few
/// days of the policy's scale.
/// </summary>
public sealed class SlaHistories
{
    private readonly SlaPolicy _policy;
    private readonly BusinessCalendar _calendar;

    /// <summary>Creates the generator.</summary>
    /// <param name="policy">The policy, whose targets scale the gaps.</param>
    /// <param name="calendar">The calendar the gaps are measured on.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The policy is invalid.</exception>
    public SlaHistories(SlaPolicy policy, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        policy.Validate();
        _policy = policy;
        _calendar = calendar;
    }

    /// <summary>Gets when generated histories start: 2026-03-02 (a Monday) 00:00 UTC plus up to a year, moved to the next business instant.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the generator of histories and two later instants.</summary>
    public Gen<SlaCase> Cases =>
        from start in Gen.Choose(0, 365 * 24 * 60)
        from seeds in Gen.Choose(0, int.MaxValue).ArrayOf().Select(a => a.Take(30).ToArray())
        from first in Later
        from second in Later
        select new SlaCase { History = Build(Epoch.AddMinutes(start), seeds), First = TimeSpan.FromMinutes(first), Second = TimeSpan.FromMinutes(second) };

    /// <summary>Gets the cases as an arbitrary that shrinks to shorter histories (prefixes) and earlier instants.</summary>
    public Arbitrary<SlaCase> Arbitrary => Arb.From(Cases, Shrink);

    /// <summary>Mostly within the policy's shortest target of wall-clock time (while clocks still run), sometimes up to four days.</summary>
    private Gen<int> Later
    {
        get
        {
            var shortest = (int)Math.Clamp(Math.Min(_policy.TimeToAcknowledge.TotalMinutes, _policy.UpdateInterval.TotalMinutes), 1, 4 * 24 * 60);
            return Gen.Frequency((3, Gen.Choose(0, shortest)), (1, Gen.Choose(0, 4 * 24 * 60)));
        }
    }

    private SlaEntry[] Build(DateTimeOffset start, int[] seeds)
    {
        var at = _calendar.AddBusinessTime(start, TimeSpan.Zero);
        var entries = new List<SlaEntry> { new(at, SlaEntryKind.Started) };
        bool acknowledged = false, paused = false, resolved = false, stopped = false;
        var scale = Math.Max(1, (long)_policy.UpdateInterval.TotalMinutes);
        foreach (uint seed in seeds)
        {
            at = _calendar.AddBusinessTime(at, TimeSpan.FromMinutes(seed % (ulong)(scale * 2)));
            SlaEntry entry;
            if (stopped)
            {
                break;
            }
            else if (paused)
            {
                entry = SlaEntry.Resume(at, SlaClocks.All, SlaPauseReasons.AwaitingClient);
                paused = false;
            }
            else if (resolved)
            {
                if (seed % 3 == 0)
                {
                    break;
                }

                entry = new SlaEntry(at, SlaEntryKind.Reopened);
                resolved = false;
            }
            else
            {
                switch ((seed >> 20) % 10)
                {
                    case 0 or 1 when !acknowledged:
                        entry = new SlaEntry(at, SlaEntryKind.Acknowledged);
                        acknowledged = true;
                        break;
                    case 2 or 3 or 4:
                        entry = new SlaEntry(at, SlaEntryKind.ClientUpdate);
                        break;
                    case 5 or 6:
                        entry = SlaEntry.Pause(at, SlaClocks.All, SlaPauseReasons.AwaitingClient);
                        paused = true;
                        break;
                    case 7 or 8:
                        entry = new SlaEntry(at, SlaEntryKind.Resolved);
                        resolved = true;
                        break;
                    case 9 when (seed & 7) == 0:
                        entry = new SlaEntry(at, SlaEntryKind.Stopped);
                        stopped = true;
                        break;
                    default:
                        entry = new SlaEntry(at, SlaEntryKind.ClientUpdate);
                        break;
                }
            }

            entries.Add(entry);
        }

        return [.. entries];
    }

    private static IEnumerable<SlaCase> Shrink(SlaCase sla)
    {
        var history = sla.History;
        if (history.Count > 2)
        {
            yield return sla with { History = [.. history.Take(history.Count / 2)] };
        }

        if (history.Count > 1)
        {
            yield return sla with { History = [.. history.Take(history.Count - 1)] };
        }

        foreach (var first in ShrinkSpan(sla.First))
        {
            yield return sla with { First = first };
        }

        foreach (var second in ShrinkSpan(sla.Second))
        {
            yield return sla with { Second = second };
        }
    }

    /// <summary>Toward zero, in whole minutes.</summary>
    internal static IEnumerable<TimeSpan> ShrinkSpan(TimeSpan span)
    {
        var minutes = (long)span.TotalMinutes;
        if (minutes <= 0)
        {
            yield break;
        }

        yield return TimeSpan.Zero;
        if (minutes > 1)
        {
            yield return TimeSpan.FromMinutes(minutes / 2);
            yield return TimeSpan.FromMinutes(minutes - 1);
        }
    }
}
