using ServiceQuality.Insights;
using ServiceQuality.Scoring;
using ServiceQuality.Testing;

namespace ServiceQuality.Tests.Insights;

public sealed class SurveyTallyTests
{
    private static bool SameWants(IReadOnlyDictionary<ClientWant, MeanAccumulator> a, IReadOnlyDictionary<ClientWant, MeanAccumulator> b) =>
        a.Count(p => p.Value.Count > 0) == b.Count(p => p.Value.Count > 0)
        && a.Where(p => p.Value.Count > 0).All(p => b.TryGetValue(p.Key, out var other) && other.Count == p.Value.Count
            && AccumulatorLaws.Close(other.Mean, p.Value.Mean) && AccumulatorLaws.Close(other.SumOfSquaredDeviations, p.Value.SumOfSquaredDeviations));

    [Fact]
    public void Merge_SurveyResponsesOfBothSegments_MeetsTheAccumulatorLaws() =>
        new AccumulatorLaws<SurveyTally, SurveyResponse>(
            static () => new SurveyTally(),
            static (tally, response) => { var copy = tally.Clone(); copy.Add(response); return copy; },
            static (a, b) => { var merged = a.Clone(); merged.Merge(b); return merged; },
            SurveyGenerators.Response(new SegmentMix { InternalWeight = 1, ExternalWeight = 2 }, agents: 4))
        {
            AreEqual = static (a, b) => a.Count == b.Count && a.Nps == b.Nps && a.Csat == b.Csat && a.Ces == b.Ces
                && SameWants(a.Importance, b.Importance) && SameWants(a.Performance, b.Performance),
            Options = new LawCheckOptions { MaxTest = 150 },
        }.CheckAll();
}
