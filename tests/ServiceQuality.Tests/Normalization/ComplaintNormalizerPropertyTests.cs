using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;
using ServiceQuality.Testing;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>The laws DESIGN.md ("Normalization") defines, checked with FsCheck.</summary>
public class ComplaintNormalizerPropertyTests
{
    private static readonly string[] PlainWords =
    [
        "down", "slow", "broken", "still", "failing", "today", "after", "update", "morning", "login", "the", "is", "and",
        "but", "working", "waiting", "response", "for", "called", "back", "again", "screen", "crashed", "keeps", "dropping",
        "users", "nobody", "not", "never",

        // Ordinary words the old, corpus-derived word list lacked: shouted, they were taken for acronyms.
        "warned", "filled", "disk", "cable", "marked", "picked", "fleet", "cannot", "licence", "expire",
    ];

    private static readonly string[] ProtectedParts =
    [
        "VPN", "Outlook", "SharePoint", "ERR_CONN_RESET", "0x80070005", "INC-4471", "#12345", "mail.example.com", "3 hours",
        "20 users", "twice", "$500.00", "2024-03-15", "error 1603", "the whole team", "HTTP 503",

        // The fact forms of issue 11's facts pass: a tone edit around them must leave their facts alone.
        "within 5-7 business days", "over a month", "card ending in 5678", "EUR 1,250.00", "12 March 2024",
        "in XXXX of 2023", "15 U.S. Code 1681", "the last four digits 9012 of my account",
    ];

    private static readonly HashSet<string> NegatorWords = ["not", "never", "nobody", "cannot"];
    private static readonly string[] Intensifiers = ["extremely", "really", "totally", "absolutely", "very"];
    private static readonly string[] Profanities = ["fucking", "f*cking", "damn", "sh!t", "$h1t", "bloody"];
    private static readonly string[] Insults = ["useless", "idiots", "incompetent"];
    private static readonly string[] Interjections = ["ugh", "omg", "argh", "sigh"];
    private static readonly string[] Emoji = ["\U0001F621", "\U0001F44D\U0001F3FD", "\U0001F644", "\U0001F468\u200D\U0001F4BB", "\u2757", ":("];
    private static readonly string[] Separators = [" ", "  ", "\t", "\n", " \u200B ", "\u00A0", " \u202A"];
    private static readonly string[] Shouts = ["!!!", "?!", "‽", "!!", "???"];

    /// <summary>A base complaint: a sequence of plain words (index &lt; PlainWords.Length) and protected parts.</summary>
    private static Gen<int[]> BaseComplaint =>
        Gen.Choose(0, PlainWords.Length + ProtectedParts.Length - 1).ArrayOf().Where(a => a.Length is >= 2 and <= 14);

    private static string Part(int index) => index < PlainWords.Length ? PlainWords[index] : ProtectedParts[index - PlainWords.Length];

    private static string Calm(int[] parts) => string.Join(' ', parts.Select(Part)) + ".";

    /// <summary>Applies random tone edits, driven by <paramref name="seed"/>, to the parts of a base complaint.</summary>
    private static string Angry(int[] parts, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        string Pick(string[] options) => options[random.Next(options.Length)];
        var casing = parts.Select(_ => random.Next(9)).ToArray();

        // A run of ! ? ‽ before a word not written in lower case ends a sentence ("down!!! Slow", "down!!! SLOW" are
        // "down. slow"): shouts go only before a word with a lower-case initial ("nOBODY" included), or at the end.
        bool MayShoutBefore(int next) => next >= parts.Length || (parts[next] < PlainWords.Length && casing[next] is not (0 or 1 or 3 or 4));
        for (var i = 0; i < parts.Length; i++)
        {
            var plain = parts[i] < PlainWords.Length;
            var word = Part(parts[i]);
            if (i > 0)
            {
                builder.Append(Pick(Separators));
            }

            switch (random.Next(10))
            {
                case 0:
                    builder.Append(Pick(Profanities)).Append(' ');
                    break;
                case 1:
                    builder.Append(Pick(Interjections)).Append(Pick(Shouts)).Append(' ');
                    break;
                case 2:
                    builder.Append(Pick(Emoji)).Append(' ');
                    break;
                case 3:
                    builder.Append(Pick(Insults)).Append(' ');
                    break;
                case 4 when plain && (i == 0 || !NegatorWords.Contains(Part(parts[i - 1]))):
                    builder.Append(Pick(Intensifiers)).Append(' ');
                    break;
                default:
                    break;
            }

            if (plain)
            {
                word = casing[i] switch
                {
                    0 => word.ToUpperInvariant(),
                    1 => char.ToUpperInvariant(word[0]) + word[1..],
                    2 => StretchLetter(word, random),
                    3 => Fullwidth(word),
                    4 => MathematicalBold(word),
                    5 => word.Length > 2 ? word[..1] + "\u200B" + word[1..] : word,
                    6 => OddCase(word),
                    _ => word,
                };
                if (random.Next(3) == 0 && MayShoutBefore(i + 1))
                {
                    word += Pick(Shouts);
                }
            }
            else if (random.Next(4) == 0)
            {
                word = "\u202E" + word + "\u202C";
            }

            builder.Append(word);
        }

        builder.Append(random.Next(2) == 0 ? "." : "!!!.");
        if (random.Next(3) == 0)
        {
            builder.Append(' ').Append(Pick(Emoji));
        }

        return builder.ToString();
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>
    /// Stretches one letter that is not doubled: a stretched double letter ("fillllled") is ambiguous without word
    /// frequencies ("filled" or "filed"), as is "buttt" ("but" or "butt"); the normalizer prefers frequent words.
    /// </summary>
    private static string StretchLetter(string word, Random random)
    {
        var at = random.Next(word.Length);
        if ((at > 0 && word[at - 1] == word[at]) || (at + 1 < word.Length && word[at + 1] == word[at]))
        {
            return word;
        }

        return word[..at] + new string(word[at], random.Next(3, 7)) + word[(at + 1)..];
    }

    /// <summary>Odd casing of an ordinary word: "nOBODY", "wORKING".</summary>
    private static string OddCase(string word) => word.Length < 2 ? word : word[..1] + word[1..].ToUpperInvariant();

    private static string Fullwidth(string word) => string.Concat(word.Select(c => (char)(c - 'a' + 0xFF41)));

    private static string MathematicalBold(string word) => string.Concat(word.Select(c => char.ConvertFromUtf32(0x1D41A + (c - 'a'))));

    [Property(MaxTest = 400)]
    public Property Normalize_IsToneInvariant() =>
        Prop.ForAll(BaseComplaint.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (parts, seed) =>
        {
            var calm = Signature(Normalizer.Normalize(Calm(parts)));
            var angry = Signature(Normalizer.Normalize(Angry(parts, seed)));
            return (calm == angry).Label(Escape($"calm: {calm} || angry ({Angry(parts, seed)}): {angry}"));
        });

    [Property(MaxTest = 300)]
    public Property RankedAreas_AreTheAreasByNonIncreasingWeight_Meets_Specification() =>
        Prop.ForAll(BaseComplaint.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (parts, seed) =>
        {
            var record = Normalizer.Normalize(Angry(parts, seed));
            var ranked = record.RankedAreas;
            var permutation = ranked.Select(a => a.Area).Order(StringComparer.Ordinal).SequenceEqual(record.Areas.Select(a => a.Area).Order(StringComparer.Ordinal));
            var ordered = ranked.Zip(ranked.Skip(1)).All(p => p.First.Weight > p.Second.Weight
                || (p.First.Weight == p.Second.Weight && IndexOf(record, p.First) < IndexOf(record, p.Second)));
            var positive = record.Areas.All(a => a.Weight > 0);
            return (permutation && ordered && positive && ReferenceEquals(record.PrimaryArea, ranked.FirstOrDefault()))
                .Label(Escape(string.Join("; ", ranked.Select(a => $"{a.Area} {a.Weight}"))));
        });

    private static int IndexOf(NormalizedComplaint record, ServiceAreaMatch area) => record.Areas.ToList().IndexOf(area);

    [Property(MaxTest = 300)]
    public Property Normalize_IsIdempotent() =>
        Prop.ForAll(BaseComplaint.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (parts, seed) =>
        {
            var first = Normalizer.Normalize(Angry(parts, seed));
            var second = Normalizer.Normalize(first.CanonicalText);
            return (Signature(first) == Signature(second)).Label(Escape($"{Signature(first)} || {Signature(second)}"));
        });

    [Property(MaxTest = 3000)]
    public Property Normalize_OnArbitraryText_IsIdempotentOnCanonicalText() =>
        Prop.ForAll(ArbitraryText.ToArbitrary(), text =>
        {
            var once = Normalizer.Normalize(text).CanonicalText;
            var twice = Normalizer.Normalize(once).CanonicalText;
            return (once == twice).Label(Escape($"'{text}' -> '{once}' -> '{twice}'"));
        });

    [Property(MaxTest = 300)]
    public Property Normalize_ArbitraryText_NeverThrowsAndIsWellFormed() =>
        Prop.ForAll(ArbitraryText.ToArbitrary(), text => IsWellFormed(Normalizer.Normalize(text)));

    [Property(MaxTest = 200)]
    [Trait("Category", "Globalization")]
    public Property Normalize_IsDeterministicAcrossCultures() =>
        Prop.ForAll(BaseComplaint.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (parts, seed) =>
        {
            var text = Angry(parts, seed) + " İstanbul STRAẞE ΟΔΟΣ I";
            var original = CultureInfo.CurrentCulture;
            try
            {
                var results = new List<string>();
                foreach (var culture in Cultures)
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
                    results.Add(Signature(Normalizer.Normalize(text)));
                }

                return results.Distinct().Count() == 1;
            }
            finally
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = original;
            }
        });

    [Property(MaxTest = 300)]
    public Property Normalize_FactSensitivity_Meets_Specification() =>
        Prop.ForAll(
            (from h in Gen.Choose(1, 99) from u in Gen.Choose(1, 500) from d in Gen.Choose(1, 27) from t in Gen.Choose(1000, 9999) select (h, u, d, t)).ToArbitrary(),
            values =>
            {
                var (hours, users, day, ticket) = values;
                string Text(int h, int u, int d, int t, string system = "VPN", string error = "ERR_CONN_RESET", string negation = "") =>
                    $"the {system} was {negation}down for {h} hours after {u} users saw {error} on 2024-03-{d:00}, see INC-{t}";
                var baseline = Normalizer.Normalize(Text(hours, users, day, ticket));
                var changes = new[]
                {
                    Normalizer.Normalize(Text(hours + 1, users, day, ticket)),
                    Normalizer.Normalize(Text(hours, users + 1, day, ticket)),
                    Normalizer.Normalize(Text(hours, users, day + 1, ticket)),
                    Normalizer.Normalize(Text(hours, users, day, ticket, negation: "not ")),
                };
                var keyChanges = new[]
                {
                    Normalizer.Normalize(Text(hours, users, day, ticket, system: "Outlook")),
                    Normalizer.Normalize(Text(hours, users, day, ticket, error: "ERR_TIMED_OUT")),
                    Normalizer.Normalize(Text(hours, users, day, ticket + 1)),
                };
                var factsChange = changes.Concat(keyChanges).All(c =>
                    !FactValues(c).SequenceEqual(FactValues(baseline)) && c.CanonicalText != baseline.CanonicalText);
                var keyChange = keyChanges.All(c => c.IncidentKeyValue != baseline.IncidentKeyValue);
                return factsChange && keyChange;
            });

    [Fact]
    public void Normalize_KitLaws_Meets_Specification()
    {
        // The shipped kit's generator and laws (facts it knows it put in, fact changes, every tone edit: single words,
        // and the sarcasm and threat sentences) on a new random seed each run. A sentence of frame words only ("the.",
        // "useless the.") is left out either way: the gap the kit found about 1 run in 50 (docs/normalization.md, "Invariants").
        var laws = new NormalizerLaws(Normalizer, new ComplaintTextGenerator(null, ToneEdits.All)) { Options = new LawCheckOptions { MaxTest = 500 } };
        laws.CheckAll();
    }

    /// <summary>tr-TR, de-DE and the invariant culture; with invariant globalization only the cultures it can create.</summary>
    private static readonly CultureInfo[] Cultures = [.. new[] { "tr-TR", "de-DE", "" }.Select(TryCulture).OfType<CultureInfo>()];

    private static CultureInfo? TryCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Any UTF-16 text: random code units (lone surrogates, controls, NUL included) and complaint-like pieces.</summary>
    private static Gen<string> ArbitraryText =>
        Gen.OneOf(
            Gen.Choose(0, 0xFFFF).Select(i => (char)i).ArrayOf().Select(a => new string(a)),
            Gen.Elements("\uD800", "\uDC00", "\0", "\u001B[1m", "&amp;", "<b>", "[x](y)", "!!!", "ẞ", "İ", "\u0301", "x@y.com",
                "4111 1111 1111 1111", "0x1F", "INC-1", "\U0001F44D\U0001F3FD", "VPN", "down", " ", "\n> q", "sooo", "f*ck", "{$5.00}",
                "3 hours", "#123", "www.a.com", "ＶＰＮ", "\u202E", "XXXX", "e\u0323\u0302", "'", "\"", "--", ".", "-")
                .ArrayOf().Select(a => string.Concat(a)));
}
