using System.Text.Json;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Orleans.Scores;
using ServiceQuality.Orleans.Tests.Serialization;
using ServiceQuality.Scoring;
using Xunit.Abstractions;

namespace ServiceQuality.Orleans.Tests.Scores;

[Collection(ClusterCollection.Name)]
public sealed class ScorecardGrainTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task GetTallyAsync_PartialsOnEverySilo_EqualsTheScorecardOfAllTheDataOnOneMachine()
    {
        string scope = "scope-" + Guid.NewGuid().ToString("N")[..8];
        var responses = SurrogatesTests.Responses(600, seed: 11);
        var measures = SurrogatesTests.MeasuresOfPrefixes();

        // Each silo's own intake adds to that silo's partial: the stateless worker runs where the call lands, the
        // partial where it is first used; a grain-to-grain call from each silo's partition grain shows all three.
        var intake = fixture.Cluster.GrainFactory.GetGrain<IScoreIntakeGrain>(scope);
        var batches = responses.Chunk(20).ToArray();
        await Task.WhenAll(batches.Select(batch => intake.AddSurveyResponsesAsync(batch)));
        await Task.WhenAll(measures.Select(m => intake.AddComplaintMeasuresAsync(m)));
        var silos = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress.ToString()).ToArray();
        var extra = SurrogatesTests.Responses(30, seed: 12);
        for (int i = 0; i < silos.Length; i++)
        {
            // A partial per silo, as the silos' own grains create them (the key names the silo).
            await fixture.Cluster.GrainFactory.GetGrain<IScorePartitionGrain>(ScoreGrains.PartitionKey(scope, $"test-silo-{i}")).AddAsync(extra[(i * 10)..((i + 1) * 10)], ComplaintMeasures.Empty);
        }

        var merged = await fixture.Cluster.GrainFactory.GetGrain<IScorecardGrain>(scope).GetTallyAsync();

        var allMeasures = measures.Aggregate(ComplaintMeasures.Empty, (a, m) => a.Merge(m));
        var expected = Scorecard.Compute(
            responses.Concat(extra),
            firstContactResolution: Proportion.FromCounts(allMeasures.FirstContactResolutions, allMeasures.Closed),
            reopenRate: Proportion.FromCounts(allMeasures.Reopened, allMeasures.EverResolved));
        output.WriteLine($"{merged.Partitions} partitions; {merged.Surveys.Count} responses");
        Assert.InRange(merged.Partitions, silos.Length + 1, silos.Length * 2);
        Assert.Equal(630, merged.Surveys.Count);
        Assert.Equal(allMeasures, merged.Complaints);
        // Every count and label equal; every real number equal up to the last bits of floating-point addition order
        // (the accumulators merge means and variances from partial sums, Chan et al.).
        AssertSameScorecard(JsonDocument.Parse(Json(expected)).RootElement, JsonDocument.Parse(Json(merged.GetScorecard())).RootElement, "$");
    }

    [Fact]
    public async Task AddSurveyResponsesAsync_RatingOutOfScale_ThrowsAndTheTallyIsUnchanged()
    {
        string scope = "scope-" + Guid.NewGuid().ToString("N")[..8];
        var intake = fixture.Cluster.GrainFactory.GetGrain<IScoreIntakeGrain>(scope);
        await intake.AddSurveyResponsesAsync(SurrogatesTests.Responses(5, seed: 1));
        var bad = SurrogatesTests.Responses(3, seed: 2);
        bad[2] = bad[2] with { Nps = 11 };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => intake.AddSurveyResponsesAsync(bad));

        var tally = await fixture.Cluster.GrainFactory.GetGrain<IScorecardGrain>(scope).GetTallyAsync();
        Assert.Equal(5, tally.Surveys.Count);
    }

    private static string Json(ScorecardResult result) => JsonSerializer.Serialize(result, InsightsJson.ScorecardResult);

    private static void AssertSameScorecard(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} expected, {actual.ValueKind} found");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var property in expected.EnumerateObject())
                {
                    AssertSameScorecard(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSameScorecard(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number when expected.TryGetInt64(out long count) && actual.TryGetInt64(out long other):
                Assert.True(count == other, $"{path}: {count} expected, {other} found");
                break;
            case JsonValueKind.Number:
                double e = expected.GetDouble(), a = actual.GetDouble();
                Assert.True(Math.Abs(e - a) <= 1e-12 * Math.Max(1, Math.Abs(e)), $"{path}: {e:R} expected, {a:R} found");
                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
        }
    }
}
