using ServiceQuality.Quickstart.Pipeline;
using System.Numerics;
using ServiceQuality.Normalization;
using Xunit.Abstractions;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// Checks on the CFPB sample (../shared/data/cfpb_complaints_sample.csv, "Source: CFPB Consumer Complaint Database");
/// skipped visibly when the file is not there, and failed when it is not there with CI=true (<see cref="CfpbFactAttribute"/>).
/// </summary>
public class CfpbCorpusTests(ITestOutputHelper output)
{
    /// <summary>The natural near-duplicate clusters listed in SOURCE.md.</summary>
    private static readonly string[][] Clusters =
    [
        ["11937426", "10553913"],
        ["13810655", "8495337", "15381329"],
        ["11982562", "9672172", "10350537", "13547943"],
    ];

    /// <summary>
    /// Template letters the fingerprint also groups that SOURCE.md does not list; read and confirmed by hand as the
    /// same letter ("In accordance with the Fair Credit Reporting act. The List of accounts below has violated...";
    /// "These can be combined On my credit report...", identical but for the case of one word; "I have not supplied
    /// proof under the doctrine of estoppel by silence...", identical but for "( mo )" and "( MO )", grouped since the
    /// English word list folds the shouted "MO").
    /// </summary>
    private static readonly string[][] UnlistedClusters =
    [
        ["13115706", "17896890", "7510588"],
        ["9714837", "12532973"],
        ["12665752", "13398263"],
    ];

    internal static List<(string Id, DateOnly Received, string Narrative)> LoadNarratives()
    {
        var path = RequireCfpbSample();

        using var reader = new StreamReader(path);
        var rows = Csv.ReadRows(reader).ToList();
        var header = rows[0];
        var text = Array.IndexOf(header, "Consumer complaint narrative");
        var id = Array.IndexOf(header, "Complaint ID");
        var date = Array.IndexOf(header, "Date received");
        return [.. rows.Skip(1).Where(r => r.Length == header.Length && r[text].Trim().Length > 0)
            .Select(r => (r[id], DateOnly.ParseExact(r[date], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r[text]))];
    }

    [CfpbFact]
    public void Normalize_CfpbNarratives_RedactionTokensAreNotShouting()
    {
        var narratives = LoadNarratives();

        Assert.Equal(272, narratives.Count);
        var redacted = narratives.Where(n => n.Narrative.Contains("XXXX", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(redacted);
        foreach (var (id, _, narrative) in redacted)
        {
            var record = Normalizer.Normalize(narrative);
            Assert.True(record.CanonicalText.Contains("XXXX", StringComparison.Ordinal), $"{id}: {record.CanonicalText}");
            var redactionSystems = record.Facts.Where(f => f.Kind == FactKind.System && f.Value.StartsWith("XX", StringComparison.Ordinal)).Select(f => f.Value);
            Assert.Empty(redactionSystems);
            var onlyRedactions = narrative.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper)).All(w => w.Trim('.', ',', ')', '(').All(c => c is 'X' or '/' || char.IsDigit(c)));
            if (onlyRedactions)
            {
                Assert.True(record.Neutralized.Shouting == 0, $"complaint {id}: {record.Neutralized.Shouting} shouted words");
            }

            Assert.True(IsWellFormed(record));
        }
    }

    [CfpbFact]
    public void Normalize_CfpbNarratives_AreIdempotent()
    {
        var narratives = LoadNarratives();

        foreach (var (id, _, narrative) in narratives)
        {
            var once = Normalizer.Normalize(narrative);
            var twice = Normalizer.Normalize(once.CanonicalText);
            Assert.True(Signature(once) == Signature(twice), $"complaint {id}:\n{Signature(once)}\n---\n{Signature(twice)}");
        }
    }

    [CfpbFact]
    public void Fingerprint_CfpbDuplicateClusters_AreGroupedByTheRecurrenceIndexWithDefaultOptions()
    {
        var narratives = LoadNarratives();

        // Default options: distance 3, a three-year window (the listed clusters are 42 to 825 days apart).
        var index = new RecurrenceIndex();
        Assert.Equal(ChosenDistance, index.MaxHammingDistance);
        foreach (var (id, received, narrative) in narratives.OrderBy(n => n.Received))
        {
            index.Add(id, Normalizer.Normalize(narrative).FingerprintValue, new DateTimeOffset(received.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        var problems = index.GetRecurringProblems();
        foreach (var problem in problems)
        {
            output.WriteLine(string.Join(", ", problem.ComplaintIds));
        }

        foreach (var cluster in Clusters)
        {
            Assert.Contains(problems, p => cluster.All(p.ComplaintIds.Contains));
        }

        // Of the first unlisted template cluster, 13115706 (one sentence fewer, "seven" for "XXXX") lies at distance 4
        // since identifiers are written in one case ("1681C", "1681S-2"): the hash moved, the text did not.
        Assert.Contains(problems, p => new[] { "17896890", "7510588" }.All(p.ComplaintIds.Contains));
        Assert.DoesNotContain(problems, p => p.ComplaintIds.Contains("13115706"));
        Assert.Equal(6, problems.Count);

        // Pair precision and recall of the index's groups: against SOURCE.md's clusters, and against them with the
        // three template letters read by hand as the same text (the text-overlap reference).
        var grouped = problems.SelectMany(p => p.ComplaintIds.SelectMany(a => p.ComplaintIds.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b)))).ToHashSet();
        static HashSet<(string, string)> Pairs(IEnumerable<string[]> clusters) =>
            [.. clusters.SelectMany(c => c.SelectMany(a => c.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b))))];
        var listed = Pairs(Clusters);
        var overlap = Pairs([.. Clusters, .. UnlistedClusters]);
        output.WriteLine($"listed: {grouped.Count(listed.Contains)} of {grouped.Count} grouped pairs, {listed.Count} listed; overlap reference: {grouped.Count(overlap.Contains)} of {overlap.Count}");
        Assert.Equal((10, 13, 10), (grouped.Count(listed.Contains), grouped.Count, listed.Count));
        Assert.Equal((13, 15), (grouped.Count(overlap.Contains), overlap.Count));
    }

    /// <summary>The distance the recurrence index uses for the corpus check and the README figures.</summary>
    private const int ChosenDistance = 3;

    [CfpbFact]
    public void Fingerprint_SimHashAndMinHash_PrecisionAndRecallOverTheCorpus()
    {
        var narratives = LoadNarratives();

        foreach (var k in new[] { 0, 3, 6, 10, 14 })
        {
            var (p, r) = PairScores(narratives, (a, b) => BitOperations.PopCount(a.SimHash ^ b.SimHash) <= k);
            output.WriteLine($"SimHash-64  distance <= {k,2}: precision {p:0.000} recall {r:0.000}");
        }

        foreach (var j in new[] { 0.3, 0.5, 0.7, 0.9 })
        {
            var (p, r) = PairScores(narratives, (a, b) => MinHashSimilarity(a.MinHash, b.MinHash) >= j);
            output.WriteLine($"MinHash-128 Jaccard  >= {j:0.0}: precision {p:0.000} recall {r:0.000}");
        }

        var (sp, sr) = PairScores(narratives, (a, b) => BitOperations.PopCount(a.SimHash ^ b.SimHash) <= ChosenDistance);
        Assert.Equal(1.0, sr);
        Assert.Equal(10.0 / 13.0, sp, 3);
        var (extendedPrecision, extendedRecall) = PairScores(narratives, (a, b) => BitOperations.PopCount(a.SimHash ^ b.SimHash) <= ChosenDistance, [.. Clusters, .. UnlistedClusters]);
        output.WriteLine($"SimHash-64 distance <= {ChosenDistance} with the unlisted template clusters as duplicates: precision {extendedPrecision:0.000} recall {extendedRecall:0.000}");
        Assert.Equal(1.0, extendedPrecision);
        Assert.Equal(13.0 / 15.0, extendedRecall, 3);
    }

    private sealed record Signature(string Id, ulong SimHash, ulong[] MinHash);

    /// <summary>Precision and recall over all pairs of the 272 narratives against the clusters of SOURCE.md.</summary>
    private static (double Precision, double Recall) PairScores(
        List<(string Id, DateOnly Received, string Narrative)> narratives, Func<Signature, Signature, bool> predicted, string[][]? clusters = null)
    {
        clusters ??= Clusters;
        var signatures = narratives.Select(n =>
        {
            var record = Normalizer.Normalize(n.Narrative);
            return new Signature(n.Id, record.FingerprintValue, MinHash(record.CanonicalText));
        }).ToArray();
        var truth = clusters.SelectMany(c => c.SelectMany(a => c.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b)))).ToHashSet();
        int truePositives = 0, predictedPositives = 0;
        for (var i = 0; i < signatures.Length; i++)
        {
            for (var j = i + 1; j < signatures.Length; j++)
            {
                if (!predicted(signatures[i], signatures[j]))
                {
                    continue;
                }

                predictedPositives++;
                var (a, b) = string.CompareOrdinal(signatures[i].Id, signatures[j].Id) < 0 ? (signatures[i].Id, signatures[j].Id) : (signatures[j].Id, signatures[i].Id);
                truePositives += truth.Contains((a, b)) ? 1 : 0;
            }
        }

        return (predictedPositives == 0 ? 1.0 : (double)truePositives / predictedPositives, (double)truePositives / truth.Count);
    }

    /// <summary>MinHash over word 3-shingles of the canonical text, 128 seeded 64-bit hashes (the measured alternative).</summary>
    private static ulong[] MinHash(string canonical)
    {
        var words = canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var signature = Enumerable.Repeat(ulong.MaxValue, 128).ToArray();
        for (var i = 0; i + 2 < words.Length; i++)
        {
            var shingle = Fnv(words[i] + " " + words[i + 1] + " " + words[i + 2]);
            for (var h = 0; h < signature.Length; h++)
            {
                var value = Mix(shingle ^ ((ulong)(h + 1) * 0x9E3779B97F4A7C15UL));
                signature[h] = Math.Min(signature[h], value);
            }
        }

        return signature;
    }

    private static double MinHashSimilarity(ulong[] a, ulong[] b) => a.Zip(b).Count(p => p.First == p.Second) / (double)a.Length;

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        return k ^ (k >> 33);
    }
}
