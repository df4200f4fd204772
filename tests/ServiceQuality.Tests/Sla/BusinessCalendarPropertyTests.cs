using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

/// <summary>
/// Calendar laws on random schedules (split, overnight and whole-day periods; dated, fixed, n-th weekday and
/// Easter-relative holidays) in Europe/London, America/New_York, Australia/Sydney and Asia/Kolkata, at instants within
/// days of their daylight-saving changes and of the turn of the year.
/// </summary>
public class BusinessCalendarPropertyTests
{
    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static (BusinessCalendar Calendar, Random Random, DateTimeOffset A) Case(int seed)
    {
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SlaGenerators.Zones[random.Next(SlaGenerators.Zones.Length)]);
        var a = SlaGenerators.Instant(random, zone);
        return (SlaGenerators.Calendar(random, zone, a), random, a);
    }

    [Property(MaxTest = 150)]
    public Property BusinessTimeBetween_EqualsTheMinuteByMinuteDefinition() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (calendar, random, a) = Case(seed);
            var b = a.AddMinutes(random.Next(0, 8 * 24 * 60));
            var expected = SlaGenerators.MinuteByMinute(calendar, a, b);
            var actual = calendar.BusinessTimeBetween(a, b);
            return (expected == actual).Label($"{calendar.TimeZone.Id} [{string.Join(", ", calendar.Hours)}] {a:O}..{b:O}: model {expected}, calendar {actual}");
        });

    [Property(MaxTest = 300)]
    public Property IsOpenAt_AgreesWithTheDefinition() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (calendar, random, a) = Case(seed);
            var minute = a.AddMinutes(random.Next(0, 3 * 24 * 60));
            return (calendar.IsOpenAt(minute) == SlaGenerators.IsOpenMinute(calendar, minute)
                && calendar.IsOpenAt(minute) == calendar.BusinessTimeBetween(minute, minute.AddTicks(1)) > TimeSpan.Zero).Label($"{minute:O}");
        });

    [Property(MaxTest = 300)]
    public Property BusinessTimeBetween_IsAdditive() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (calendar, random, a) = Case(seed);
            var b = a.AddTicks(random.NextInt64(0, TimeSpan.FromDays(9).Ticks));
            var c = b.AddTicks(random.NextInt64(0, TimeSpan.FromDays(400).Ticks));
            var whole = calendar.BusinessTimeBetween(a, c);
            return (whole == calendar.BusinessTimeBetween(a, b) + calendar.BusinessTimeBetween(b, c) && whole <= c - a && whole >= TimeSpan.Zero)
                .Label($"{a:O} {b:O} {c:O}");
        });

    [Property(MaxTest = 300)]
    public Property AddBusinessTime_IsTheInverseOfBusinessTimeBetween() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (calendar, random, a) = Case(seed);
            var amount = new TimeSpan(random.NextInt64(1, TimeSpan.FromDays(20).Ticks));
            var end = calendar.AddBusinessTime(a, amount);

            // The earliest instant at which the amount has run: exactly the amount by then, less one tick before.
            var b = a.AddTicks(random.NextInt64(0, TimeSpan.FromDays(30).Ticks));
            var within = calendar.BusinessTimeBetween(a, b);
            var back = calendar.AddBusinessTime(a, within);
            return (calendar.BusinessTimeBetween(a, end) == amount
                && calendar.BusinessTimeBetween(a, end.AddTicks(-1)) < amount
                && end.Offset == calendar.TimeZone.GetUtcOffset(end)
                && back <= b && calendar.BusinessTimeBetween(back, b) == TimeSpan.Zero)
                .Label($"{calendar.TimeZone.Id} [{string.Join(", ", calendar.Hours)}] from {a:O} +{amount} = {end:O}; {b:O} back {back:O}");
        });
}
