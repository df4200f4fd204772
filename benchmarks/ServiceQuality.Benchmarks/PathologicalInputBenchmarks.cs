using BenchmarkDotNet.Attributes;
using ServiceQuality.Normalization;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// Inputs made to find super-linear steps (issue 11): a flood of combining marks after one letter, a run of
/// ellipses (each three full stops after NFKC), one long run of digits, a run of ß (each "ss" after case folding), a
/// word then a run of spaced exclamation marks (each its own punctuation token, quadratic in the tone pass until
/// 3 December 2026), at 1 MB and 16 MB. Linear cost: the 16 MB time is about 16 times the 1 MB one. The baseline of each input is its
/// 1 MB size, so Ratio reads directly as the growth factor.
/// </summary>
[MemoryDiagnoser]
public class PathologicalInputBenchmarks
{
    private readonly ComplaintNormalizer _normalizer = new();
    private string _text = string.Empty;

    /// <summary>The input's kind.</summary>
    [Params("combining", "ellipsis", "digits", "sharp-s", "spaced-bangs")]
    public string Input { get; set; } = "combining";

    /// <summary>The input's size in characters (1 MB and 16 MB of UTF-16 code units).</summary>
    [Params(1 << 20, 16 << 20)]
    public int Size { get; set; } = 1 << 20;

    [GlobalSetup]
    public void Setup() => _text = Input switch
    {
        "combining" => "a" + string.Create(Size - 1, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 2 == 0 ? '\u0301' : '\u0316';
            }
        }),
        "ellipsis" => new string('\u2026', Size),
        "digits" => new string('7', Size),
        "sharp-s" => new string('\u00DF', Size),
        "spaced-bangs" => "a" + string.Concat(Enumerable.Repeat(" !", (Size - 1) / 2)),
        _ => throw new ArgumentOutOfRangeException(nameof(Input), Input, "combining, ellipsis, digits, sharp-s or spaced-bangs"),
    };

    [Benchmark]
    public int Normalize() => _normalizer.Normalize(_text).CanonicalText.Length;
}
