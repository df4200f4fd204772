using System.Net;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// The baseline of <see cref="NormalizationBenchmarks"/>: the same steps written the straightforward way, with
/// compiled <see cref="Regex"/>es, <see cref="string.Normalize(NormalizationForm)"/> and <see cref="string"/>
/// operations — how a .NET developer would glue it together today.
/// </summary>
internal sealed class RegexBaselineNormalizer
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private static readonly Regex Tags = new(@"<[a-zA-Z/!][^<>]{0,510}>", Options);
    private static readonly Regex Ansi = new(@"\x1B\[[0-?]*[ -/]*[@-~]", Options);
    private static readonly Regex Invisible = new(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]", Options);
    private static readonly Regex Emoji = new(@"\p{Cs}|[\u2600-\u27BF]", Options);
    private static readonly Regex Email = new(@"\b[\w.%+-]+@[\w.-]+\.[A-Za-z]{2,}\b", Options);
    private static readonly Regex Card = new(@"\b(?:\d[ -]?){12,18}\d\b", Options);
    private static readonly Regex Phone = new(@"\+?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b", Options);
    private static readonly Regex Identifier = new(@"\b(?:0x[0-9A-Fa-f]+|[A-Z]{2,10}-\d+|[A-Za-z]+_[A-Za-z0-9_]+|#\d{3,})\b", Options);
    private static readonly Regex PunctuationRun = new(@"[!?‽]+", Options);
    private static readonly Regex RepeatedPunctuation = new(@"([.,;:-])\1+", Options);
    private static readonly Regex Stretched = new(@"(\p{L})\1{2,}", Options);
    private static readonly Regex Profanity = new(@"\b(?:fuck\w*|shit\w*|damn\w*|crap\w*|bullshit|wtf|ffs|f\*+\w*|sh[!1i]t|\$h[!1i]t)\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Insults = new(@"\b(?:idiots?|morons?|useless|incompetent|clueless|stupid|pathetic)\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Interjections = new(@"\b(?:ugh|argh|omg|sigh|geez|jeez|meh|oops|wow)\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Intensifiers = new(@"\b(?:extremely|really|totally|absolutely|completely|utterly|very|incredibly|seriously|terribly)\s+(?=\p{L})", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Shouting = new(@"\b[A-Z]{2,}\b", Options);
    private static readonly Regex Whitespace = new(@"\s+", Options);
    private static readonly Regex Duration = new(@"\b(\d+(?:\.\d+)?)\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex People = new(@"\b(?:(?:more|less) than\s+)?(\d+)\s+(?:users|people|employees|staff|customers)\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Amount = new(@"\{?\$(\d[\d,]*(?:\.\d+)?)\}?", Options);
    private static readonly Regex Date = new(@"\b(?:\d{4}-\d{2}-\d{2}|(?:\d{1,2}|XX)/(?:\d{1,2}|XX)/(?:\d{4}|XXXX))\b", Options);
    private static readonly Regex Occurrence = new(@"\b(?:again|twice|\d+(?:st|nd|rd|th) time|\d+ times)\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex ErrorCode = new(@"\b(?:error|code|http)\s+(\d{3,10})\b", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Negation = new(@"\b(?:not|no|never|cannot|can't|don't|didn't|isn't)\s+(\w+)", Options | RegexOptions.IgnoreCase);
    private static readonly Regex Word = new(@"[\p{L}\p{N}_#.$-]+", Options);
    private static readonly HashSet<string> Systems = new(StringComparer.OrdinalIgnoreCase) { "VPN", "SSO", "Outlook", "Teams", "SharePoint", "email", "printer", "portal" };

    /// <summary>Normalizes like the real thing, step by step; returns a value that depends on every output.</summary>
    public ulong Normalize(string text)
    {
        // Unicode and markup clean-up.
        var decoded = text;
        for (var i = 0; i < 8; i++)
        {
            var next = WebUtility.HtmlDecode(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        var s = Tags.Replace(decoded, " ");
        s = Ansi.Replace(s, string.Empty);
        s = Invisible.Replace(s, string.Empty);
        s = Emoji.Replace(s, " ");
        s = s.Normalize(NormalizationForm.FormKC);

        // Personal data.
        s = Email.Replace(s, "[email]");
        s = Card.Replace(s, "[card]");
        s = Phone.Replace(s, "[phone]");

        // Identifiers are protected with placeholders and put back after tone neutralisation.
        var identifiers = new List<string>();
        s = Identifier.Replace(s, m =>
        {
            identifiers.Add(m.Value);
            return "\uE000" + (identifiers.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\uE001";
        });

        // Tone.
        s = PunctuationRun.Replace(s, string.Empty);
        s = RepeatedPunctuation.Replace(s, "$1");
        s = Stretched.Replace(s, "$1");
        s = Profanity.Replace(s, string.Empty);
        s = Insults.Replace(s, string.Empty);
        s = Interjections.Replace(s, string.Empty);
        s = Intensifiers.Replace(s, string.Empty);
        s = Shouting.Replace(s, m => Systems.Contains(m.Value) || m.Value.StartsWith("XX", StringComparison.Ordinal) ? m.Value : m.Value.ToLowerInvariant());
        s = Whitespace.Replace(s, " ").Trim();
        var words = s.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Systems.Contains(words[i]) || words[i].Contains('\uE000', StringComparison.Ordinal) ? words[i] : words[i].ToLowerInvariant();
        }

        s = string.Join(' ', words);
        for (var i = 0; i < identifiers.Count; i++)
        {
            s = s.Replace("\uE000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\uE001", identifiers[i], StringComparison.Ordinal);
        }

        // Facts.
        var facts = new List<string>(identifiers);
        foreach (var regex in new[] { Duration, People, Amount, Date, Occurrence, ErrorCode, Negation })
        {
            foreach (Match match in regex.Matches(s))
            {
                facts.Add(match.Value);
            }
        }

        foreach (Match match in Word.Matches(s))
        {
            if (Systems.Contains(match.Value))
            {
                facts.Add(match.Value);
            }
        }

        // Key and SimHash fingerprint.
        facts.Sort(StringComparer.Ordinal);
        var key = Fnv(string.Join('\n', facts));
        var votes = new int[64];
        string? previous = null;
        foreach (Match match in Word.Matches(s))
        {
            var hash = Fnv(match.Value);
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }

            if (previous is not null)
            {
                var pair = Fnv(previous + " " + match.Value);
                for (var bit = 0; bit < 64; bit++)
                {
                    votes[bit] += ((pair >> bit) & 1) == 1 ? 1 : -1;
                }
            }

            previous = match.Value;
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            fingerprint |= votes[bit] > 0 ? 1UL << bit : 0;
        }

        return key ^ fingerprint ^ (ulong)s.Length ^ BitOperations.RotateLeft((ulong)facts.Count, 32);
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
