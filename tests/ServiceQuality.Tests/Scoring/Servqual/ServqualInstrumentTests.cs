using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Servqual;

public sealed class ServqualInstrumentTests
{
    private static ServqualInstrument Small(IReadOnlyDictionary<ServqualDimension, double>? weights = null) => new(
        [
            new() { Id = "T1", Dimension = ServqualDimension.Tangibles }, new() { Id = "R1", Dimension = ServqualDimension.Reliability }, new() { Id = "R2", Dimension = ServqualDimension.Reliability, ReverseScored = true },
            new() { Id = "SP1", Dimension = ServqualDimension.Responsiveness }, new() { Id = "A1", Dimension = ServqualDimension.Assurance }, new() { Id = "E1", Dimension = ServqualDimension.Empathy },
        ],
        weights: weights);

    [Fact]
    public void Score_GapsPerItemAndDimension_PZB1988()
    {
        // Hand-computed (PZB 1988: gap = P - E; dimension = mean of its items; overall = mean of dimensions).
        // R2 is reverse-scored on 1-7: P 2 → 6, E 1 → 7.
        double[] p = [5, 4, 2, 6, 7, 3];
        double[] e = [6, 6, 1, 6, 6, 5];
        var r = Small().Score(p, e);
        Assert.Equal([-1.0, -2, -1, 0, 1, -2], r.ItemScores);
        Assert.Equal(-1.5, r.Dimensions[(int)ServqualDimension.Reliability].Score);
        Assert.Equal(5, r.Dimensions[(int)ServqualDimension.Reliability].Perception);
        Assert.Equal((-1 - 1.5 + 0 + 1 - 2) / 5.0, r.UnweightedScore!.Value, 14);
        Assert.Equal(r.UnweightedScore!.Value, r.WeightedScore!.Value, 14); // equal weights by default
    }

    [Fact]
    public void WeightedScore_UsesImportancePoints_PZB1991()
    {
        // 100 points: tangibles 10, reliability 40, responsiveness 20, assurance 15, empathy 15.
        var weights = new Dictionary<ServqualDimension, double>
        {
            [ServqualDimension.Tangibles] = 10, [ServqualDimension.Reliability] = 40, [ServqualDimension.Responsiveness] = 20,
            [ServqualDimension.Assurance] = 15, [ServqualDimension.Empathy] = 15,
        };
        var r = Small(weights).Score([5.0, 4, 2, 6, 7, 3], [6.0, 6, 1, 6, 6, 5]);
        Assert.Equal((0.10 * -1) + (0.40 * -1.5) + (0.20 * 0) + (0.15 * 1) + (0.15 * -2), r.WeightedScore!.Value, 14);
    }

    [Fact]
    public void MissingItems_FollowTheDocumentedRule()
    {
        // R1 missing: reliability from R2 alone; empathy missing entirely: overall over four dimensions, weights renormalised.
        var r = Small().Score([5.0, double.NaN, 2, 6, 7, double.NaN], [6.0, 6, 1, 6, 6, 5]);
        Assert.Equal(-1, r.Dimensions[(int)ServqualDimension.Reliability].Score);
        Assert.Equal(1, r.Dimensions[(int)ServqualDimension.Reliability].ItemsAnswered);
        Assert.Null(r.Dimensions[(int)ServqualDimension.Empathy].Score);
        Assert.Equal((-1 - 1 + 0 + 1) / 4.0, r.UnweightedScore!.Value, 14);
        Assert.Equal(r.UnweightedScore!.Value, r.WeightedScore!.Value, 14);
        var none = Small().ScorePerformance([double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]);
        Assert.Null(none.UnweightedScore);
    }

    [Fact]
    public void Servperf_UsesPerceptionsOnly_CroninTaylor1992()
    {
        var r = ServqualInstrument.Standard22().ScorePerformance([.. Enumerable.Repeat(6.0, 22)]);
        Assert.Equal(ServqualModel.Servperf, r.Model);
        Assert.Equal(6, r.UnweightedScore);
        Assert.All(r.Dimensions, d => Assert.Null(d.Expectation));
        Assert.Equal([4, 5, 4, 4, 5], r.Dimensions.Select(d => d.ItemsAnswered));
    }

    [Fact]
    public void Summary_AveragesRespondents()
    {
        var instrument = Small();
        var a = instrument.Score([5.0, 4, 2, 6, 7, 3], [6.0, 6, 1, 6, 6, 5]);
        var b = instrument.Score([7.0, 7, 1, 7, 7, 7], [6.0, 6, 1, 6, 6, 5]);
        var summary = ServqualSummary.Of([a, b]);
        Assert.Equal((-1 + 1) / 2.0, summary.Dimensions[(int)ServqualDimension.Tangibles].Estimate!.Value, 14);
        Assert.Equal((a.UnweightedScore!.Value + b.UnweightedScore!.Value) / 2, summary.Unweighted.Estimate!.Value, 14);
        Assert.Equal(2, summary.Weighted.SampleSize);
        Assert.False(ServqualSummary.Of([]).Unweighted.HasValue);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Small().ScorePerformance([8.0, 1, 1, 1, 1, 1]));
        Assert.Contains("[1, 7]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Small().ScorePerformance([1.0]));
        Assert.Throws<ArgumentException>(() => new ServqualInstrument([new() { Id = "T1", Dimension = ServqualDimension.Tangibles }]));
    }

    [Fact]
    public void Constructor_UndefinedDimension_IsRejectedNamingTheValue()
    {
        // The issue: an item with dimension 7 passed the constructor and threw IndexOutOfRangeException when scored.
        var items = ServqualInstrument.Standard22().Items.Append(new ServqualItem { Id = "X1", Dimension = (ServqualDimension)7 });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ServqualInstrument(items));
        Assert.Contains("7 is not a defined ServqualDimension", ex.Message, StringComparison.Ordinal);
        var weights = new Dictionary<ServqualDimension, double> { [(ServqualDimension)7] = 1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => ServqualInstrument.Standard22(weights));
    }

    [Fact]
    public void Standard22_ItemIdsAndDimensions_FollowPZB1988()
    {
        var items = ServqualInstrument.Standard22().Items;

        Assert.Equal(
            ["T1", "T2", "T3", "T4", "R1", "R2", "R3", "R4", "R5", "SP1", "SP2", "SP3", "SP4", "A1", "A2", "A3", "A4", "E1", "E2", "E3", "E4", "E5"],
            items.Select(i => i.Id));
        Assert.Equal([4, 5, 4, 4, 5], Enum.GetValues<ServqualDimension>().Select(d => items.Count(i => i.Dimension == d)));
        Assert.All(items, i => Assert.False(i.ReverseScored));
    }

    [Fact]
    public void Constructor_BadArguments_AreRejectedNamingTheParameter()
    {
        var items = ServqualInstrument.Standard22().Items;

        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new ServqualInstrument(null!)).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => new ServqualInstrument(items.Select((i, n) => n == 3 ? i with { Id = "" } : i))).ParamName);
        var missing = Assert.Throws<ArgumentException>(() => new ServqualInstrument(items.Where(i => i.Dimension != ServqualDimension.Empathy)));
        Assert.Equal("items", missing.ParamName);
        Assert.Contains("Empathy has no items", missing.Message, StringComparison.Ordinal);
        Assert.Equal("scaleMaximum", Assert.Throws<ArgumentOutOfRangeException>(() => new ServqualInstrument(items, scaleMinimum: 5, scaleMaximum: 5)).ParamName);
        Assert.Equal("minimumItemsPerDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new ServqualInstrument(items, minimumItemsPerDimension: 0)).ParamName);
        Assert.Equal(1, new ServqualInstrument(items, scaleMinimum: 1, scaleMaximum: 2, minimumItemsPerDimension: 1).MinimumItemsPerDimension);

        foreach (var bad in new[] { -1, double.NaN, double.PositiveInfinity })
        {
            var weights = new Dictionary<ServqualDimension, double> { [ServqualDimension.Tangibles] = bad, [ServqualDimension.Reliability] = 1 };
            Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(() => new ServqualInstrument(items, weights: weights)).ParamName);
        }

        var zero = Enum.GetValues<ServqualDimension>().ToDictionary(d => d, _ => 0.0);
        var sum = Assert.Throws<ArgumentOutOfRangeException>(() => new ServqualInstrument(items, weights: zero));
        Assert.Equal("weights", sum.ParamName);
        Assert.Contains("sum to more than 0", sum.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_AreNormalisedToSumToOne_AndAWeightlessOverallHasNoWeightedScore()
    {
        // PZB 1991's 100 points become shares; a dimension missing from the weights gets 0.
        var points = new Dictionary<ServqualDimension, double> { [ServqualDimension.Tangibles] = 10, [ServqualDimension.Reliability] = 40, [ServqualDimension.Empathy] = 50 };
        var r = Small(points).Score([5.0, 4, 2, 6, 7, 3], [6.0, 6, 1, 6, 6, 5]);
        Assert.Equal([0.1, 0.4, 0, 0, 0.5], r.Dimensions.Select(d => Math.Round(d.Weight, 15)));

        // Only empathy weighs, and empathy is unanswered: the unweighted score exists, the weighted one has no weight to use.
        var onlyEmpathy = new Dictionary<ServqualDimension, double> { [ServqualDimension.Empathy] = 1 };
        var unanswered = Small(onlyEmpathy).Score([5.0, 4, 2, 6, 7, double.NaN], [6.0, 6, 1, 6, 6, 5]);
        Assert.Equal((-1 - 1.5 + 0 + 1) / 4.0, unanswered.UnweightedScore!.Value, 14);
        Assert.Null(unanswered.WeightedScore);
    }

    [Fact]
    public void Score_ExpectationsOfTheWrongLength_AreRejectedNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => Small().Score([5.0, 4, 2, 6, 7, 3], [6.0, 6, 1]));

        Assert.Equal("expectations", ex.ParamName);
        Assert.Contains("one rating per item (6), got 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal("results", Assert.Throws<ArgumentNullException>(() => ServqualSummary.Of(null!)).ParamName);
    }
}
