namespace ServiceQuality.Normalization;

/// <summary>
/// The first steps of the pipeline: HTML entities decoded to a fixpoint, tags and Markdown links taken apart, then
/// Unicode clean-up (terminal escapes, controls, default-ignorables and bidi controls removed, lone surrogates
/// repaired, emoji removed, NFKC from the shipped tables). Every output character keeps the index of the original
/// character it came from.
/// </summary>
internal static class TextCleaner
{
    private const int MaxEntityPasses = 8;

    /// <summary>Printable ASCII and the line breaks and tabs of plain text: nothing in it needs the Unicode steps.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainText =
        System.Buffers.SearchValues.Create(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n\r\t");

    /// <summary>Runs the markup and Unicode steps from <paramref name="text"/> into <paramref name="result"/>.</summary>
    public static void Clean(string text, CleanerScratch scratch, TextBuffer result, ref NeutralizedCountsBuilder counts)
    {
        var a = scratch.First;
        var b = scratch.Second;
        var needsMarkup = text.AsSpan().IndexOfAny('&', '<', '[') >= 0;
        result.Clear();
        if (!needsMarkup && !text.AsSpan().ContainsAnyExcept(PlainText))
        {
            // Plain ASCII text (most complaints): the Unicode steps would copy it unchanged but for line breaks and tabs.
            result.AppendPlain(text, 0);
            return;
        }

        a.Clear();
        a.AppendPlain(text, 0, normalizeWhitespace: false);
        if (needsMarkup)
        {
            for (var pass = 0; pass < MaxEntityPasses; pass++)
            {
                b.Clear();
                if (!DecodeEntities(a, b))
                {
                    break;
                }

                (a, b) = (b, a);
            }

            b.Clear();
            StripMarkup(a, b);
            (a, b) = (b, a);
        }

        if (!a.Chars.ContainsAnyExcept(PlainText))
        {
            result.AppendPlain(a.Chars, a.Map);
            return;
        }

        CleanUnicode(a, result, scratch, ref counts);
    }

    private static bool DecodeEntities(TextBuffer source, TextBuffer target)
    {
        var chars = source.Chars;
        if (!chars.Contains('&'))
        {
            return false;
        }

        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c != '&')
            {
                // Copy the run up to the next '&' at once.
                var run = chars[i..].IndexOf('&');
                var end = run < 0 ? chars.Length : i + run;
                target.Append(chars[i..end], source.Map[i..end]);
                i = end - 1;
                continue;
            }

            var semi = chars.Slice(i + 1, Math.Min(12, chars.Length - i - 1)).IndexOf(';');
            if (semi > 0 && TryDecodeEntity(chars.Slice(i + 1, semi), out var codePoint))
            {
                target.AppendCodePoint(codePoint, source.OriginOf(i));
                i += semi + 1;
                changed = true;
                continue;
            }

            target.Append(c, source.OriginOf(i));
        }

        return changed;
    }

    private static bool TryDecodeEntity(ReadOnlySpan<char> name, out int codePoint)
    {
        codePoint = 0;
        if (name.Length >= 2 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (digits.IsEmpty || digits.Length > 7)
            {
                return false;
            }

            var value = 0;
            foreach (var d in digits)
            {
                var v = char.IsAsciiDigit(d) ? d - '0' : hex && char.IsAsciiHexDigit(d) ? (d | 0x20) - 'a' + 10 : -1;
                if (v < 0)
                {
                    return false;
                }

                value = (value * (hex ? 16 : 10)) + v;
            }

            codePoint = value is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) or 0 ? 0xFFFD : value;
            return true;
        }

        codePoint = name switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "hellip" => 0x2026,
            "mdash" => 0x2014,
            "ndash" => 0x2013,
            "lsquo" => 0x2018,
            "rsquo" => 0x2019,
            "ldquo" => 0x201C,
            "rdquo" => 0x201D,
            "copy" => 0xA9,
            "reg" => 0xAE,
            "trade" => 0x2122,
            "euro" => 0x20AC,
            "pound" => 0xA3,
            _ => 0,
        };
        return codePoint != 0;
    }

    private static void StripMarkup(TextBuffer source, TextBuffer target)
    {
        var chars = source.Chars;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is not ('<' or '['))
            {
                // Copy the run up to the next '<' or '[' at once.
                var run = chars[i..].IndexOfAny('<', '[');
                var end = run < 0 ? chars.Length : i + run;
                target.Append(chars[i..end], source.Map[i..end]);
                i = end - 1;
                continue;
            }

            if (c == '<' && IsTagStart(chars, i))
            {
                var window = chars.Slice(i + 1, Math.Min(512, chars.Length - i - 1));
                var close = window.IndexOfAny('>', '<');
                if (close >= 0 && window[close] == '>')
                {
                    target.Append(' ', source.OriginOf(i));
                    i += close + 1;
                    continue;
                }
            }
            else if (c == '[' && TryMarkdownLink(chars, i, out var textEnd, out var urlStart, out var urlEnd))
            {
                for (var k = i + 1; k < textEnd; k++)
                {
                    target.Append(chars[k], source.OriginOf(k));
                }

                target.Append(' ', source.OriginOf(textEnd));
                for (var k = urlStart; k < urlEnd; k++)
                {
                    target.Append(chars[k], source.OriginOf(k));
                }

                i = urlEnd;
                continue;
            }

            target.Append(c, source.OriginOf(i));
        }
    }

    private static bool IsTagStart(ReadOnlySpan<char> chars, int open)
    {
        var k = open + 1;
        if (k < chars.Length && chars[k] is '!' or '/')
        {
            k++;
        }

        var nameStart = k;
        while (k < chars.Length && char.IsAsciiLetterOrDigit(chars[k]))
        {
            k++;
        }

        return k > nameStart && char.IsAsciiLetter(chars[nameStart]) && k < chars.Length
            && (chars[k] is '>' or '/' or '-' || char.IsWhiteSpace(chars[k]));
    }

    private static bool TryMarkdownLink(ReadOnlySpan<char> chars, int open, out int textEnd, out int urlStart, out int urlEnd)
    {
        textEnd = urlStart = urlEnd = 0;
        var rest = chars.Slice(open + 1, Math.Min(1024, chars.Length - open - 1));
        var close = rest.IndexOfAny(']', '\n', '[');
        if (close < 0 || rest[close] != ']' || close + 1 >= rest.Length || rest[close + 1] != '(')
        {
            return false;
        }

        var url = rest[(close + 2)..];
        var end = url.IndexOfAny(')', '\n', ' ');
        if (end <= 0 || url[end] != ')')
        {
            return false;
        }

        textEnd = open + 1 + close;
        urlStart = textEnd + 2;
        urlEnd = urlStart + end;
        return true;
    }

    private static void CleanUnicode(TextBuffer source, TextBuffer target, CleanerScratch scratch, ref NeutralizedCountsBuilder counts)
    {
        var chars = source.Chars;
        var output = scratch.CodePoints;
        output.Clear();
        var inEmoji = false;
        var afterJoiner = false;
        for (var i = 0; i < chars.Length; i++)
        {
            int cp = chars[i];
            var origin = source.OriginOf(i);
            if (cp < 0x80 && cp >= 0x20 && cp != 0x7F)
            {
                inEmoji = false;
                output.Add(cp, origin);
                continue;
            }

            if (char.IsHighSurrogate((char)cp) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                cp = char.ConvertToUtf32((char)cp, chars[i + 1]);
                i++;
            }
            else if (char.IsSurrogate((char)cp))
            {
                cp = 0xFFFD;
            }

            if (cp == 0x1B)
            {
                i = SkipEscape(chars, i);
                counts.InvisibleCharacters++;
                continue;
            }

            if (cp is '\n' or '\r' or '\t' or 0x0B or 0x0C or 0x2028 or 0x2029 or 0x85)
            {
                inEmoji = false;
                output.Add(cp is '\n' or '\r' or 0x2028 or 0x2029 or 0x85 ? '\n' : ' ', origin);
                continue;
            }

            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            {
                counts.InvisibleCharacters++;
                continue;
            }

            if (IsEmojiJoiner(cp))
            {
                afterJoiner = cp == 0x200D && inEmoji;
                if (cp == 0x20E3 && output.Count > 0 && (char.IsAsciiDigit((char)output.Last) || output.Last is '#' or '*'))
                {
                    counts.Emoji++;
                }
                else if (!inEmoji && !(cp is 0xFE0E or 0xFE0F && i + 1 < chars.Length && chars[i + 1] == '\u20E3'))
                {
                    counts.InvisibleCharacters++;
                }

                continue;
            }

            if (IsIgnorable(cp))
            {
                counts.InvisibleCharacters++;
                continue;
            }

            if (IsEmoji(cp))
            {
                if (!(cp is >= 0x1F1E6 and <= 0x1F1FF && inEmoji) && !afterJoiner)
                {
                    counts.Emoji++;
                }

                inEmoji = true;
                afterJoiner = false;
                if (output.Count > 0 && output.Last != ' ')
                {
                    output.Add(' ', origin);
                }

                continue;
            }

            inEmoji = false;
            var folded = FoldPunctuation(cp);
            if (folded != cp)
            {
                output.Add(folded, origin);
                continue;
            }

            var decomposition = UnicodeData.Decompose(cp);
            if (decomposition is null)
            {
                output.Add(cp, origin);
                continue;
            }

            if (UnicodeData.IsCompatibility(cp) && cp != 0xA0)
            {
                counts.CompatibilityCharacters++;
            }

            // A compatibility decomposition makes up to 18 code points of one (U+FDFA): the buffer grows as needed.
            foreach (var d in decomposition)
            {
                output.Add(FoldPunctuation(d), origin);
            }
        }

        output.Compose();
        target.EnsureCapacity(target.Length + output.Count);
        var points = output.Points;
        var origins = output.Origins;
        for (var i = 0; i < points.Length; i++)
        {
            target.AppendCodePoint(points[i], origins[i]);
        }
    }

    private static int SkipEscape(ReadOnlySpan<char> chars, int i)
    {
        if (i + 1 >= chars.Length)
        {
            return i;
        }

        var next = chars[i + 1];
        if (next == '[')
        {
            var k = i + 2;
            while (k < chars.Length && chars[k] is >= (char)0x20 and <= (char)0x3F)
            {
                k++;
            }

            return k < chars.Length && chars[k] is >= (char)0x40 and <= (char)0x7E ? k : k - 1;
        }

        if (next == ']')
        {
            var k = i + 2;
            while (k < chars.Length && chars[k] != '\a' && !(chars[k] == '\x1B' && k + 1 < chars.Length && chars[k + 1] == '\\'))
            {
                k++;
            }

            return k < chars.Length && chars[k] == '\x1B' ? k + 1 : k;
        }

        return next is >= (char)0x40 and <= (char)0x5F ? i + 1 : i;
    }

    /// <summary>Zero-width joiner, variation selectors, keycap, skin tones and tags: parts of emoji sequences.</summary>
    private static bool IsEmojiJoiner(int cp) =>
        cp is 0x200D or 0xFE0E or 0xFE0F or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F);

    /// <summary>Default-ignorable code points and bidi controls (Unicode DerivedCoreProperties, Bidi_Control).</summary>
    private static bool IsIgnorable(int cp) =>
        cp is 0xAD or 0x34F or 0x61C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F)
            or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F) or 0x3164
            or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3)
            or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>Emoji and pictographs (Extended_Pictographic blocks, regional indicators).</summary>
    internal static bool IsEmoji(int cp) =>
        cp is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B05 and <= 0x2B07) or 0x2B1B or 0x2B1C
            or 0x2B50 or 0x2B55 or 0x231A or 0x231B or 0x2328 or 0x23CF or (>= 0x23E9 and <= 0x23FA) or 0x3030 or 0x303D
            or 0x3297 or 0x3299 or 0x2934 or 0x2935 or 0x25AA or 0x25AB or 0x25B6 or 0x25C0 or (>= 0x25FB and <= 0x25FE)
            or 0x2194 or 0x2195 or 0x2196 or 0x2197 or 0x2198 or 0x2199 or 0x21A9 or 0x21AA or 0xA9 or 0xAE;

    /// <summary>Typographic quotes and dashes folded to their ASCII forms (a compatibility folding NFKC leaves out).</summary>
    private static int FoldPunctuation(int cp) => cp switch
    {
        0x2018 or 0x2019 or 0x201A or 0x201B or 0x2032 or 0x02BC => '\'',
        0x201C or 0x201D or 0x201E or 0x201F or 0x2033 or 0xAB or 0xBB => '"',
        (>= 0x2010 and <= 0x2015) or 0x2212 => '-',
        _ => cp,
    };
}

/// <summary>Scratch buffers of one normalization, reused by the thread that runs it.</summary>
internal sealed class CleanerScratch
{
    public TextBuffer First { get; } = new();

    public TextBuffer Second { get; } = new();

    /// <summary>Gets the code points of the Unicode clean-up.</summary>
    public CodePointBuffer CodePoints { get; } = new();
}

/// <summary>
/// Code points, each with the index of the original character it came from: the working buffer of NFKC. It grows as
/// code points are added, so no caller has to know how much a decomposition expands the text (one code point can
/// become 18, and each case folding up to 3).
/// </summary>
internal sealed class CodePointBuffer
{
    private int[] _points = new int[256];
    private int[] _origins = new int[256];

    /// <summary>Gets the number of code points.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the code points.</summary>
    public Span<int> Points => _points.AsSpan(0, Count);

    /// <summary>Gets the origin of each code point.</summary>
    public Span<int> Origins => _origins.AsSpan(0, Count);

    /// <summary>Gets the last code point; the buffer must not be empty.</summary>
    public int Last => _points[Count - 1];

    public void Clear() => Count = 0;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(int codePoint, int origin)
    {
        if (Count == _points.Length)
        {
            Grow();
        }

        _points[Count] = codePoint;
        _origins[Count] = origin;
        Count++;
    }

    /// <summary>Puts the code points in canonical order and composes them (the last steps of NFKC).</summary>
    public void Compose() => Count = UnicodeData.ReorderAndCompose(_points, _origins, Count);

    private void Grow()
    {
        Array.Resize(ref _points, _points.Length * 2);
        Array.Resize(ref _origins, _origins.Length * 2);
    }
}
