using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// Fuzzing over arbitrary Unicode, expanding characters included (compatibility decompositions of up to 18 code
/// points, case foldings of up to 3, combining floods, digit runs), on a cold run (new buffers, first sizes) and on a
/// warm one (buffers grown and memos filled by earlier text): no exception, idempotent canonical text, well-formed
/// output.
/// </summary>
public class ComplaintNormalizerFuzzTests
{
    private static readonly Lexicons SharedLexicons = new(new NormalizationOptions());
    private static readonly NormalizationOptions Options = new();

    /// <summary>Characters whose NFKC or case folding is longer than they are, and other pieces that stress a step.</summary>
    private static readonly string[] Pieces =
    [
        "\u2026", "\u00DF", "\u1E9E", "\uFDFA", "\u337F", "\uFB03", "\u216B", "\u2473", "\u00BD", "\u00B2", "\u01C5", "\u0390",
        "\u0149", "\u0130", "\u212B", "\u1F82", "\u0F77", "\u3392", "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19",
        "\u0301\u0316\u0301\u0316", "e\u0323\u0302", "\u1100\u1161\u11A8", "\uAC00", "\U0001D400", "\U0001F44D\U0001F3FD",
        "\uD800", "\uDC00", "\u200B", "\u202E", "\u001B[1m", "\0", "&amp;", "&hellip;", "<b>", "[x](http://y.z)", "_", "*", "**",
        "`", "~", "@", ".", ",", "!!!", "?!", "\u203D", "'", "\"", "(", ")", "-", "/", " ", "  ", "\n", "\n> ", "\t", "#",
        "$", "{$5.00}", "0", "1", "12", "129007000", "4111 1111 1111 1111", "555-123-4567", "+44 20 7946 0958", "07700 900123",
        "x@y.com", "INC-4471", "0x80070005", "ERR_CONN_RESET", "XXXX", "XX/XX/2019", "VPN", "down", "sooo", "f*ck", "idiots",
        "really", "this is a joke", "3 hours", "20 users", "again", "not", "\u0110\u00E3 g\u1ECDi", "\u0627\u0644\u0644\u0647",
        "\u0928\u092E\u0938\u094D\u0924\u0947", "\u51AC\u5929", "\u00E9t\u00E9", "Stra\u00DFe", "\u03A3\u039F\u03A6\u039F\u03A3",
    ];

    /// <summary>Random UTF-16 code units (lone surrogates, controls and NUL included) mixed with the pieces, any length up to a few hundred.</summary>
    internal static Gen<string> ArbitraryUnicode =>
        Gen.OneOf(
            Gen.Choose(0, 0xFFFF).Select(i => (char)i).ArrayOf().Select(a => new string(a)),
            Gen.Choose(0, 0x10FFFF).Where(cp => cp is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32).ArrayOf().Select(string.Concat),
            Gen.Elements(Pieces).ArrayOf().Select(string.Concat),
            Gen.OneOf(Gen.Elements(Pieces), Gen.Choose(0, 0xFFFF).Select(i => ((char)i).ToString())).ArrayOf().Select(string.Concat),
            Gen.Elements(Pieces).Zip(Gen.Choose(1, 120)).Select(p => string.Concat(Enumerable.Repeat(p.Item1, p.Item2))));

    /// <summary>A run per thread that has normalized large and varied text first: grown buffers, filled memos.</summary>
    private static readonly ThreadLocal<NormalizerRun> WarmRun = new(() =>
    {
        var run = new NormalizerRun();
        run.Run(SharedLexicons, Options, string.Concat(Enumerable.Repeat(string.Join(' ', Pieces), 40)), default);
        run.Run(SharedLexicons, Options, new string('a', 20_000), default);
        return run;
    });

    private static NormalizedComplaint Cold(string text) => new NormalizerRun().Run(SharedLexicons, Options, text, default);

    private static NormalizedComplaint Warm(string text) => WarmRun.Value!.Run(SharedLexicons, Options, text, default);

    [Property(MaxTest = 1500)]
    public Property Normalize_ColdRunOnArbitraryUnicode_NeverThrowsAndIsWellFormed() =>
        Prop.ForAll(ArbitraryUnicode.ToArbitrary(), text => IsWellFormed(Cold(text)).Label(Escape(text)));

    [Property(MaxTest = 3000)]
    public Property Normalize_WarmRunOnArbitraryUnicode_GivesTheColdRecord() =>
        Prop.ForAll(ArbitraryUnicode.ToArbitrary(), text =>
        {
            var warm = Warm(text);
            var cold = Cold(text);
            return (IsWellFormed(warm) && Signature(warm) == Signature(cold)).Label(Escape($"'{text}': {Signature(cold)} || {Signature(warm)}"));
        });

    [Property(MaxTest = 5000)]
    public Property Normalize_ArbitraryUnicode_IsIdempotent() =>
        Prop.ForAll(ArbitraryUnicode.ToArbitrary(), text =>
        {
            var once = Warm(text).CanonicalText;
            var twice = Warm(once).CanonicalText;
            return (once == twice).Label(Escape($"'{text}' -> '{once}' -> '{twice}'"));
        });

    internal static string Escape(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
