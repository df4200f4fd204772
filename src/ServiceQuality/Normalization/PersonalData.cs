using System.Buffers;

namespace ServiceQuality.Normalization;

/// <summary>
/// The personal data the normalizer masks: the typed placeholders, the recognizers of forms that need no context
/// (IBANs, National Insurance numbers, IP and MAC addresses, e-mail addresses, secrets written as <c>key=value</c>)
/// and the cue words after which context decides (account numbers, sort codes, dates of birth, passwords, names).
/// Numbers made of digits (cards, phones, SSNs, bank and account numbers) are in <see cref="Patterns.TryPersonalNumber"/>.
/// docs/normalization.md lists every form covered.
/// </summary>
internal static class PersonalData
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Card = "[card]";
    public const string Account = "[account]";
    public const string BankAccount = "[bank-account]";
    public const string SortCode = "[sort-code]";
    public const string Iban = "[iban]";
    public const string Ssn = "[ssn]";
    public const string NationalInsurance = "[ni-number]";
    public const string IpAddress = "[ip]";
    public const string MacAddress = "[mac]";
    public const string DateOfBirth = "[dob]";
    public const string Secret = "[secret]";
    public const string Name = "[name]";

    /// <summary>Every placeholder: a chunk that is one of them is a placeholder again when normalized again.</summary>
    public static readonly string[] Placeholders =
        [Email, Phone, Card, Account, BankAccount, SortCode, Iban, Ssn, NationalInsurance, IpAddress, MacAddress, DateOfBirth, Secret, Name];

    /// <summary>What a cue word announces.</summary>
    public enum Cue : byte
    {
        None,

        /// <summary>An account number follows ("account 12345678", "account no. 12345678").</summary>
        Account,

        /// <summary>"sort code 12-34-56".</summary>
        Sort,

        /// <summary>A date of birth follows ("DOB", "born on", "date of birth").</summary>
        Birth,

        /// <summary>A secret follows ("password:", "token=", "PIN is 1234").</summary>
        Secret,

        /// <summary>A name follows ("my name is", "name:").</summary>
        Name,

        /// <summary>A title before a name ("Mr", "Ms", "Dr").</summary>
        Title,

        /// <summary>A closing before a signature ("Regards,", "Kind regards,", "Thanks,", "Thank you,", "Best,", "Yours sincerely,").</summary>
        Closing,

        /// <summary>A payment card's number follows ("card 4111 1111 1111 1112", "Visa no. 4111-1111-1111-1112"), Luhn or not.</summary>
        Card,

        /// <summary>A US social security number follows, written without separators ("SSN 078051120", "social security number 078051120").</summary>
        Ssn,
    }

    /// <summary>The cue words, each flagged <see cref="Lexicons.WordFlags.PersonalDataCue"/> in the lexicon table, so the tokenizer notes them.</summary>
    public static readonly (string Word, Cue Cue)[] CueWords =
    [
        ("account", Cue.Account), ("acct", Cue.Account), ("acc", Cue.Account),
        ("sort", Cue.Sort),
        ("dob", Cue.Birth), ("born", Cue.Birth), ("birth", Cue.Birth), ("birthday", Cue.Birth),
        ("password", Cue.Secret), ("passwd", Cue.Secret), ("pwd", Cue.Secret), ("passcode", Cue.Secret), ("pin", Cue.Secret),
        ("token", Cue.Secret), ("secret", Cue.Secret), ("apikey", Cue.Secret), ("otp", Cue.Secret), ("key", Cue.Secret),
        ("name", Cue.Name), ("name's", Cue.Name), ("am", Cue.Name), ("i'm", Cue.Name),
        ("ssn", Cue.Ssn), ("security", Cue.Ssn),
        ("mr", Cue.Title), ("mrs", Cue.Title), ("ms", Cue.Title), ("mx", Cue.Title), ("dr", Cue.Title),
        ("card", Cue.Card), ("visa", Cue.Card), ("mastercard", Cue.Card), ("amex", Cue.Card),
        ("regards", Cue.Closing), ("thanks", Cue.Closing), ("thank", Cue.Closing), ("sincerely", Cue.Closing), ("faithfully", Cue.Closing),
        ("cheers", Cue.Closing), ("best", Cue.Closing), ("wishes", Cue.Closing), ("respectfully", Cue.Closing),
    ];

    /// <summary>Words that address people after a closing and are no name ("Thanks guys", "Cheers, mate", "Thanks, Sir").</summary>
    public static readonly string[] AddressWords =
    [
        "guys", "folks", "all", "everyone", "everybody", "team", "sir", "sirs", "madam", "ma'am", "mate", "mates", "management",
        "chief", "boss", "friend", "friends", "buddy", "pal", "gents", "ladies", "gentlemen", "people", "y'all", "dude", "man",
        "again", "anyway", "anyways", "everyone's", "both",
    ];

    /// <summary>Words that may open a closing before its cue word ("kind regards", "many thanks", "yours sincerely").</summary>
    public static readonly string[] ClosingOpeners = ["kind", "kindest", "best", "warm", "warmest", "many", "yours", "with"];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> CueLookup =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(CueWords.ToDictionary(c => c.Word, c => c.Cue, StringComparer.Ordinal), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> EmailLocal = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'!#$&*/=?^`{|}~");

    /// <summary>Gets what a lower-case word announces.</summary>
    public static Cue CueOf(ReadOnlySpan<char> word) => CueLookup.TryGetValue(word, out var cue) ? cue : Cue.None;

    /// <summary>
    /// Recognizes personal data at <paramref name="start"/> that begins with two letters and a digit: an IBAN
    /// (GB82 WEST 1234 5698 7654 32, spaced in fours or compact, its check digits verified, letters in any case) or a UK
    /// National Insurance number (QQ 12 34 56 C, QQ123456C).
    /// </summary>
    public static bool TryLetterStart(ReadOnlySpan<char> text, int start, out int end, out string placeholder)
    {
        end = start;
        placeholder = string.Empty;
        if (start + 3 >= text.Length || !char.IsAsciiLetter(text[start]) || !char.IsAsciiLetter(text[start + 1])
            || !(char.IsAsciiDigit(text[start + 2]) || (text[start + 2] == ' ' && char.IsAsciiDigit(text[start + 3]))))
        {
            return false;
        }

        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '@' or '_' or '-' or '.'))
        {
            return false;
        }

        return (char.IsAsciiDigit(text[start + 2]) && TryIban(text, start, out end, out placeholder)) || TryNationalInsurance(text, start, out end, out placeholder);
    }

    private static bool TryIban(ReadOnlySpan<char> text, int start, out int end, out string placeholder)
    {
        end = start;
        placeholder = string.Empty;
        Span<char> compact = stackalloc char[34];
        var n = 0;
        var k = start;
        var groupLength = 0;
        var spaced = false;
        while (k < text.Length)
        {
            var c = text[k];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == compact.Length)
                {
                    return false;
                }

                compact[n++] = char.ToUpperInvariant(c);
                groupLength++;
                k++;
                if (spaced && groupLength > 4)
                {
                    return false;
                }

                continue;
            }

            // Groups of four separated by single spaces; the last may be shorter.
            if (c == ' ' && k + 1 < text.Length && char.IsAsciiLetterOrDigit(text[k + 1]) && (groupLength == 4) && (n == 4 || spaced))
            {
                if (!LooksLikeIbanGroup(text, k + 1))
                {
                    break;
                }

                spaced = true;
                groupLength = 0;
                k++;
                continue;
            }

            break;
        }

        if (n is < 15 or > 34 || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '@' or '_'))
            || !IbanChecksumIsValid(compact[..n]))
        {
            return false;
        }

        (end, placeholder) = (k, Iban);
        return true;
    }

    /// <summary>Whether a group of an IBAN starts at <paramref name="at"/>: up to four letters or digits, then a space, a mark or the end.</summary>
    private static bool LooksLikeIbanGroup(ReadOnlySpan<char> text, int at)
    {
        var k = at;
        while (k < text.Length && char.IsAsciiLetterOrDigit(text[k]) && k - at < 5)
        {
            k++;
        }

        return k - at is >= 1 and <= 4;
    }

    /// <summary>ISO 13616: the country code and check digits moved to the end, letters as 10 to 35, the number mod 97 is 1.</summary>
    private static bool IbanChecksumIsValid(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>
    /// HMRC's format: two prefix letters (not D, F, I, Q, U, V; the second not O), six digits, one suffix letter A to D;
    /// written compact or in pairs (QQ 12 34 56 C).
    /// </summary>
    private static bool TryNationalInsurance(ReadOnlySpan<char> text, int start, out int end, out string placeholder)
    {
        end = start;
        placeholder = string.Empty;
        var first = char.ToUpperInvariant(text[start]);
        var second = char.ToUpperInvariant(text[start + 1]);
        // QQ is HMRC's prefix for examples: masked too, as a form the text shows.
        if ((first is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' || second is 'D' or 'F' or 'I' or 'O' or 'Q' or 'U' or 'V') && !(first == 'Q' && second == 'Q'))
        {
            return false;
        }

        var k = start + 2;
        var digits = 0;
        while (k < text.Length && digits < 6)
        {
            if (char.IsAsciiDigit(text[k]))
            {
                digits++;
                k++;
            }
            else if (text[k] == ' ' && digits % 2 == 0 && k + 1 < text.Length && char.IsAsciiDigit(text[k + 1]))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        if (digits != 6)
        {
            return false;
        }

        // The suffix letter is required, and a spaced number needs its prefix in capitals ("at 10 30 45 c" is no NI number).
        var spaced = k - start > 8;
        var suffix = k < text.Length && text[k] == ' ' ? k + 1 : k;
        if (suffix >= text.Length || char.ToUpperInvariant(text[suffix]) is not (>= 'A' and <= 'D')
            || (suffix + 1 < text.Length && char.IsLetterOrDigit(text[suffix + 1]))
            || (spaced && !(char.IsAsciiLetterUpper(text[start]) && char.IsAsciiLetterUpper(text[start + 1]) && char.IsAsciiLetterUpper(text[suffix]))))
        {
            return false;
        }

        (end, placeholder) = (suffix + 1, NationalInsurance);
        return true;
    }

    /// <summary>
    /// Recognizes a whole core that is personal data: an e-mail address (apostrophes, <c>mailto:</c>, an IP-literal
    /// domain, international letters), an IPv4, IPv6 or MAC address, or a secret written <c>password=...</c> or
    /// <c>token:...</c>.
    /// </summary>
    public static string? ClassifyCore(ReadOnlySpan<char> core)
    {
        if (core.Contains('@') && IsEmail(core))
        {
            return Email;
        }

        if (core.ContainsAny('=', ':') && IsSecretAssignment(core))
        {
            return Secret;
        }

        if (IsIPv4(core))
        {
            return IpAddress;
        }

        if (core.Contains(':') || core.Count('-') == 5)
        {
            if (IsMac(core))
            {
                return MacAddress;
            }

            if (IsIPv6(core))
            {
                return IpAddress;
            }
        }

        return null;
    }

    /// <summary>An e-mail address: a local part (letters of any script, digits, RFC 5322 atom marks and dots), an @, and a domain of labels or an IP literal.</summary>
    public static bool IsEmail(ReadOnlySpan<char> core)
    {
        if (core.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            core = core[7..];
        }

        var at = core.LastIndexOf('@');
        if (at <= 0 || at == core.Length - 1)
        {
            return false;
        }

        foreach (var c in core[..at])
        {
            if (!EmailLocal.Contains(c) && !char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        var domain = core[(at + 1)..];
        if (domain[0] == '[')
        {
            var literal = domain[1..].TrimEnd(']');
            return IsIPv4(literal) || (literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) && IsIPv6(literal[5..]));
        }

        if (domain.Length < 3 || !domain.Contains('.') || domain[0] is '.' or '-' || domain[^1] is '.' or '-')
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return !domain.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Four decimal parts of 0 to 255 separated by dots (no leading zeros but a lone 0).</summary>
    public static bool IsIPv4(ReadOnlySpan<char> core)
    {
        if (core.Length is < 7 or > 15 || core.Count('.') != 3)
        {
            return false;
        }

        foreach (var range in core.Split('.'))
        {
            var part = core[range];
            if (part.Length is 0 or > 3 || part.ContainsAnyExceptInRange('0', '9') || (part.Length > 1 && part[0] == '0')
                || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Eight groups of one to four hexadecimal digits separated by colons, or fewer with one <c>::</c>; at least one group has a digit or is long.</summary>
    public static bool IsIPv6(ReadOnlySpan<char> core)
    {
        if (core.Length is < 3 or > 39 || core.ContainsAnyExcept(HexDigitsAndColon))
        {
            return false;
        }

        var doubleColon = core.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && core[(doubleColon + 1)..].Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        var groups = 0;
        foreach (var range in core.Split(':'))
        {
            var group = core[range];
            if (group.Length > 4)
            {
                return false;
            }

            groups += group.Length > 0 ? 1 : 0;
        }

        return doubleColon >= 0 ? groups is >= 1 and <= 7 && core.Count(':') >= 2 : groups == 8 && core.Count(':') == 7;
    }

    private static readonly SearchValues<char> HexDigitsAndColon = SearchValues.Create("0123456789abcdefABCDEF:");

    /// <summary>Six pairs of hexadecimal digits separated by colons or by dashes (00:1A:2B:3C:4D:5E).</summary>
    public static bool IsMac(ReadOnlySpan<char> core)
    {
        if (core.Length != 17)
        {
            return false;
        }

        var separator = core[2];
        if (separator is not (':' or '-'))
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (i % 3 == 2 ? core[i] != separator : !HexDigits.Contains(core[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A secret cue word, then <c>=</c> or <c>:</c> and a value in one chunk (<c>password=hunter2</c>, <c>token:abc123</c>).</summary>
    private static bool IsSecretAssignment(ReadOnlySpan<char> core)
    {
        var mark = core.IndexOfAny('=', ':');
        if (mark <= 0 || mark == core.Length - 1 || mark > 16)
        {
            return false;
        }

        Span<char> lower = stackalloc char[mark];
        for (var i = 0; i < mark; i++)
        {
            lower[i] = char.IsAsciiLetterUpper(core[i]) ? (char)(core[i] | 0x20) : core[i];
        }

        var key = lower;
        foreach (var suffix in (ReadOnlySpan<string>)["_key", "-key", "key"])
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal) && CueOf(key[..^suffix.Length]) == Cue.Secret)
            {
                return true;
            }
        }

        return CueOf(key) == Cue.Secret || key.SequenceEqual("api_key") || key.SequenceEqual("access_token");
    }

    /// <summary>Nouns after which a number is a reference, never an account number ("ticket 123456789").</summary>
    private static readonly string[] ReferenceNouns =
        ["ticket", "case", "incident", "reference", "ref", "request", "complaint", "claim", "order", "confirmation", "tracking", "call"];

    /// <summary>Words between a noun and its number ("ticket number 123456789", "account no. 12345678").</summary>
    public static readonly string[] NumberMarkers = ["number", "no", "nr", "num", "id", "#"];

    /// <summary>Whether token <paramref name="i"/> of <paramref name="tokens"/> follows a reference noun: then its number is not masked.</summary>
    public static bool FollowsReferenceCue(TokenStream tokens, int i)
    {
        var j = tokens.PreviousWord(i);
        if (j >= 0 && TokenStream.IsOneOf(tokens.Form(tokens.Items[j]), NumberMarkers))
        {
            j = tokens.PreviousWord(j);
        }

        return j >= 0 && TokenStream.IsOneOf(tokens.Form(tokens.Items[j]), ReferenceNouns);
    }

    /// <summary>
    /// Finds personal data written with digits at the start of a chunk, or after its leading punctuation
    /// (<c>_129007000</c>, <c>**4111 1111 1111 1111**</c>): the punctuation would be dropped from the canonical text,
    /// so the number must be masked the first time, as it would be the second.
    /// </summary>
    public static bool TryChunkStart(ReadOnlySpan<char> text, int chunkStart, int chunkEnd, out int start, out int end, out string placeholder)
    {
        start = chunkStart;
        if (Patterns.TryPersonalNumber(text, chunkStart, out end, out placeholder) || PersonalData.TryLetterStart(text, chunkStart, out end, out placeholder))
        {
            return true;
        }

        if (!Punctuation.IsLead(text[chunkStart]))
        {
            return false;
        }

        // The canonical text leaves Markdown marks out of the lead and writes a repeated mark once: a lead of
        // parentheses and marks only ("(**", "*(", "((") is "(" there, which opens the number.
        var parenthesis = false;
        var other = false;
        while (start < chunkEnd && Punctuation.IsLead(text[start]))
        {
            parenthesis |= text[start] == '(';
            other |= text[start] != '(' && !Punctuation.DroppedMarks.Contains(text[start]);
            start++;
        }

        if (start == chunkEnd)
        {
            return false;
        }

        if (parenthesis && !other && Patterns.TryPersonalNumberAfterParenthesis(text, start, out end, out placeholder))
        {
            start = chunkStart;
            return true;
        }

        return Patterns.TryPersonalNumber(text, start, out end, out placeholder) || PersonalData.TryLetterStart(text, start, out end, out placeholder);
    }
}
