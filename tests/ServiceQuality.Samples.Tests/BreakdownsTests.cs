using FsCheck;
using FsCheck.Fluent;
using ServiceQuality.Complaints;
using ServiceQuality.Quickstart.Pipeline;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Samples.Tests;

/// <summary>The report's breakdowns: weeks, and the small-sample shrinkage of agents and teams.</summary>
public sealed class BreakdownsTests
{
    [Fact]
    public void ShrinkShare_NoAnswers_IsTheOverallShareWithThePriorsInterval()
    {
        // Beta(20·0.6, 20·0.4) = Beta(12, 8): mean 0.6; its 2.5% and 97.5% quantiles, R qbeta(c(.025, .975), 12, 8)
        // (here from mpmath's regularized incomplete beta): 0.3835779, 0.7974786.
        var shrunk = Breakdowns.ShrinkShare(0, 0, 60, 100);

        Assert.Null(shrunk.Raw);
        Assert.Equal(0, shrunk.N);
        Assert.Equal(0.6, shrunk.Estimate, 12);
        Assert.Equal(0.3835779, shrunk.Low, 6);
        Assert.Equal(0.7974786, shrunk.High, 6);
    }

    [Theory]
    [InlineData(20, 0.8)]    // as many answers as the prior is worth: halfway from 100% to the overall 60%
    [InlineData(180, 0.96)]  // nine times as many: a tenth of the way
    public void ShrinkShare_AllSatisfied_IsPulledTowardTheOverallShareByThePriorsWeight(long n, double expected)
    {
        var shrunk = Breakdowns.ShrinkShare(n, n, 60, 100);

        Assert.Equal(1.0, shrunk.Raw);
        Assert.Equal(expected, shrunk.Estimate, 12);
        Assert.True(shrunk.Low < shrunk.Estimate && shrunk.Estimate < shrunk.High && shrunk.High <= 1);
    }

    [Fact]
    public void ShrinkNps_AllPromoters_IsHalfwayToTheOverallScoreAtTwentyAnswers()
    {
        // Overall 30 detractors, 20 passives, 50 promoters (NPS 20): the prior is Dirichlet(6, 4, 10). Twenty promoters:
        // posterior mean (20 + 10 − 6) / (20 + 20) = 0.6, halfway between the group's 100 and the overall 20.
        var overall = NetPromoterScore.FromCounts(30, 20, 50);
        var group = NetPromoterScore.FromCounts(0, 0, 20);

        var shrunk = Breakdowns.ShrinkNps(group, overall);

        Assert.Equal(1.0, shrunk.Raw);
        Assert.Equal(20, shrunk.N);
        Assert.Equal(0.6, shrunk.Estimate, 12);
        Assert.True(shrunk.Low < 0.6 && shrunk.High > 0.6 && shrunk.High < 1, $"{shrunk.Low} to {shrunk.High}");

        var nobody = Breakdowns.ShrinkNps(NetPromoterScore.FromCounts(0, 0, 0), overall);
        Assert.Null(nobody.Raw);
        Assert.Equal(0.2, nobody.Estimate, 12);
    }

    /// <summary>The shrunk share lies between the group's own share and the overall one; its interval is ordered, in 0-1.</summary>
    [Fact]
    public void ShrinkShare_BetweenRawAndOverall_Meets_Specification()
    {
        var cases =
            from n in Gen.Choose(0, 500)
            from s in Gen.Choose(0, n)
            from overallN in Gen.Choose(1, 5000)
            from overallS in Gen.Choose(0, overallN)
            select (s, n, overallS, overallN);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var shrunk = Breakdowns.ShrinkShare(c.s, c.n, c.overallS, c.overallN);
            double pooled = c.overallS / (double)c.overallN;
            double raw = c.n == 0 ? pooled : c.s / (double)c.n;
            const double Eps = 1e-9;
            return shrunk.Estimate >= Math.Min(raw, pooled) - Eps && shrunk.Estimate <= Math.Max(raw, pooled) + Eps
                && shrunk.Low <= shrunk.High && shrunk.Low >= 0 && shrunk.High <= 1;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("2026-09-06T23:59:00Z", "2026-08-31")] // a Sunday belongs to the week that began on Monday
    [InlineData("2026-09-07T00:00:00Z", "2026-09-07")] // a Monday starts its own week
    [InlineData("2026-09-07T01:00:00+03:00", "2026-08-31")] // UTC decides: this is still Sunday 22:00 UTC
    public void WeekOf_AnInstant_IsTheMondayOfItsUtcWeek(string instant, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), Breakdowns.WeekOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Weekly_AWeekWithoutData_IsKeptAsAGap()
    {
        ComplaintRow Complaint(string id, string received, SlaStatus resolve) => new(
            id, DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture), "C1", Priority.Normal, "Ann", "Blue", ComplaintState.Closed, resolve, "Responsiveness", "text");

        var weeks = Breakdowns.Weekly(
            [],
            [Complaint("Q1", "2026-09-01T09:00:00Z", SlaStatus.Met), Complaint("Q2", "2026-09-02T09:00:00Z", SlaStatus.Breached), Complaint("Q3", "2026-09-03T09:00:00Z", SlaStatus.Running),
             Complaint("Q4", "2026-09-16T09:00:00Z", SlaStatus.Met), Complaint("Q5", "2026-09-17T09:00:00Z", SlaStatus.Stopped)]);

        Assert.Equal([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 14)], weeks.Select(w => w.Week));
        // The running clock is not decided yet; the stopped one (a withdrawn complaint) is decided and not met.
        Assert.Equal([(1L, 2L), (0L, 0L), (1L, 2L)], weeks.Select(w => (w.SlaAttainment.Successes, w.SlaAttainment.SampleSize)));
        Assert.Null(weeks[1].SlaAttainment.Estimate);
        Assert.All(weeks, w => Assert.Equal(0, w.Nps.SampleSize));
    }
}
