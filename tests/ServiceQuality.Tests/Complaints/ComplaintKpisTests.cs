using System.Text.Json;
using FsCheck.Xunit;
using ServiceQuality.Complaints;
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
        reopened.Apologise("ann", ContactChannel.Email, "Sorry again").EnsureAccepted();
        reopened.OfferHelp("ann", ContactChannel.Email, ["replace"]).EnsureAccepted();
        reopened.Commit("ann", ContactChannel.Email, "replace", time.GetUtcNow().AddHours(4)).EnsureAccepted();
        time.Advance(TimeSpan.FromHours(1)); // Mon 12:00
        reopened.DeliverFix("bob", ContactChannel.Email, "replaced").EnsureAccepted();
        reopened.RecordClientConfirmation("client", ContactChannel.Email).EnsureAccepted();

        var kpis = ComplaintKpis.Of(first).Merge(ComplaintKpis.Of(withdrawn)).Merge(ComplaintKpis.Of(reopened));

        Assert.Equal(3, kpis.Complaints);
        // Both closed; only "first" was never reopened.
        Assert.Equal((1L, 2L), (kpis.FirstContactResolution.Successes, kpis.FirstContactResolution.N));
        Assert.Equal(0.5, kpis.FirstContactResolution.Estimate);
        // Both were fixed; "reopened" came back once.
        Assert.Equal((1L, 2L), (kpis.ReopenRate.Successes, kpis.ReopenRate.N));
        // Acknowledge: two met within 4 business hours, the withdrawn one stopped, so not met.
        Assert.Equal((2L, 3L), (kpis.SlaAttainment(SlaClockKind.Acknowledge).Successes, kpis.SlaAttainment(SlaClockKind.Acknowledge).N));
        // Resolve: two met within 3 business days, the withdrawn one stopped, so not met.
        Assert.Equal((2L, 3L), (kpis.SlaAttainment(SlaClockKind.Resolve).Successes, kpis.SlaAttainment(SlaClockKind.Resolve).N));
        // Wilson 95% interval for 2 of 3 (z = 1.959964): [0.2077, 0.9385].
        Assert.Equal(0.2077, kpis.SlaAttainment(SlaClockKind.Resolve).Interval!.Value.Lower, 4);
        Assert.Equal(0.9385, kpis.SlaAttainment(SlaClockKind.Resolve).Interval!.Value.Upper, 4);
        // Business hours to acknowledge: first 1 h (15:00-16:00), reopened 0.5 h; the withdrawn one was never acknowledged.
        Assert.Equal(2, kpis.TimeToAcknowledge.N);
        Assert.Equal(0.75, kpis.TimeToAcknowledge.Mean!.Value, 12);
        // Business hours to resolve over the weekend: first Fri 15-17 + Mon 9-11 = 4 h, reopened Fri 15-17 + Mon 9-12 = 5 h.
        Assert.Equal(2, kpis.TimeToResolve.N);
        Assert.Equal(4.5, kpis.TimeToResolve.Mean!.Value, 12);
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
        Assert.Null(k.TimeToResolve.Mean);
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

    private static ComplaintKpis RoundTrip(ComplaintKpis k) => JsonSerializer.Deserialize<ComplaintKpis>(JsonSerializer.Serialize(k));

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
            Assert.Equal(e.N, a.N);
            Assert.Equal(e.Mean ?? 0, a.Mean ?? 0, 1e-9);
            Assert.Equal(e.Variance ?? 0, a.Variance ?? 0, 1e-6);
        }
    }

    private static void Prepare(Complaint c, DateTimeOffset due)
    {
        c.StartInvestigating("ann").EnsureAccepted();
        c.Apologise("ann", ContactChannel.Email, "Sorry").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Email, ["fix"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Email, "fix", due).EnsureAccepted();
    }

    private static ComplaintKpis Measure(int[] steps) => ComplaintKpis.Of(ComplaintTestKit.RandomWalk(steps));
}
