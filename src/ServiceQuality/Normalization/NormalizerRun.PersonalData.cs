namespace ServiceQuality.Normalization;

/// <summary>
/// Personal data that only context reveals: the tokenizer notes the cue words (flagged
/// <see cref="Lexicons.WordFlags.PersonalDataCue"/>), and this pass masks what follows them, before any phrase, fact
/// or canonical text is made of it. A masked span becomes one placeholder token; the tokens it swallowed are merged.
/// </summary>
internal sealed partial class NormalizerRun
{
    /// <summary>Nouns after which a number is a reference, never an account number ("ticket 123456789").</summary>
    private static readonly string[] ReferenceNouns =
        ["ticket", "case", "incident", "reference", "ref", "request", "complaint", "claim", "order", "confirmation", "tracking", "call"];

    /// <summary>Words between a noun and its number ("ticket number 123456789", "account no. 12345678").</summary>
    private static readonly string[] NumberMarkers = ["number", "no", "nr", "num", "id", "#"];

    /// <summary>Words before "name:" that make it a person's name.</summary>
    private static readonly string[] PersonNameOwners = ["my", "full", "customer", "client", "first", "last", "his", "her", "their", "your", "caller"];

    /// <summary>Whether sentence punctuation or a line break follows token <paramref name="j"/>.</summary>
    private bool EndsSentenceOrLine(int j)
    {
        var next = j + 1 < _tokenCount ? _tokens[j + 1].ChunkStart : _text.Length;
        return _text.Chars[_tokens[j].End..next].ContainsAny(".!?\n");
    }

    /// <summary>The tokens that are personal-data cues, noted by the tokenizer.</summary>
    private readonly List<int> _personalDataCues = [];

    /// <summary>Whether the token being made (the last one) follows a reference noun: then its number is not masked.</summary>
    private bool FollowsReferenceCue()
    {
        var j = PreviousWord(_tokenCount - 1);
        if (j >= 0 && IsOneOf(Form(_tokens[j]), NumberMarkers))
        {
            j = PreviousWord(j);
        }

        return j >= 0 && IsOneOf(Form(_tokens[j]), ReferenceNouns);
    }

    /// <summary>The nearest token before <paramref name="i"/> that is not punctuation, or -1.</summary>
    private int PreviousWord(int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (_tokens[j].Kind != TokenKind.Punctuation)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsOneOf(ReadOnlySpan<char> form, string[] words)
    {
        foreach (var word in words)
        {
            if (form.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks what each cue announces (see <see cref="PersonalData.Cue"/>).</summary>
    private void MaskInContext()
    {
        foreach (var i in _personalDataCues)
        {
            ref var cue = ref _tokens[i];
            if (cue.Kind is TokenKind.Merged or TokenKind.Placeholder || cue.Dropped)
            {
                continue;
            }

            // The entry's word, in lower case: an acronym's form ("DOB", "PIN") is kept as written.
            switch (cue.Entry == 0 ? PersonalData.Cue.None : PersonalData.CueOf(_lex.Words[cue.Entry - 1].Word))
            {
                case PersonalData.Cue.Account:
                    MaskAccountNumber(i);
                    break;
                case PersonalData.Cue.Sort:
                    MaskSortCode(i);
                    break;
                case PersonalData.Cue.Birth:
                    MaskDateOfBirth(i);
                    break;
                case PersonalData.Cue.Secret:
                    MaskSecret(i);
                    break;
                case PersonalData.Cue.Name:
                    MaskNamedPerson(i);
                    break;
                case PersonalData.Cue.Title:
                    MaskTitledName(i);
                    break;
                case PersonalData.Cue.Closing:
                    MaskSignature(i);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The next token after <paramref name="i"/> that is kept and not punctuation, or -1; <paramref name="marks"/> gets whether a ':' or '=' came between.</summary>
    private int NextWord(int i, out bool marks)
    {
        var text = _text.Chars;
        marks = text[_tokens[i].End.._tokens[i].ChunkEnd].ContainsAny(':', '=');
        for (var j = i + 1; j < _tokenCount; j++)
        {
            ref var t = ref _tokens[j];
            if (t.Kind == TokenKind.Merged || t.Dropped)
            {
                continue;
            }

            if (t.Kind == TokenKind.Punctuation)
            {
                marks |= text[t.ChunkStart..t.ChunkEnd].ContainsAny(':', '=');
                continue;
            }

            marks |= text[t.ChunkStart..t.Start].ContainsAny(':', '=');
            return j;
        }

        return -1;
    }

    private int NextWord(int i) => NextWord(i, out _);

    private bool FormIs(int j, string word) => j >= 0 && Form(_tokens[j]).SequenceEqual(word);

    private bool IsDigits(int j, int minLength, int maxLength) =>
        j >= 0 && _tokens[j].Kind is TokenKind.Number or TokenKind.Reference && Digits(Form(_tokens[j])) is var digits
        && digits.Length >= minLength && digits.Length <= maxLength && !digits.ContainsAnyExceptInRange('0', '9');

    /// <summary>The digits of a number or reference form ("#12345678" without its '#').</summary>
    private static ReadOnlySpan<char> Digits(ReadOnlySpan<char> form) => form.Length > 0 && form[0] == '#' ? form[1..] : form;

    /// <summary>"account 12345678", "account no. 12345678", "acct #12345678": six to eight digits (nine or more are masked anyway).</summary>
    private void MaskAccountNumber(int i)
    {
        var j = NextWord(i);
        if (j >= 0 && IsOneOf(Form(_tokens[j]), NumberMarkers))
        {
            j = NextWord(j);
        }

        if (IsDigits(j, 6, 8))
        {
            Mask(j, j, PersonalData.Account);
        }
    }

    /// <summary>"sort code 12-34-56" (or 12 34 56, 123456), and an account number of eight digits right after it.</summary>
    private void MaskSortCode(int i)
    {
        var code = NextWord(i);
        if (!FormIs(code, "code"))
        {
            return;
        }

        var j = NextWord(code, out _);
        if (FormIs(j, "is"))
        {
            j = NextWord(j);
        }

        if (j < 0)
        {
            return;
        }

        var last = -1;
        var form = Form(_tokens[j]);
        if (form.Length == 8 && form[2] == form[5] && form[2] is '-' or '.' && IsDigitPairs(form))
        {
            last = j;
        }
        else if (IsDigits(j, 6, 6) && _tokens[j].Kind == TokenKind.Number)
        {
            last = j;
        }
        else if (IsDigits(j, 2, 2) && NextWord(j) is var second and >= 0 && IsDigits(second, 2, 2) && NextWord(second) is var third and >= 0 && IsDigits(third, 2, 2))
        {
            last = third;
        }

        if (last < 0)
        {
            return;
        }

        Mask(j, last, PersonalData.SortCode);
        var account = NextWord(j);
        if (IsDigits(account, 8, 8))
        {
            Mask(account, account, PersonalData.Account);
        }

        static bool IsDigitPairs(ReadOnlySpan<char> form) =>
            char.IsAsciiDigit(form[0]) && char.IsAsciiDigit(form[1]) && char.IsAsciiDigit(form[3]) && char.IsAsciiDigit(form[4])
            && char.IsAsciiDigit(form[6]) && char.IsAsciiDigit(form[7]);
    }

    /// <summary>"DOB 01/02/1980", "born on 3 March 1985", "date of birth: March 3, 1985", "born in March 1985".</summary>
    private void MaskDateOfBirth(int i)
    {
        var j = NextWord(i);
        while (j >= 0 && (FormIs(j, "on") || FormIs(j, "in") || FormIs(j, "is") || FormIs(j, "date") || FormIs(j, "was") || FormIs(j, "the")))
        {
            j = NextWord(j);
        }

        if (j < 0)
        {
            return;
        }

        if (_tokens[j].Kind == TokenKind.Date)
        {
            Mask(j, j, PersonalData.DateOfBirth);
            return;
        }

        // Day month [year], or month day [year], or month year.
        var last = -1;
        if (IsDay(j) && NextWord(j) is var month and >= 0 && IsMonth(month))
        {
            last = month;
        }
        else if (IsMonth(j) && NextWord(j) is var day and >= 0 && (IsDay(day) || IsDigits(day, 4, 4)))
        {
            last = day;
        }

        if (last < 0)
        {
            return;
        }

        if (NextWord(last) is var year and >= 0 && IsDigits(year, 4, 4))
        {
            last = year;
        }

        Mask(j, last, PersonalData.DateOfBirth);

        bool IsDay(int k) => _tokens[k].Kind == TokenKind.Ordinal || IsDigits(k, 1, 2);

        bool IsMonth(int k) => _tokens[k].Kind == TokenKind.Word && (_tokens[k].Flags & Lexicons.WordFlags.Month) != 0 && Form(_tokens[k]).Length >= 3;
    }

    /// <summary>
    /// "password: hunter2", "token = abc123": the value after a ':' or '=' is masked whatever it is; "my PIN is 4321":
    /// after "is" only a value that is not an ordinary word ("the password is wrong" stays).
    /// </summary>
    private void MaskSecret(int i)
    {
        var j = NextWord(i, out var marks);
        if (j < 0 || _tokens[j].Kind == TokenKind.Placeholder)
        {
            return;
        }

        if (!marks)
        {
            if (!FormIs(j, "is"))
            {
                return;
            }

            j = NextWord(j, out _);
            if (j < 0 || _tokens[j].Kind == TokenKind.Placeholder || ((_tokens[j].Flags & Lexicons.WordFlags.Known) != 0 && _tokens[j].Kind == TokenKind.Word))
            {
                return;
            }
        }

        Mask(j, j, PersonalData.Secret);
    }

    /// <summary>"my name is John Smith", "Name: Jane Doe": up to three words written with a capital (or one word that is no ordinary word).</summary>
    private void MaskNamedPerson(int i)
    {
        var j = NextWord(i, out var marks);
        var before = PreviousWord(i);
        if (!marks)
        {
            if (!FormIs(j, "is") || !FormIs(before, "my"))
            {
                return;
            }

            j = NextWord(j);
        }
        else if (before >= 0 && !IsOneOf(Form(_tokens[before]), PersonNameOwners) && !EndsSentenceOrLine(before))
        {
            // "Name:" of a person, not "account name:" or "file name:".
            return;
        }

        if (j < 0 || _tokens[j].Kind == TokenKind.Placeholder)
        {
            return;
        }

        var last = CapitalisedRun(j, 3);
        if (last < 0 && _tokens[j].Kind == TokenKind.Word && (_tokens[j].Flags & Lexicons.WordFlags.Known) == 0)
        {
            last = j;
        }

        if (last >= 0)
        {
            Mask(j, last, PersonalData.Name);
        }
    }

    /// <summary>"Mr Smith", "Dr. Jane Doe": a title written with a capital, then one or two words written with one; the title goes too.</summary>
    private void MaskTitledName(int i)
    {
        var core = Core(_tokens[i]);
        if (!char.IsUpper(core[0]) || (core.Length > 1 && !char.IsLower(core[1])))
        {
            // "MS Teams" is a product, "ms" a unit.
            return;
        }

        var j = NextWord(i);
        var last = j >= 0 ? CapitalisedRun(j, 2) : -1;
        if (last >= 0)
        {
            Mask(i, last, PersonalData.Name);
        }
    }

    /// <summary>"Regards,\nJohn Smith": a closing that ends its line, then a line of one to three words written with a capital that ends the text or its line.</summary>
    private void MaskSignature(int i)
    {
        var text = _text.Chars;
        var j = NextWord(i);
        if (j < 0 || !text[_tokens[i].End.._tokens[j].ChunkStart].Contains('\n'))
        {
            return;
        }

        var last = CapitalisedRun(j, 3);
        if (last < 0)
        {
            return;
        }

        var after = NextWord(last);
        if (after < 0 || text[_tokens[last].End.._tokens[after].ChunkStart].Contains('\n'))
        {
            Mask(j, last, PersonalData.Name);
        }
    }

    /// <summary>
    /// The last of up to <paramref name="max"/> consecutive words from <paramref name="j"/> that are written with a
    /// capital and no lower-case-only word ("John Smith", "JANE DOE"); -1 when <paramref name="j"/> is not one. A
    /// word with sentence punctuation after it ends the run.
    /// </summary>
    private int CapitalisedRun(int j, int max)
    {
        var last = -1;
        var text = _text.Chars;
        for (var n = 0; n < max && j >= 0; n++)
        {
            ref var t = ref _tokens[j];
            if (t.Kind is not (TokenKind.Word or TokenKind.Product or TokenKind.Acronym) || t.Dropped || t.Start == t.End
                || !char.IsUpper(text[t.Start]) || (n > 0 && t.ChunkStart != t.Start))
            {
                break;
            }

            last = j;
            if (t.End < t.ChunkEnd)
            {
                break;
            }

            j = NextWord(j);
        }

        return last;
    }

    /// <summary>Makes tokens <paramref name="first"/> to <paramref name="last"/> one placeholder token; those after the first are merged into it.</summary>
    private void Mask(int first, int last, string placeholder)
    {
        ref var t = ref _tokens[first];
        ref var end = ref _tokens[last];
        t.End = end.End;
        t.ChunkEnd = end.ChunkEnd;
        t.Kind = TokenKind.Placeholder;
        t.Dropped = false;
        t.Intensifier = false;
        t.Entry = 0;
        t.Flags = Lexicons.WordFlags.None;
        SetForm(ref t, placeholder);
        for (var k = first + 1; k <= last; k++)
        {
            _tokens[k].Kind = TokenKind.Merged;
        }
    }
}
