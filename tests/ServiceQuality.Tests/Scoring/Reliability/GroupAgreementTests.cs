using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Reliability;

public sealed class GroupAgreementTests
{
    [Fact]
    public void GroupAgreement_MatchesMultilevelFormulas()
    {
        // R multilevel: ICC1 = (MSB - MSW)/(MSB + (GSIZE - 1)MSW), GSIZE = N/G; ICC2 = (MSB - MSW)/MSB. Three teams
        // (3, 4 and 5 ratings); values from the one-way ANOVA in Python 3.11: MSB 7.59375, MSW 0.5, F 15.1875.
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var r = GroupAgreement.Compute(teams, ratings);
        Assert.Equal(0.7800687285223368, r.Icc1!.Value, 12);
        Assert.Equal(0.9341563786008231, r.Icc2!.Value, 12);
        Assert.Equal(15.1875, r.F!.Value, 12);
        Assert.Equal((2.0, 9.0, 3, 12L), (r.Df1, r.Df2, r.Groups, r.SampleSize));
        Assert.True(r.PValue < 0.01);
        Assert.Equal(UndefinedReason.None, r.Undefined);
    }

    [Fact]
    public void GroupAgreement_NoVarianceBetweenGroups_IsUndefinedNotMinusInfinity()
    {
        // The issue: MSB = 0 gave ICC2 = -∞. Two teams with the same mean: ICC2 = (0 - MSW)/0 has no value.
        var r = GroupAgreement.Compute([0, 0, 1, 1], [1.0, 3, 1, 3]);
        Assert.Null(r.Icc2);
        Assert.Equal(UndefinedReason.NoVariance, r.Undefined);
        Assert.Equal(-1, r.Icc1!.Value, 14); // (0 - MSW)/(0 + (2 - 1)·MSW) is defined
        Assert.Equal(0, r.F!.Value);
        Assert.Equal(1, r.PValue!.Value, 12);
    }

    [Fact]
    public void GroupAgreement_EqualMeansReachedByDifferentMerges_AreUndefinedNotHuge()
    {
        // Two agents with the same ratings (mean 8/3) tallied in different orders: one merged rating by rating, the other
        // added in bulk, so their means differ in the last bit and the computed SSB is a rounding residue, not a spread.
        // ICC2 is undefined rather than about -1e31 (found by the scorecard's partition law, seed 37).
        double[] a = [5, 2, 1], b = [5, 1, 2];
        MeanAccumulator first = default, second = default;
        foreach (var x in a)
        {
            var one = default(MeanAccumulator);
            one.Add(x);
            first.Merge(one);
        }

        second.Add(b);
        var r = GroupAgreement.Compute(new[] { first, second });
        Assert.Null(r.Icc2);
        Assert.Equal(UndefinedReason.NoVariance, r.Undefined);
        Assert.Equal(0, r.F);
    }

    [Fact]
    public void GroupAgreement_IdenticalRatings_AreUndefinedNotNaN()
    {
        // The issue: identical data gave NaN.
        var r = GroupAgreement.Compute([0, 0, 1, 1, 2, 2], [4.0, 4, 4, 4, 4, 4]);
        Assert.Equal((null, null, null, null), (r.Icc1, r.Icc2, r.F, r.PValue));
        Assert.Equal(UndefinedReason.NoVariance, r.Undefined);
        Assert.Equal((3, 6L, 2.0, 3.0), (r.Groups, r.SampleSize, r.Df1, r.Df2));
    }

    [Fact]
    public void GroupAgreement_TooFewGroupsOrNoReplication_AreUndefined()
    {
        Assert.Equal(UndefinedReason.TooFewObservations, GroupAgreement.Compute([0, 0, 0], [1.0, 2, 3]).Undefined);
        Assert.Equal(UndefinedReason.TooFewObservations, GroupAgreement.Compute([0, 1, 2], [1.0, 2, 3]).Undefined);
        Assert.Equal(UndefinedReason.TooFewObservations, GroupAgreement.Compute([], []).Undefined);
        Assert.Throws<ArgumentException>(() => GroupAgreement.Compute([0, 1], [1.0]));
    }

    [Fact]
    public void GroupAgreement_RatingsOffsetBy1e9_KeepTheirIcc()
    {
        // The issue: ratings offset by 1e9 gave ICC1 = 1.0 instead of the true value. Same teams as the multilevel example.
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var r = GroupAgreement.Compute(teams, [.. ratings.Select(x => x + 1e9)]);
        Assert.Equal(0.7800687285223368, r.Icc1!.Value, 12);
        Assert.Equal(0.9341563786008231, r.Icc2!.Value, 12);
        Assert.Equal(15.1875, r.F!.Value, 10);
    }

    [Fact]
    public void GroupAgreement_FromGroupTallies_EqualsFromRatings()
    {
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var tallies = new MeanAccumulator[4]; // the last group has no ratings and is left out
        for (var i = 0; i < teams.Length; i++)
        {
            tallies[teams[i]].Add(ratings[i]);
        }

        Assert.Equal(GroupAgreement.Compute(teams, ratings), GroupAgreement.Compute(tallies));
        var weighted = default(MeanAccumulator);
        weighted.Add(3, 0.5);
        weighted.Add(4, 0.5);
        Assert.Throws<ArgumentException>(() => GroupAgreement.Compute(new MeanAccumulator[] { tallies[0], weighted }));
    }


    [Fact]
    public void GroupAgreement_GroupsWithDifferentOffsets_MatchTheAnova()
    {
        // Each group's first rating sits at a different distance from its mean (offsets 2, 1, 1), so the group means are
        // formed from shift and offset. One-way ANOVA in exact fractions (Python 3.11): MSB 75/4, MSW 22/5.
        var r = GroupAgreement.Compute([0, 0, 0, 1, 1, 2, 2, 2], [1.0, 2, 6, 7, 9, 2, 2, 5]);
        Assert.Equal(0.5501597444089457, r.Icc1!.Value, 12);
        Assert.Equal(0.7653333333333333, r.Icc2!.Value, 12);
        Assert.Equal(4.261363636363637, r.F!.Value, 12);
        Assert.Equal(UndefinedReason.None, r.Undefined);
        Assert.True(r.HasValue);
    }

    [Fact]
    public void GroupAgreement_OneMoreRatingThanGroups_IsComputed()
    {
        // N - G = 1 is enough for MSW: teams {1, 3} and {5}: MSB 6, MSW 2 (exact), so F = 3 and ICC2 = 2/3.
        var r = GroupAgreement.Compute([0, 0, 1], [1.0, 3, 5]);
        Assert.Equal(0.5714285714285714, r.Icc1!.Value, 12);
        Assert.Equal(0.6666666666666666, r.Icc2!.Value, 12);
        Assert.Equal(3.0, r.F!.Value, 12);
        Assert.Equal((1.0, 1.0), (r.Df1, r.Df2));
    }

    [Fact]
    public void GroupAgreement_BadInput_IsRefused()
    {
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => GroupAgreement.Compute([0, 1, 1], [1.0, double.NaN, 2]));
        Assert.Equal("ratings", nan.ParamName);
        // Weights 0.5 and 1.5 sum to the count (2) but their squares do not (2.5): weighted, refused.
        var weighted = default(MeanAccumulator);
        weighted.Add(3, 0.5);
        weighted.Add(4, 1.5);
        var unit = default(MeanAccumulator);
        unit.Add(1);
        unit.Add(2);
        Assert.Throws<ArgumentException>(() => GroupAgreement.Compute(new[] { unit, weighted }));
    }

    [Fact]
    public void GroupAgreement_WithinSpreadBeyondADouble_ThrowsOverflow()
    {
        // Each group's squared deviations sum to 1.2e308 (finite), both groups' to 2.4e308: an OverflowException.
        var a = Math.Sqrt(0.6e308);
        Assert.Throws<OverflowException>(() => GroupAgreement.Compute([0, 0, 1, 1], [a, -a, a, -a]));
    }
}
