using System.Buffers;
using System.Collections.Frozen;

namespace ServiceQuality.Normalization;

/// <summary>Hand-written recognizers for identifiers, numbers and personal data (no <c>Regex</c> on the hot path).</summary>
internal static class Patterns
{
    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
    private static readonly SearchValues<char> IdentifierMarks = SearchValues.Create("0123456789_.$#");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> IdentifierChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly FrozenSet<string> Emoticons = FrozenSet.Create(StringComparer.Ordinal,
        ":)", ":-)", ":(", ":-(", ":D", ":-D", ";)", ";-)", ":P", ":-P", ":p", ":/", ":-/", ":'(", ":|", ":-|", "<3", ">:(", "D:");
    private static readonly FrozenSet<string> TopLevelDomains = FrozenSet.Create(StringComparer.Ordinal,
        "com", "net", "org", "io", "gov", "edu", "mil", "int", "local", "internal", "corp", "lan", "intranet", "co", "uk", "de",
        "fr", "ru", "cn", "jp", "us", "eu", "app", "dev", "cloud", "info", "biz", "me", "tv", "ca", "au", "nl", "se", "no",
        "es", "it", "ch", "at", "be", "pl", "in", "br", "kr", "tr", "gr", "ua", "il", "ae", "sa", "ir", "eg");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EmoticonLookup = Emoticons.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomainLookup = TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Han, kana and Hangul are written without spaces: a chunk ends where such a script starts or stops.</summary>
    public static bool IsCjk(char c) => c >= '\u3000' && c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
        or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF01' and <= '\uFF60');

    public static bool IsEmoticon(ReadOnlySpan<char> chunk) => EmoticonLookup.Contains(chunk);

    public static bool IsUrl(ReadOnlySpan<char> core) => core.Length > 5 && core[0] is 'h' or 'H' or 'w' or 'W' && (
        (core.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && core.Length > 7)
        || (core.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && core.Length > 8)
        || (core.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && core.Length > 5 && core[4] != '.'));

    /// <summary>Gets the end of the scheme and host part of a URL (case-insensitive, so folded).</summary>
    public static int UrlHostEnd(ReadOnlySpan<char> url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        var end = url[start..].IndexOfAny('/', '?', '#');
        return end < 0 ? url.Length : start + end;
    }

    /// <summary>Gets the host of a URL (between the scheme and the path).</summary>
    public static Range UrlHost(ReadOnlySpan<char> url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        var end = UrlHostEnd(url);
        var port = url[start..end].IndexOf(':');
        return start..(port < 0 ? end : start + port);
    }

    public static TokenKind ClassifyIdentifier(ReadOnlySpan<char> s)
    {
        if (!s.ContainsAny(IdentifierMarks) && !s.ContainsAny('€', '£'))
        {
            return IsWordLike(s) ? TokenKind.Word : TokenKind.Identifier;
        }

        var hasDigit = s.ContainsAnyInRange('0', '9');

        if (s.Length > 3 && s[0] == '0' && s[1] is 'x' or 'X' && !s[2..].ContainsAnyExcept(HexDigits))
        {
            return TokenKind.ErrorCode;
        }

        if (s.Length >= 4 && s[0] == '#' && !s[1..].ContainsAnyExceptInRange('0', '9'))
        {
            return TokenKind.Reference;
        }

        if (IsTicket(s))
        {
            return TokenKind.Reference;
        }

        if (s.Length >= 2 && ((s[0] is '$' or '€' or '£' && IsNumber(s[1..])) || (s[^1] is '€' or '£' && IsNumber(s[..^1]))))
        {
            // "$40", "€1.250,00"; the sign after, as Europe writes it: "40£", "1.250,00€".
            return TokenKind.Amount;
        }

        if (IsDate(s))
        {
            return TokenKind.Date;
        }

        if (char.IsAsciiLetter(s[0]) && s.Contains('_') && s[^1] != '_' && !s.ContainsAnyExcept(IdentifierChars))
        {
            return TokenKind.ErrorCode;
        }

        if (IsNumber(s))
        {
            return s.Count('.') >= 2 ? TokenKind.Identifier : TokenKind.Number;
        }

        if (IsOrdinal(s))
        {
            return TokenKind.Ordinal;
        }

        if (TryCompactDuration(s, out _))
        {
            return TokenKind.Duration;
        }

        if (IsHost(s))
        {
            return TokenKind.Host;
        }

        return !hasDigit && IsWordLike(s) ? TokenKind.Word : TokenKind.Identifier;
    }

    /// <summary>Letters (any script) and marks, with inner apostrophes, hyphens, ampersands, slashes or dots.</summary>
    public static bool IsWordLike(ReadOnlySpan<char> s)
    {
        var i = 0;
        var first = true;
        while (i < s.Length)
        {
            if (char.IsAsciiLetter(s[i]))
            {
                i++;
                first = false;
                continue;
            }

            if (System.Text.Rune.DecodeFromUtf16(s[i..], out var rune, out var used) != OperationStatus.Done)
            {
                return false;
            }

            if (System.Text.Rune.IsLetter(rune) || (!first && IsMark(System.Text.Rune.GetUnicodeCategory(rune))))
            {
                i += used;
                first = false;
                continue;
            }

            if (!first && rune.Value is '\'' or '-' or '&' or '/' or '.' && i + 1 < s.Length && char.IsLetter(s[i + 1]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool IsMark(System.Globalization.UnicodeCategory category) =>
        category is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    public static bool IsNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not ',' and not '.')
            {
                return false;
            }
        }

        return !s.Contains(",,", StringComparison.Ordinal) && !s.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Parses a number written with optional thousands commas and a decimal point.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (!IsNumber(s) || s.Count('.') > 1)
        {
            return false;
        }

        if (s.Length <= 18 && !s.Contains('.'))
        {
            // Whole numbers (most of them): the digits' value, as decimal.TryParse gives it (scale 0), without parsing.
            long whole = 0;
            foreach (var c in s)
            {
                whole = c == ',' ? whole : (whole * 10) + (c - '0');
            }

            value = whole;
            return true;
        }

        Span<char> buffer = stackalloc char[Math.Min(s.Length, 64)];
        var n = 0;
        foreach (var c in s)
        {
            if (c != ',')
            {
                if (n == buffer.Length)
                {
                    return false;
                }

                buffer[n++] = c;
            }
        }

        return decimal.TryParse(buffer[..n], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public static bool IsOrdinal(ReadOnlySpan<char> s)
    {
        var digits = s.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || digits > 4 || s.Length - digits != 2)
        {
            return false;
        }

        var suffix = s[digits..];
        return suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
    }

    public static int OrdinalValue(ReadOnlySpan<char> s) => int.Parse(s[..s.IndexOfAnyExceptInRange('0', '9')], System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsTicket(ReadOnlySpan<char> s)
    {
        var dash = s.IndexOf('-');
        if (dash is < 2 or > 10 || dash == s.Length - 1 || s.Length - dash - 1 > 12)
        {
            return false;
        }

        return !s[..dash].ContainsAnyExceptInRange('A', 'Z') && !s[(dash + 1)..].ContainsAnyExceptInRange('0', '9')
            || (!s[..dash].ContainsAnyExcept(AsciiLetters) && !s[(dash + 1)..].ContainsAnyExceptInRange('0', '9') && dash <= 5);
    }

    public static bool IsDate(ReadOnlySpan<char> s) => TryParseDate(s, out _, out _, out _);

    /// <summary>Parses 2024-03-15, 03/15/2024 (US order unless the first part is above 12), 15.03.2024 and redacted XX/XX/2019.</summary>
    /// <returns><see langword="true"/> for a date; a part that is redacted is -1.</returns>
    public static bool TryParseDate(ReadOnlySpan<char> s, out int year, out int month, out int day)
    {
        year = month = day = -1;
        Span<Range> parts = stackalloc Range[4];
        char separator;
        if (s.Count('-') == 2)
        {
            separator = '-';
        }
        else if (s.Count('/') == 2)
        {
            separator = '/';
        }
        else if (s.Count('.') == 2)
        {
            separator = '.';
        }
        else
        {
            return false;
        }

        if (s.Split(parts, separator) != 3)
        {
            return false;
        }

        var a = Part(s[parts[0]]);
        var b = Part(s[parts[1]]);
        var c = Part(s[parts[2]]);
        var la = s[parts[0]].Length;
        var lc = s[parts[2]].Length;
        if (a == -2 || b == -2 || c == -2)
        {
            return false;
        }

        if (separator == '-' && la == 4)
        {
            (year, month, day) = (a, b, c);
        }
        else if (separator != '-' && lc is 4 or 2 && la <= 2 && s[parts[1]].Length <= 2)
        {
            year = c >= 0 && lc == 2 ? 2000 + c : c;
            (month, day) = separator == '.' || a > 12 ? (b, a) : (a, b);
        }
        else
        {
            return false;
        }

        return (month == -1 || month is >= 1 and <= 12) && (day == -1 || day is >= 1 and <= 31) && (year == -1 || year is >= 1900 and <= 2199)
            && (year >= 0 || month >= 0 || day >= 0 || separator == '/');

        static int Part(ReadOnlySpan<char> p)
        {
            if (p.IsEmpty || p.Length > 4)
            {
                return -2;
            }

            if (!p.ContainsAnyExcept('X', 'x'))
            {
                return -1;
            }

            return p.ContainsAnyExceptInRange('0', '9') ? -2 : int.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Parses compact durations such as 2h30m, 45min, 3hrs, 90s into an ISO 8601 duration.</summary>
    public static bool TryCompactDuration(ReadOnlySpan<char> s, out string iso)
    {
        iso = string.Empty;
        int days = 0, hours = 0, minutes = 0, seconds = 0, parts = 0;
        var i = 0;
        while (i < s.Length)
        {
            var digitsEnd = i;
            while (digitsEnd < s.Length && char.IsAsciiDigit(s[digitsEnd]))
            {
                digitsEnd++;
            }

            if (digitsEnd == i || digitsEnd - i > 5)
            {
                return false;
            }

            var value = int.Parse(s[i..digitsEnd], System.Globalization.CultureInfo.InvariantCulture);
            var hyphen = i == 0 && digitsEnd + 1 < s.Length && s[digitsEnd] == '-';
            var unitStart = hyphen ? digitsEnd + 1 : digitsEnd;
            var unitEnd = unitStart;
            while (unitEnd < s.Length && char.IsAsciiLetter(s[unitEnd]))
            {
                unitEnd++;
            }

            var unit = s[unitStart..unitEnd];
            if (hyphen && (unit.Length < 3 || unitEnd < s.Length))
            {
                // "30-day", "24-hour": one number and a unit written out, as an adjective is.
                return false;
            }

            if (Is(unit, "h", "hr", "hrs", "hour", "hours"))
            {
                hours += value;
            }
            else if (Is(unit, "m", "min", "mins", "minute", "minutes"))
            {
                minutes += value;
            }
            else if (Is(unit, "s", "sec", "secs"))
            {
                seconds += value;
            }
            else if (Is(unit, "d", "day", "days"))
            {
                days += value;
            }
            else
            {
                return false;
            }

            parts++;
            i = unitEnd;
        }

        if (parts == 0)
        {
            return false;
        }

        iso = IsoDuration(days, hours, minutes, seconds);
        return true;

        static bool Is(ReadOnlySpan<char> unit, params ReadOnlySpan<string> names)
        {
            foreach (var name in names)
            {
                if (unit.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public static string IsoDuration(int days, int hours, int minutes, int seconds)
    {
        var builder = new System.Text.StringBuilder("P");
        if (days > 0)
        {
            builder.Append(days).Append('D');
        }

        if (hours + minutes + seconds > 0)
        {
            builder.Append('T');
            if (hours > 0)
            {
                builder.Append(hours).Append('H');
            }

            if (minutes > 0)
            {
                builder.Append(minutes).Append('M');
            }

            if (seconds > 0)
            {
                builder.Append(seconds).Append('S');
            }
        }

        return builder.Length == 1 ? "PT0S" : builder.ToString();
    }

    public static bool IsHost(ReadOnlySpan<char> s)
    {
        if (s.ContainsAnyExcept(HostChars) || s[0] is '.' or '-' || s[^1] is '.' or '-' || s.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var labels = s.Count('.') + 1;
        var last = s[(s.LastIndexOf('.') + 1)..];
        if (labels < 2 || last.Length < 2 || last.ContainsAnyExcept(AsciiLetters))
        {
            return false;
        }

        Span<char> lower = stackalloc char[last.Length];
        last.ToLowerInvariant(lower);
        return labels >= 3 || TopLevelDomainLookup.Contains(lower);
    }

    /// <summary>
    /// Finds a card number (13-19 digits passing the Luhn check), a phone number (10-15 digits with a + or separators)
    /// or an account number (9 or more digits in one run) starting at <paramref name="start"/>; separators are single
    /// dashes, dots and parentheses, or runs of spaces and line breaks. Every group end of the run is tried, the longest first, so a run longer
    /// than any number is masked the same way the second time as the first: the masking is a fixpoint (the leftovers of
    /// a run were already tried with every end the next pass can see).
    /// </summary>
    public static bool TryPersonalNumber(ReadOnlySpan<char> text, int start, out int end, out string placeholder)
    {
        var c = text[start];
        if (!(char.IsAsciiDigit(c) || (c is '+' or '(' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])) || OpensWithCountryCode(text, start)))
        {
            // Most tokens start with a letter: decided here, before the digit buffers of the scan are set up.
            end = start;
            placeholder = string.Empty;
            return false;
        }

        return ScanPersonalNumber(text, start, c, out end, out placeholder);
    }

    /// <summary>
    /// Finds a personal number whose digits start at <paramref name="start"/> as if an opening parenthesis were
    /// written right before them: the canonical text writes <c>(**4111</c>, <c>*(4111</c> and <c>((4111</c> as
    /// <c>(4111</c>, where the parenthesis opens the number.
    /// </summary>
    public static bool TryPersonalNumberAfterParenthesis(ReadOnlySpan<char> text, int start, out int end, out string placeholder)
    {
        if (!char.IsAsciiDigit(text[start]))
        {
            end = start;
            placeholder = string.Empty;
            return false;
        }

        return ScanPersonalNumber(text, start, '(', out end, out placeholder);
    }

    /// <summary>
    /// Whether a country code in parentheses opens a number at <paramref name="start"/>: <c>(+44) 20 7946 0123</c>
    /// (one to three digits, then the closing parenthesis; <c>(+44 20 7946 0958)</c> is a number in parentheses).
    /// </summary>
    private static bool OpensWithCountryCode(ReadOnlySpan<char> text, int start)
    {
        if (start + 3 >= text.Length || text[start] != '(' || text[start + 1] != '+')
        {
            return false;
        }

        var k = start + 2;
        while (k < text.Length && k - start - 2 < 4 && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        return k - start - 2 is >= 1 and <= 3 && k < text.Length && text[k] == ')';
    }

    /// <summary>Scans from <paramref name="start"/>; <paramref name="c"/> is the first character of the number (a digit, <c>+</c> or <c>(</c>), which may stand before <paramref name="start"/>.</summary>
    private static bool ScanPersonalNumber(ReadOnlySpan<char> text, int start, char c, out int end, out string placeholder)
    {
        end = start;
        placeholder = string.Empty;
        Span<byte> digits = stackalloc byte[20];
        Span<int> ends = stackalloc int[20];
        Span<int> endCounts = stackalloc int[20];
        Span<int> endSeparators = stackalloc int[20];
        var candidates = 0;
        var count = 0;
        var separators = c == '(' && text[start] != '(' ? 1 : 0;
        for (var k = start; k < text.Length; k++)
        {
            var ch = text[k];
            if (char.IsAsciiDigit(ch))
            {
                if (count == digits.Length)
                {
                    break;
                }

                digits[count++] = (byte)(ch - '0');
                var next = k + 1 < text.Length ? text[k + 1] : ' ';
                if (!char.IsAsciiDigit(next) && (!char.IsLetter(next) || IsCjk(next)) && next != '@' && !char.IsDigit(next)
                    && (next != '_' || EndsEmphasis(text, k + 1)))
                {
                    // A group ends here; a group that runs into a word ("1111x@y.com") is no end.
                    ends[candidates] = k + 1;
                    endCounts[candidates] = count;
                    endSeparators[candidates++] = separators;
                }
            }
            else if (ch is '-' or '.' or ' ' or '\n' or '(' or ')' || (ch == '+' && (k == start || (k == start + 1 && text[start] == '('))))
            {
                // A run of spaces and line breaks is one separator, as it is in the canonical text, and so is a run
                // holding chunks of Markdown marks only ("1111 *** 2222"), which the canonical text leaves out.
                var next = k + 1;
                if (ch is ' ' or '\n')
                {
                    while (true)
                    {
                        while (next < text.Length && text[next] is ' ' or '\n')
                        {
                            next++;
                        }

                        // Markdown marks that open the next chunk ("1111 **2222") are left out of the canonical text.
                        var afterMarks = SkipDroppedMarks(text, next);
                        if (afterMarks == next || afterMarks == text.Length || text[afterMarks] is not (' ' or '\n'))
                        {
                            next = afterMarks;
                            break;
                        }

                        next = afterMarks;
                    }
                }
                else if (ch is '(' or ')')
                {
                    // Repeated parentheses at a chunk's edge are written once in the canonical text: "((555" is "(555".
                    while (next < text.Length && text[next] == ch)
                    {
                        next++;
                    }

                    // Markdown marks that close the chunk after it are left out too: "1111)* 4111" is "1111) 4111".
                    if (ch == ')' && SkipDroppedMarks(text, next) is var closed && closed > next && closed < text.Length && text[closed] is ' ' or '\n')
                    {
                        next = closed;
                    }
                }

                if (next >= text.Length || !(char.IsAsciiDigit(text[next]) || text[next] == '(' || (ch == ')' && text[next] is ' ' or '\n')
                    || (k == start && ch == '(' && OpensWithCountryCode(text, start))))
                {
                    break;
                }

                separators += ch == '+' ? 0 : 1;
                k = next - 1;
            }
            else if (IsDroppedMark(ch) && SkipDroppedMarks(text, k) is var afterMarks && afterMarks < text.Length
                && (text[afterMarks] is ' ' or '\n' || (text[afterMarks] == ')' && ClosesChunk(text, afterMarks))))
            {
                // Marks that close a chunk ("1111** 2222", "0958_) 555") are left out of the canonical text: the next
                // separator decides.
                k = afterMarks - 1;
            }
            else
            {
                break;
            }
        }

        Span<int> groups = stackalloc int[MaxGroups];
        Span<char> gaps = stackalloc char[2];
        for (var e = candidates - 1; e >= 0; e--)
        {
            var n = endCounts[e];
            var number = text[start..ends[e]];
            var groupCount = Groups(number, groups);
            var shape = groups[..Math.Max(groupCount, 0)];
            Gaps(number, gaps);
            if (shape.SequenceEqual([2, 2, 2, 8]) && gaps[0] is '-' or ' ')
            {
                // A UK sort code and account number: 12-34-56 12345678.
                (end, placeholder) = (ends[e], PersonalData.BankAccount);
                return true;
            }

            if (n is >= 13 and <= 19 && Luhn(digits[..n]))
            {
                (end, placeholder) = (ends[e], PersonalData.Card);
                return true;
            }

            if (n is >= 10 and <= 15 && endSeparators[e] <= 5
                && (c is '+' or '(' || shape.SequenceEqual([3, 3, 4]) || shape.SequenceEqual([1, 3, 3, 4]) || IsUkPhone(number, shape, n)))
            {
                (end, placeholder) = (ends[e], PersonalData.Phone);
                return true;
            }

            if (shape.SequenceEqual([3, 2, 4]) && gaps[0] == gaps[1] && gaps[0] is '-' or ' ')
            {
                // A US social security number, with its separators: 123-45-6789.
                (end, placeholder) = (ends[e], PersonalData.Ssn);
                return true;
            }

            if (endSeparators[e] == 0 && n >= 9)
            {
                (end, placeholder) = (ends[e], PersonalData.Account);
                return true;
            }
        }

        return false;
    }

    private const int MaxGroups = 8;

    /// <summary>
    /// Writes what parts the first digit groups of <paramref name="number"/>, as the canonical text writes it: <c>-</c> for
    /// one dash, a space for white space (a line break, a run of spaces, Markdown marks at a chunk's edge: one space
    /// there), <c>?</c> for anything else; <c>\0</c> where there is no such gap.
    /// </summary>
    private static void Gaps(ReadOnlySpan<char> number, Span<char> gaps)
    {
        gaps.Clear();
        var n = 0;
        var k = 0;
        while (k < number.Length && !char.IsAsciiDigit(number[k]))
        {
            k++;
        }

        while (n < gaps.Length)
        {
            while (k < number.Length && char.IsAsciiDigit(number[k]))
            {
                k++;
            }

            var start = k;
            while (k < number.Length && !char.IsAsciiDigit(number[k]))
            {
                k++;
            }

            if (k == number.Length)
            {
                return;
            }

            var gap = number[start..k];
            gaps[n++] = gap is "-" ? '-'
                : gap.ContainsAny(' ', '\n') && !gap.ContainsAnyExcept(WhiteSpaceAndMarks) ? ' '
                : '?';
        }
    }

    private static readonly SearchValues<char> WhiteSpaceAndMarks = SearchValues.Create(" \n*_~`{}¿¡");

    /// <summary>
    /// A UK number written without <c>+44</c>: a 0 then a digit from 1 to 9, 10 or 11 digits in one to three groups of
    /// at least three (07700 900123, 020 7946 0958, 0161 496 0000, 07700900123).
    /// </summary>
    private static bool IsUkPhone(ReadOnlySpan<char> number, ReadOnlySpan<int> groups, int digits)
    {
        if (number[0] != '0' || number[1] is '0' || !char.IsAsciiDigit(number[1]) || digits is < 10 or > 11 || groups.Length is 0 or > 3)
        {
            return false;
        }

        foreach (var g in groups)
        {
            if (g < 3)
            {
                return false;
            }
        }

        return groups.Length > 1 || (digits == 11 && number[1] == '7');
    }

    /// <summary>Writes the lengths of the digit groups of <paramref name="number"/>; -1 when there are more than <see cref="MaxGroups"/>.</summary>
    private static int Groups(ReadOnlySpan<char> number, Span<int> groups)
    {
        var n = 0;
        var length = 0;
        foreach (var ch in number)
        {
            if (char.IsAsciiDigit(ch))
            {
                length++;
                continue;
            }

            if (length > 0)
            {
                if (n == groups.Length)
                {
                    return -1;
                }

                groups[n++] = length;
            }

            length = 0;
        }

        if (length > 0)
        {
            if (n == groups.Length)
            {
                return -1;
            }

            groups[n++] = length;
        }

        return n;
    }

    /// <summary>Markdown marks and braces, which the canonical text leaves out at the edges of a chunk.</summary>
    private static bool IsDroppedMark(char c) => c is '*' or '_' or '~' or '`' or '{' or '}' or '¿' or '¡';

    /// <summary>Whether the chunk from <paramref name="at"/> to the next white space is closing punctuation only (its trail).</summary>
    private static bool ClosesChunk(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && text[at] is not (' ' or '\n'))
        {
            if (text[at] is not (')' or ']' or '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '*' or '_' or '~' or '`' or '}' or '>' or '+'))
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static int SkipDroppedMarks(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && IsDroppedMark(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Whether the underscores at <paramref name="at"/> close Markdown emphasis (<c>_555-123-4567_</c>): nothing but
    /// punctuation or white space after them; an identifier (<c>1234_abc</c>) goes on with a letter or a digit.
    /// </summary>
    private static bool EndsEmphasis(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && text[at] is '_' or '*' or '~' or '`')
        {
            at++;
        }

        return at == text.Length || !((char.IsLetterOrDigit(text[at]) && !IsCjk(text[at])) || text[at] is '@' or '_');
    }

    private static bool Luhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
