using System.Text.Json;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Serialization;

/// <summary>
/// The results are get-only with internal constructors (API review step 7); their <c>[JsonConstructor]</c> keeps them
/// readable from the JSON they write, so a stored result reads back equal, field for field.
/// </summary>
public sealed class ScoringJsonTests
{
    private static readonly int[] NpsRatings = [0, 3, 6, 7, 8, 9, 9, 10, 10, 10];

    [Fact]
    public void NpsResult_JsonRoundTrip_ReadsBackEqual()
    {
        var ratings = new RatingAccumulator<NpsScale>();
        ratings.Add(NpsRatings);
        var result = ratings.GetNps();

        var json = JsonSerializer.Serialize(result, ScoringJson.NpsResult);
        var back = RoundTrip.Json(result, ScoringJson.NpsResult);

        Assert.Equal(result, back);
        Assert.Equal(10, back.SampleSize);
        Assert.Equal(0.2, back.Estimate!.Value, 15);     // 5 promoters, 3 detractors of 10
        Assert.Contains("\"SampleSize\":10", json, StringComparison.Ordinal);
        Assert.Contains("\"Undefined\":\"None\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyResults_JsonRoundTrip_KeepUndefined()
    {
        var empty = new RatingAccumulator<NpsScale>().GetNps();
        var back = RoundTrip.Json(empty, ScoringJson.NpsResult);

        Assert.Equal(empty, back);
        Assert.False(back.HasValue);
        Assert.Equal(UndefinedReason.NoObservations, back.Undefined);
    }

    [Fact]
    public void OtherResults_JsonRoundTrip_ReadBackEqual()
    {
        var csatRatings = new RatingAccumulator<CsatScale>();
        csatRatings.Add([1, 3, 4, 4, 5, 5]);
        var mean = new MeanAccumulator();
        foreach (var x in new[] { 2.0, 4.0, 4.0, 5.0 })
        {
            mean.Add(x);
        }

        var meanResult = mean.GetResult();
        var proportion = Proportion.FromCounts(7, 50);
        double[,] scores = { { 1, 2, 2 }, { 2, 3, 3 }, { 4, 4, 5 }, { 3, 3, 4 } };

        Assert.Equal(csatRatings.GetCsat(), RoundTrip.Json(csatRatings.GetCsat(), ScoringJson.CsatResult));
        Assert.Equal(meanResult, RoundTrip.Json(meanResult, ScoringJson.MeanResult));
        Assert.Equal(proportion, RoundTrip.Json(proportion, ScoringJson.ProportionResult));
        var posterior = NetPromoterScore.Posterior(3, 2, 5);
        Assert.Equal(posterior, RoundTrip.Json(posterior, ScoringJson.NpsPosterior));
        var difference = Mean.Compare(meanResult, csatRatings.GetMean());
        Assert.Equal(difference, RoundTrip.Json(difference, ScoringJson.DifferenceTest));
        var alpha = CronbachAlpha.Compute(scores);
        Assert.Equal(alpha, RoundTrip.Json(alpha, ScoringJson.AlphaResult));
        var iccs = IntraclassCorrelation.Compute(scores);
        Assert.Equal(iccs, RoundTrip.Json(iccs, ScoringJson.IccEstimates));
        var agreement = GroupAgreement.Compute([0, 0, 1, 1, 2, 2], [1.0, 2, 3, 4, 4, 5]);
        Assert.Equal(agreement, RoundTrip.Json(agreement, ScoringJson.GroupAgreementResult));
    }
}
