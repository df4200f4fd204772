using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Insights;
using ServiceQuality.Tests.Scoring;

namespace ServiceQuality.Tests.Insights;

public sealed class ScorecardAccumulatorTests
{
    private static readonly ScorecardOptions ThreePerAgent = new() { MinimumResponsesPerAgent = 3 };

    /// <summary>Random responses: every field sometimes missing, three agents and an unassigned client, both segments.</summary>
    internal static List<SurveyResponse> RandomResponses(int seed, int count)
    {
        var random = new Random(seed);
        string?[] agents = ["ann", "bob", "cy", null];
        var wants = Enum.GetValues<ClientWant>();
        return [.. Enumerable.Range(0, count).Select(i => new SurveyResponse
        {
            ClientId = $"C{i}",
            Segment = (ClientSegment)random.Next(2),
            Agent = agents[random.Next(agents.Length)],
            Nps = random.Next(5) == 0 ? null : random.Next(0, 11),
            Csat = random.Next(5) == 0 ? null : random.Next(1, 6),
            Ces = random.Next(5) == 0 ? null : random.Next(1, 8),
            Wants = wants.Where(_ => random.Next(3) > 0).ToDictionary(w => w, _ => new WantAnswer { Importance = random.Next(1, 6), Performance = random.Next(1, 6) }),
        })];
    }

    private static ScorecardAccumulator Accumulate(IEnumerable<SurveyResponse> responses)
    {
        var acc = new ScorecardAccumulator();
        acc.Add(responses);
        return acc;
    }

    private static string Json(ScorecardAccumulator acc) => JsonSerializer.Serialize(acc, InsightsJson.ScorecardAccumulator);

    /// <summary>Whether two scorecards agree: every count exactly, every estimate within a relative 1e-9.</summary>
    private static bool Same(ScorecardResult a, ScorecardResult b)
    {
        const double tolerance = 1e-9;
        bool Close(double? x, double? y) => Tolerance.Close(x, y, tolerance);
        return a.SampleSize == b.SampleSize && a.Nps == b.Nps && a.Csat == b.Csat
            && Tolerance.Same(a.Ces, b.Ces, tolerance)
            && a.Wants.Count == b.Wants.Count
            && a.Wants.Zip(b.Wants).All(w => w.First.Want == w.Second.Want && w.First.Quadrant == w.Second.Quadrant && Close(w.First.Importance, w.Second.Importance) && Tolerance.Same(w.First.Performance, w.Second.Performance, tolerance))
            && Close(a.Index.Estimate, b.Index.Estimate)
            && Close(a.Parity.Nps?.Test.PValue, b.Parity.Nps?.Test.PValue) && Close(a.Parity.Csat?.Test.PValue, b.Parity.Csat?.Test.PValue) && Close(a.Parity.Ces?.Test.PValue, b.Parity.Ces?.Test.PValue)
            && a.Agents.SequenceEqual(b.Agents)
            && a.Consistency.Count == b.Consistency.Count
            && a.Consistency.Zip(b.Consistency).All(c => c.First.Area == c.Second.Area && Close(c.First.Agreement.Icc1, c.Second.Agreement.Icc1) && Close(c.First.Agreement.Icc2, c.Second.Agreement.Icc2) && Close(c.First.Agreement.F, c.Second.Agreement.F));
    }

    [Property(MaxTest = 40)]
    public bool MergedPartitions_EqualTheWhole(PositiveInt seed, PositiveInt parts)
    {
        // The scorecard is computed from per-group sufficient statistics, so partial tallies merged in any order give the
        // scorecard of all the responses.
        var responses = RandomResponses(seed.Get, 60);
        var k = (parts.Get % 6) + 1;
        var partials = Enumerable.Range(0, k).Select(i => Accumulate(responses.Where((_, j) => j % k == i))).Reverse().ToList();
        var merged = new ScorecardAccumulator();
        foreach (var partial in partials)
        {
            merged.Merge(partial);
        }

        return Same(merged.GetResult(ThreePerAgent), Scorecard.Compute(responses, ThreePerAgent)) && merged.Count == responses.Count;
    }

    /// <summary>
    /// The CI failure on main (replay 17325188736309128436,12170428915118666441,90): agents with equal means reached
    /// through different merge orders gave a between-group sum of squares of ~1e-32 instead of 0, so the merged ICC2
    /// was -4.9e31 where one pass says undefined. Fixed by <c>GroupAgreement.RoundingTolerance</c>.
    /// </summary>
    [Property(MaxTest = 40, Replay = "17325188736309128436,12170428915118666441,90")]
    public bool MergedPartitions_EqualTheWhole_CiReplay(PositiveInt seed, PositiveInt parts) => MergedPartitions_EqualTheWhole(seed, parts);

    /// <summary>The replay's falsifying case, found without the fix: (37, 20) and, shrunk, (37, 1).</summary>
    [Theory]
    [InlineData(37, 20)]
    [InlineData(37, 1)]
    public void MergedPartitions_CiFailingCase_EqualTheWhole(int seed, int parts) =>
        Assert.True(MergedPartitions_EqualTheWhole(PositiveInt.NewPositiveInt(seed), PositiveInt.NewPositiveInt(parts)));

    [Fact]
    public void GetResult_FromMergedHalves_EqualsComputeOverAll()
    {
        var responses = RandomResponses(7, 80);
        var first = Accumulate(responses.Take(35));
        first.Merge(Accumulate(responses.Skip(35)));
        var merged = first.GetResult(ThreePerAgent);
        Assert.True(Same(merged, Scorecard.Compute(responses, ThreePerAgent)));
        Assert.Equal(80, merged.SampleSize);
        Assert.NotEmpty(merged.Consistency); // the agents' ICCs come from the merged tallies, not raw ratings
    }

    [Property(MaxTest = 30)]
    public bool SerializeDeserializeMerge_EqualsMerge(PositiveInt seed)
    {
        var responses = RandomResponses(seed.Get, 30);
        var (x, y) = (Accumulate(responses.Take(12)), Accumulate(responses.Skip(12)));
        var expected = new ScorecardAccumulator();
        expected.Merge(x);
        expected.Merge(y);

        var viaJson = JsonSerializer.Deserialize(Json(x), InsightsJson.ScorecardAccumulator)!;
        viaJson.Merge(JsonSerializer.Deserialize(Json(y), InsightsJson.ScorecardAccumulator)!);

        var viaBinary = Binary(x);
        viaBinary.Merge(Binary(y));
        return Json(viaJson) == Json(expected) && Json(viaBinary) == Json(expected);
    }

    private static ScorecardAccumulator Binary(ScorecardAccumulator acc)
    {
        var bytes = new byte[acc.MaxBinarySize];
        Assert.True(acc.TryWriteTo(bytes, out var written));
        Assert.True(ScorecardAccumulator.TryReadFrom(bytes.AsSpan(0, written), out var back, out var read));
        Assert.Equal(written, read);
        return back!;
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var acc = new ScorecardAccumulator();
        acc.Add(new SurveyResponse { ClientId = "C1", Segment = ClientSegment.External, Agent = "ann", Nps = 9, Wants = new Dictionary<ClientWant, WantAnswer> { [ClientWant.Availability] = new() { Importance = 5, Performance = 4 } } });
        using var doc = JsonDocument.Parse(Json(acc));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var external = root.GetProperty("segments").GetProperty("External");
        Assert.Equal(1, external.GetProperty("responses").GetInt64());
        Assert.Equal(1, external.GetProperty("nps").GetProperty("counts")[9].GetInt64());
        Assert.Equal(4, external.GetProperty("performance").GetProperty("Availability").GetProperty("shift").GetDouble());
        Assert.Equal(1, root.GetProperty("agents").GetProperty("ann").GetProperty("responses").GetInt64());
    }

    [Theory]
    [InlineData("""{"version":1,"segments":{"Partner":{"version":1,"responses":0}},"agents":{}}""", "not a client segment")]
    [InlineData("""{"version":1,"segments":{},"agents":{"ann":{"version":1,"responses":2}}}""", "more responses than all segments")]
    [InlineData("""{"version":1,"segments":{"Internal":{"version":1,"responses":1,"performance":{"Uptime":{}}}},"agents":{}}""", "not a client want")]
    [InlineData("""{"version":2,"segments":{},"agents":{}}""", "version 2")]
    public void Json_InvalidState_ThrowsJsonException(string json, string reason)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, InsightsJson.ScorecardAccumulator));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_TruncatedOrCorrupt_IsRefused()
    {
        var acc = Accumulate(RandomResponses(3, 20));
        var bytes = new byte[acc.MaxBinarySize];
        acc.TryWriteTo(bytes, out var written);
        for (var cut = 0; cut < written; cut += 7)
        {
            Assert.False(ScorecardAccumulator.TryReadFrom(bytes.AsSpan(0, cut), out var value, out _));
            Assert.Null(value);
        }

        var corrupt = bytes.AsSpan(0, written).ToArray();
        corrupt[3] = 9; // the first segment byte: not a ClientSegment
        Assert.False(ScorecardAccumulator.TryReadFrom(corrupt, out _, out _));
        Assert.False(acc.TryWriteTo(bytes.AsSpan(0, written - 1), out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void Merge_WithItself_DoublesEveryCount_AndEmptyIsTheIdentity()
    {
        var acc = Accumulate(RandomResponses(11, 25));
        var before = Json(acc);
        acc.Merge(new ScorecardAccumulator());
        Assert.Equal(before, Json(acc));
        acc.Merge(acc);
        Assert.Equal(50, acc.Count);
        Assert.Equal(2 * Accumulate(RandomResponses(11, 25)).Segments.Values.Sum(t => t.Nps.Count), acc.Segments.Values.Sum(t => t.Nps.Count));
    }

    [Fact]
    public void Add_InvalidResponse_AddsNothing()
    {
        var acc = new ScorecardAccumulator();
        var bad = new SurveyResponse { ClientId = "C1", Nps = 9, Csat = 5, Ces = 9 }; // CES off its 1-7 scale
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(bad));
        Assert.Contains("from 1 to 7", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
        Assert.Empty(acc.Segments);
    }
}
