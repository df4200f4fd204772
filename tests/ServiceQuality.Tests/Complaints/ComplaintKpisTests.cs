using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Complaints;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintKpisTests
{
    // Monday to Friday, 09:00-17:00 UTC: a complaint received on Friday afternoon crosses a weekend.
    private static readonly BusinessCalendar Weekdays = new(
        TimeZoneInfo.Utc,
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, TimeSpan.FromHours(9), TimeSpan.FromHours(17)))]);

    private static readonly DateTimeOffset Friday1500 = new(2026, 3, 6, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_FirstContactWithdrawnAndReopened_GivesExactKpisInBusinessTime()
    {
        var (time, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { Calendar = Weekdays });
        time.SetUtcNow(Friday1500);
        var first = ComplaintTestKit.Receive(lifecycle, "first");
        var withdrawn = ComplaintTestKit.Receive(lifecycle, "withdrawn");
        var reopened = ComplaintTestKit.Receive(lifecycle, "reopened");

        time.Advance(TimeSpan.FromMinutes(30)); // Fri 15:30
        withdrawn.Withdraw("client", ContactChannel.Email, "sorted it myself").EnsureAccepted();
        reopened.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        Prepare(reopened, time.GetUtcNow().AddDays(7));
        time.Advance(TimeSpan.FromMinutes(30)); // Fri 16:00
        first.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        Prepare(first, time.GetUtcNow().AddDays(7));

        time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero)); // Mon 10:00: 2 business hours after Fri 15:00
        reopened.DeliverFix("bob", ContactChannel.Email, "fixed").EnsureAccepted();
        reopened.RecordClientRejection("client", ContactChannel.Email, "still broken").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(1)); // Mon 11:00
        first.DeliverFix("bob", ContactChannel.Email, "fixed").EnsureAccepted();
        first.RecordClientConfirmation("client", ContactChannel.Email).EnsureAccepted();
        reopened.Apologize("ann", ContactChannel.Email, "Sorry again").EnsureAccepted();
        reopened.OfferHelp("ann", ContactChannel.Email, ["replace"]).EnsureAccepted();
        reopened.Commit("ann", ContactChannel.Email, "replace", time.GetUtcNow().AddHours(4)).EnsureAccepted();
        time.Advance(TimeSpan.FromHours(1)); // Mon 12:00
        reopened.DeliverFix("bob", ContactChannel.Email, "replaced").EnsureAccepted();
        reopened.RecordClientConfirmation("client", ContactChannel.Email).EnsureAccepted();

        var kpis = ComplaintKpis.Of(first).Merge(ComplaintKpis.Of(withdrawn)).Merge(ComplaintKpis.Of(reopened));

        Assert.Equal(3, kpis.Complaints);
        // Both closed; only "first" was never reopened.
        Assert.Equal((1L, 2L), (kpis.FirstContactResolution.Successes, kpis.FirstContactResolution.SampleSize));
        Assert.Equal(0.5, kpis.FirstContactResolution.Estimate);
        // Both were fixed; "reopened" came back once.
        Assert.Equal((1L, 2L), (kpis.ReopenRate.Successes, kpis.ReopenRate.SampleSize));
        // Acknowledge: two met within 4 business hours, the withdrawn one stopped, so not met.
        Assert.Equal((2L, 3L), (kpis.SlaAttainment(SlaClockKind.Acknowledge).Successes, kpis.SlaAttainment(SlaClockKind.Acknowledge).SampleSize));
        // Resolve: two met within 3 business days, the withdrawn one stopped, so not met.
        Assert.Equal((2L, 3L), (kpis.SlaAttainment(SlaClockKind.Resolve).Successes, kpis.SlaAttainment(SlaClockKind.Resolve).SampleSize));
        // Wilson 95% interval for 2 of 3 (z = 1.959964): [0.2077, 0.9385].
        Assert.Equal(0.2077, kpis.SlaAttainment(SlaClockKind.Resolve).Interval!.Value.Lower, 4);
        Assert.Equal(0.9385, kpis.SlaAttainment(SlaClockKind.Resolve).Interval!.Value.Upper, 4);
        // Business hours to acknowledge: first 1 h (15:00-16:00), reopened 0.5 h; the withdrawn one was never acknowledged.
        Assert.Equal(2, kpis.TimeToAcknowledge.SampleSize);
        Assert.Equal(0.75, kpis.TimeToAcknowledge.Estimate!.Value, 12);
        // Business hours to resolve over the weekend: first Fri 15-17 + Mon 9-11 = 4 h, reopened Fri 15-17 + Mon 9-12 = 5 h.
        Assert.Equal(2, kpis.TimeToResolve.SampleSize);
        Assert.Equal(4.5, kpis.TimeToResolve.Estimate!.Value, 12);
        Assert.Equal(0.5, kpis.TimeToResolve.Variance!.Value, 12);
    }

    [Fact]
    public void Of_HistoryAndComplaint_Agree()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);
        time.Advance(TimeSpan.FromHours(1));

        var fromComplaint = ComplaintKpis.Of(c);
        var fromHistory = ComplaintKpis.Of(c.History, new ComplaintOptions(), time.GetUtcNow());

        Assert.Equal(fromComplaint, fromHistory);
        Assert.Equal(fromComplaint, ComplaintKpis.Of(c, time.GetUtcNow()));
    }

    [Theory]
    [InlineData(SlaStatus.Met, true)]
    [InlineData(SlaStatus.Breached, false)]
    [InlineData(SlaStatus.Stopped, false)]
    [InlineData(SlaStatus.Running, null)]
    [InlineData(SlaStatus.AtRisk, null)]
    [InlineData(SlaStatus.Paused, null)]
    public void SlaOutcome_EachStatus_IsTheOneDefinition(SlaStatus status, bool? expected) =>
        Assert.Equal(expected, ComplaintKpis.SlaOutcome(status));

    [Fact]
    public void SlaOutcome_UndefinedStatus_ThrowsNamingTheValidOnes()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("status", () => ComplaintKpis.SlaOutcome((SlaStatus)99));
        Assert.Contains("Stopped", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("clock", () => ComplaintKpis.Empty.SlaAttainment((SlaClockKind)7));
    }

    [Fact]
    public void Empty_HasNoEstimatesNotZeros()
    {
        var k = ComplaintKpis.Empty;

        Assert.Equal(0, k.Complaints);
        Assert.Null(k.FirstContactResolution.Estimate);
        Assert.Null(k.ReopenRate.Estimate);
        Assert.Null(k.SlaAttainment(SlaClockKind.Update).Estimate);
        Assert.Null(k.TimeToResolve.Estimate);
    }

    [Property(MaxTest = 60)]
    public void Merge_OfPartialKpis_EqualsTheWhole_AndRatesStayInRange(int[] a, int[] b, int[] c)
    {
        var (x, y, z) = (Measure(a), Measure(b), Measure(c));
        var whole = x.Merge(y).Merge(z);

        AssertSame(whole, x.Merge(y.Merge(z)));
        AssertSame(whole, z.Merge(x).Merge(y));
        AssertSame(whole, whole.Merge(ComplaintKpis.Empty));
        // Partial KPIs that travelled through JSON merge to the same whole.
        AssertSame(whole, RoundTrip(x).Merge(RoundTrip(y)).Merge(RoundTrip(z)));
        Assert.Equal(x.Complaints + y.Complaints + z.Complaints, whole.Complaints);
        foreach (var rate in new[] { whole.FirstContactResolution, whole.ReopenRate, whole.SlaAttainment(SlaClockKind.Acknowledge), whole.SlaAttainment(SlaClockKind.Update), whole.SlaAttainment(SlaClockKind.Resolve) })
        {
            Assert.True(rate.Estimate is null or >= 0 and <= 1, $"{rate}");
            Assert.True(rate.Interval is null || (rate.Interval.Value.Lower >= 0 && rate.Interval.Value.Upper <= 1), $"{rate}");
        }
    }

    [Property(MaxTest = 60)]
    public bool SerializeDeserializeMerge_EqualsMerge_ForMeasuredComplaints(int[] a, int[] b)
    {
        var (x, y) = (Measure(a), Measure(b));
        var merged = x.Merge(y);

        return Json(x).Merge(Json(y)) == merged && Binary(x).Merge(Binary(y)) == merged;
    }

    [Property(MaxTest = 200)]
    public bool SerializeDeserializeMerge_EqualsMerge_ForArbitraryTallies(NonNegativeInt[] a, NormalFloat[] ha, NonNegativeInt[] b, NormalFloat[] hb)
    {
        var (x, y) = (Tallies(a, ha), Tallies(b, hb));
        var merged = x.Merge(y);

        // Exact equality: the states carry every count and the doubles bit for bit.
        return Json(x) == x && Binary(x) == x
            && Json(x).Merge(Json(y)) == merged
            && Binary(x).Merge(Binary(y)) == merged
            && Json(y).Merge(Binary(x)) == y.Merge(x);
    }

    [Fact]
    public void Json_KnownKpis_WritesTheVersionedStateAndReadsItBack()
    {
        var kpis = Known();

        var json = JsonSerializer.Serialize(kpis, ComplaintKpisJson.ComplaintKpis);

        Assert.Equal(
            """{"version":1,"complaints":3,"firstContactResolutions":{"version":1,"successes":1,"trials":2},"reopens":{"version":1,"successes":1,"trials":2},"acknowledgeSla":{"version":1,"successes":2,"trials":3},"updateSla":{"version":1,"successes":4,"trials":5},"resolveSla":{"version":1,"successes":0,"trials":0},"hoursToAcknowledge":{"version":1,"count":2,"sumOfWeights":2,"sumOfSquaredWeights":2,"shift":1,"offset":-0.25,"m2":0.125},"hoursToResolve":{"version":1,"count":0,"sumOfWeights":0,"sumOfSquaredWeights":0,"shift":0,"offset":0,"m2":0}}""",
            json);
        var back = JsonSerializer.Deserialize(json, ComplaintKpisJson.ComplaintKpis);
        Assert.Equal(kpis, back);
        Assert.Equal(0.75, back.TimeToAcknowledge.Estimate!.Value, 15);
        Assert.Equal(3, back.Complaints);
        // A host's own options (reflection) go through the same converter.
        Assert.Equal(json, JsonSerializer.Serialize(kpis));
        Assert.Equal(kpis, JsonSerializer.Deserialize<ComplaintKpis>(json));
        Assert.Same(ComplaintKpisJson.ComplaintKpis.OriginatingResolver, ComplaintKpisJson.Resolver);
    }

    [Theory]
    [InlineData("""{"version":2,"complaints":0}""", "version 2")]
    [InlineData("""{"complaints":0,"version":1}""", "must start with its \"version\"")]
    [InlineData("""{"version":1,"complaints":0,"color":1}""", "Unknown property \"color\"")]
    [InlineData("""{"version":1,"complaints":-1}""", "\"complaints\" must be an integer ≥ 0")]
    [InlineData("""{"version":1,"complaints":1,"complaints":2}""", "\"complaints\" appears twice")]
    [InlineData("""{"version":1,"complaints":1,"reopens":{"version":1,"successes":3,"trials":2}}""", "0 ≤ successes ≤ trials")]
    [InlineData("""{"version":1,"complaints":1,"hoursToResolve":{"version":1,"count":1}}""", "A mean accumulator state needs")]
    [InlineData("""[]""", "must be a JSON object")]
    public void Json_BadState_ThrowsJsonExceptionSayingWhy(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ComplaintKpisJson.ComplaintKpis));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_MissingParts_NamesThem()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"version":1,"complaints":0,"reopens":{"version":1,"successes":0,"trials":0}}""", ComplaintKpisJson.ComplaintKpis));

        Assert.EndsWith("missing: firstContactResolutions, acknowledgeSla, updateSla, resolveSla, hoursToAcknowledge, hoursToResolve.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_KnownKpis_WritesTheVersionedStateAndReadsItBack()
    {
        var kpis = Known();
        Span<byte> buffer = stackalloc byte[ComplaintKpis.MaxBinarySize + 3];

        Assert.True(kpis.TryWriteTo(buffer, out var written));

        // Version 1, kind 6, 3 complaints, then the five proportion states (each version 1, kind 3, successes, trials)
        // and the two mean states (version 1, kind 2, count, five doubles; the empty one is 3 bytes).
        byte[] expectedStart = [1, 6, 3, 1, 3, 1, 2, 1, 3, 1, 2, 1, 3, 2, 3, 1, 3, 4, 5, 1, 3, 0, 0, 1, 2, 2];
        Assert.Equal(expectedStart, buffer[..expectedStart.Length].ToArray());
        Assert.Equal(expectedStart.Length + (5 * 8) + 3 + (5 * 8), written);
        Assert.True(ComplaintKpis.TryReadFrom(buffer, out var back, out var read));
        Assert.Equal(written, read);
        Assert.Equal(kpis, back);
    }

    [Fact]
    public void TryWriteTo_LargestState_FitsMaxBinarySize_AndTooSmallADestinationIsRefused()
    {
        var most = default(ProportionAccumulator);
        most.Add(long.MaxValue, long.MaxValue);
        var hours = default(MeanAccumulator);
        hours.Add(-1e150);
        hours.Add(1e150);
        var kpis = new ComplaintKpis(most, most, most, most, most, hours, hours) { Complaints = long.MaxValue };
        var buffer = new byte[ComplaintKpis.MaxBinarySize];

        Assert.True(kpis.TryWriteTo(buffer, out var written));
        // Every count a 9-byte varint except the two mean counts: 2 + 9 + 5 × 20 + 2 × 43 = 197 of the 213 bytes.
        Assert.Equal(197, written);
        Assert.True(ComplaintKpis.TryReadFrom(buffer, out var back, out _));
        Assert.Equal(kpis, back);
        Assert.False(kpis.TryWriteTo(buffer.AsSpan(0, written - 1), out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void TryReadFrom_TruncatedState_ReturnsFalseForEveryPrefix()
    {
        var buffer = new byte[ComplaintKpis.MaxBinarySize];
        Assert.True(Known().TryWriteTo(buffer, out var written));

        for (var length = 0; length < written; length++)
        {
            Assert.False(ComplaintKpis.TryReadFrom(buffer.AsSpan(0, length), out var value, out var read), $"prefix of {length} bytes");
            Assert.Equal((ComplaintKpis.Empty, 0), (value, read));
        }
    }

    [Theory]
    [InlineData(0, 2)] // another format version
    [InlineData(1, 3)] // a proportion state, not KPIs
    [InlineData(3, 2)] // the first tally's version
    [InlineData(5, 3)] // its successes (3) above its trials (2)
    [InlineData(24, 3)] // the acknowledge hours' kind: a proportion where a mean belongs
    public void TryReadFrom_MalformedState_ReturnsFalse(int index, byte value)
    {
        var buffer = new byte[ComplaintKpis.MaxBinarySize];
        Assert.True(Known().TryWriteTo(buffer, out var written));
        buffer[index] = value;

        Assert.False(ComplaintKpis.TryReadFrom(buffer.AsSpan(0, written), out var kpis, out var read));
        Assert.Equal((ComplaintKpis.Empty, 0), (kpis, read));
    }

    [Fact]
    public void Complaints_Negative_ThrowsNamingTheRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("Complaints", () => new ComplaintKpis { Complaints = -1 });

        Assert.Contains("≥ 0", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Three complaints: FCR 1 of 2, reopened 1 of 2, acknowledged in time 2 of 3 (in 1 and 0.5 hours), update cycles 4 of 5, no resolve clock decided.</summary>
    private static ComplaintKpis Known()
    {
        ProportionAccumulator fcr = default, reopens = default, acknowledge = default, update = default;
        fcr.Add(1, 2);
        reopens.Add(1, 2);
        acknowledge.Add(2, 3);
        update.Add(4, 5);
        var hours = default(MeanAccumulator);
        hours.Add(1);
        hours.Add(0.5);
        return new ComplaintKpis(fcr, reopens, acknowledge, update, default, hours, default) { Complaints = 3 };
    }

    /// <summary>KPIs from arbitrary counts (successes ≤ trials taken pairwise) and hours.</summary>
    private static ComplaintKpis Tallies(NonNegativeInt[] counts, NormalFloat[] hours)
    {
        var tallies = new ProportionAccumulator[5];
        for (var i = 0; i < counts.Length; i++)
        {
            var (n, k) = (counts[i].Get, counts[(i + 1) % counts.Length].Get);
            tallies[i % 5].Add(Math.Min(n, k), Math.Max(n, k));
        }

        var (acknowledge, resolve) = (default(MeanAccumulator), default(MeanAccumulator));
        for (var i = 0; i < hours.Length; i++)
        {
            if (i % 2 == 0)
            {
                acknowledge.Add(hours[i].Get);
            }
            else
            {
                resolve.Add(hours[i].Get);
            }
        }

        return new ComplaintKpis(tallies[0], tallies[1], tallies[2], tallies[3], tallies[4], acknowledge, resolve) { Complaints = counts.Length + hours.Length };
    }

    private static ComplaintKpis Json(ComplaintKpis k) => JsonSerializer.Deserialize(JsonSerializer.Serialize(k, ComplaintKpisJson.ComplaintKpis), ComplaintKpisJson.ComplaintKpis);

    private static ComplaintKpis Binary(ComplaintKpis k)
    {
        var buffer = new byte[ComplaintKpis.MaxBinarySize];
        Assert.True(k.TryWriteTo(buffer, out var written));
        Assert.True(ComplaintKpis.TryReadFrom(buffer.AsSpan(0, written), out var back, out var read));
        Assert.Equal(written, read);
        return back;
    }

    private static ComplaintKpis RoundTrip(ComplaintKpis k) => Json(k);

    private static void AssertSame(ComplaintKpis expected, ComplaintKpis actual)
    {
        Assert.Equal(expected.Complaints, actual.Complaints);
        Assert.Equal(expected.FirstContactResolutions, actual.FirstContactResolutions);
        Assert.Equal(expected.Reopens, actual.Reopens);
        Assert.Equal(expected.AcknowledgeSla, actual.AcknowledgeSla);
        Assert.Equal(expected.UpdateSla, actual.UpdateSla);
        Assert.Equal(expected.ResolveSla, actual.ResolveSla);
        foreach (var (e, a) in new[] { (expected.TimeToAcknowledge, actual.TimeToAcknowledge), (expected.TimeToResolve, actual.TimeToResolve) })
        {
            Assert.Equal(e.SampleSize, a.SampleSize);
            Assert.Equal(e.Estimate ?? 0, a.Estimate ?? 0, 1e-9);
            Assert.Equal(e.Variance ?? 0, a.Variance ?? 0, 1e-6);
        }
    }

    private static void Prepare(Complaint c, DateTimeOffset due)
    {
        c.StartInvestigating("ann").EnsureAccepted();
        c.Apologize("ann", ContactChannel.Email, "Sorry").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Email, ["fix"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Email, "fix", due).EnsureAccepted();
    }

    private static ComplaintKpis Measure(int[] steps) => ComplaintKpis.Of(ComplaintTestKit.RandomWalk(steps));
}
