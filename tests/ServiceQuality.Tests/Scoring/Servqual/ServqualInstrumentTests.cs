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
}
