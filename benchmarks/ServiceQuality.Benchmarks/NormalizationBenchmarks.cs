using ServiceQuality.Quickstart.Pipeline;
using System.Text;
using BenchmarkDotNet.Attributes;
using ServiceQuality.Normalization;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// The normalizer against a compiled-Regex baseline on the 272 CFPB narratives (../shared/data) when present,
/// otherwise on a bundled synthetic corpus of the same size. One invocation normalizes the whole corpus; MB/s is
/// the corpus size (printed at setup) divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    private readonly ComplaintNormalizer _normalizer = new();
    private readonly RegexBaselineNormalizer _baseline = new();
    private string[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchmarkCorpus.Load(out var source);
        var bytes = _corpus.Sum(t => Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// corpus: {source}, {_corpus.Length} texts, {bytes:N0} UTF-8 bytes");
    }

    [Benchmark(Baseline = true)]
    public ulong RegexBaseline()
    {
        ulong result = 0;
        foreach (var text in _corpus)
        {
            result ^= _baseline.Normalize(text);
        }

        return result;
    }

    [Benchmark]
    public ulong ComplaintNormalizer()
    {
        ulong result = 0;
        foreach (var text in _corpus)
        {
            var record = _normalizer.Normalize(text);
            result ^= record.IncidentKeyValue ^ record.FingerprintValue ^ (ulong)record.CanonicalText.Length;
        }

        return result;
    }
}

/// <summary>The benchmark corpus: the CFPB narratives when the shared data is present, a synthetic corpus otherwise.</summary>
internal static class BenchmarkCorpus
{
    public static string[] Load(out string source)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "data", "cfpb_complaints_sample.csv");
            if (File.Exists(path))
            {
                source = "CFPB narratives (" + path + ")";
                return Narratives(path);
            }
        }

        source = "synthetic";
        return Synthetic(272);
    }

    /// <summary>Deterministic complaint-like texts, calm and angry, with identifiers, numbers and Unicode.</summary>
    public static string[] Synthetic(int count)
    {
        string[] openings = ["The VPN is down again", "OUTLOOK KEEPS CRASHING!!!", "ugh, the f*cking printer is broken", "SharePoint sooooo slow", "Ｔｅａｍｓ won't load 😡😡"];
        string[] middles = ["since Monday", "for 3 hours", "3rd time this week", "20 users affected", "error 0x80070005", "ERR_CONN_RESET on INC-4471", "paid {$500.00} on 03/15/2024"];
        string[] endings = ["Please fix it.", "Nobody answered my ticket #12345!!!", "We are extremely frustrated...", "Contact me at john.doe@example.com.", "This is totally unacceptable."];
        var random = new Random(42);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder();
            var sentences = random.Next(3, 12);
            for (var s = 0; s < sentences; s++)
            {
                builder.Append(openings[random.Next(openings.Length)]).Append(' ')
                    .Append(middles[random.Next(middles.Length)]).Append(". ")
                    .Append(endings[random.Next(endings.Length)]).Append(' ');
            }

            texts[i] = builder.ToString();
        }

        return texts;
    }

    private static string[] Narratives(string path)
    {
        using var reader = new StreamReader(path);
        var rows = Csv.ReadRows(reader).ToList();
        var column = Array.IndexOf(rows[0], "Consumer complaint narrative");
        return [.. rows.Skip(1).Where(r => r.Length > column && r[column].Trim().Length > 0).Select(r => r[column])];
    }
}
