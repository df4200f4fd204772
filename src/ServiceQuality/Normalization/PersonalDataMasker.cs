using System.Buffers;

namespace ServiceQuality.Normalization;

/// <summary>
/// The personal-data masker, for what context reveals (the forms a chunk shows alone are masked by the tokenizer,
/// <see cref="PersonalData.TryChunkStart"/> and <see cref="PersonalData.ClassifyCore"/>). Two passes over the
/// <see cref="TokenStream"/>: <see cref="MaskInContext"/>, right after the tokenizer, masks what follows a cue word
/// (flagged <see cref="Lexicons.WordFlags.PersonalDataCue"/>, noted by the tokenizer), before any phrase, fact or
/// canonical text is made of it; <see cref="MaskNumbersJoinedByDrops"/>, after every pass that drops words, masks the
/// numbers a dropped word parted. A masked span becomes one placeholder token; the tokens it swallowed are merged.
/// Owns the buffers of the joined text; reused run after run.
/// </summary>
internal sealed class PersonalDataMasker
{
    private TokenStream _t = null!;
    private TextBuffer _text = null!;
    private Lexicons _lex = null!;

    /// <summary>Words before "name:" that make it a person's name.</summary>
    private static readonly string[] PersonNameOwners = ["my", "full", "customer", "client", "first", "last", "his", "her", "their", "your", "caller"];

    /// <summary>Whether sentence punctuation or a line break follows token <paramref name="j"/>.</summary>
    private bool EndsSentenceOrLine(int j)
    {
        var next = j + 1 < _t.Count ? _t.Items[j + 1].ChunkStart : _text.Length;
        return _text.Chars[_t.Items[j].End..next].ContainsAny(".!?\n");
    }

    /// <summary>Masks what each cue of <paramref name="cues"/> announces (see <see cref="PersonalData.Cue"/>).</summary>
    public void MaskInContext(TokenStream tokens, Lexicons lexicons, List<int> cues)
    {
        (_t, _text, _lex) = (tokens, tokens.Text, lexicons);
        _learned.Clear();
        foreach (var i in cues)
        {
            ref var cue = ref _t.Items[i];
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
                case PersonalData.Cue.Card:
                    MaskCardNumber(i);
                    break;
                case PersonalData.Cue.Ssn:
                    MaskSocialSecurityNumber(i);
                    break;
                default:
                    break;
            }
        }

        if (_learned.Count > 0)
        {
            MaskLearnedNames();
        }
    }

    /// <summary>The next token after <paramref name="i"/> that is kept and not punctuation, or -1; <paramref name="marks"/> gets whether a ':' or '=' came between.</summary>
    private int NextWord(int i, out bool marks)
    {
        var text = _text.Chars;
        marks = text[_t.Items[i].End.._t.Items[i].ChunkEnd].ContainsAny(':', '=');
        for (var j = i + 1; j < _t.Count; j++)
        {
            ref var t = ref _t.Items[j];
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

    private bool FormIs(int j, string word) => j >= 0 && _t.Form(_t.Items[j]).SequenceEqual(word);

    private bool IsDigits(int j, int minLength, int maxLength) =>
        j >= 0 && _t.Items[j].Kind is TokenKind.Number or TokenKind.Reference && Digits(_t.Form(_t.Items[j])) is var digits
        && digits.Length >= minLength && digits.Length <= maxLength && !digits.ContainsAnyExceptInRange('0', '9');

    /// <summary>The digits of a number or reference form ("#12345678" without its '#').</summary>
    private static ReadOnlySpan<char> Digits(ReadOnlySpan<char> form) => form.Length > 0 && form[0] == '#' ? form[1..] : form;

    /// <summary>
    /// The word after cue <paramref name="i"/> where its number stands: past a number marker ("account no. 1234567",
    /// <see cref="PersonalData.NumberMarkers"/>) and, when <paramref name="orIs"/>, then "is" ("card number is ...",
    /// "SSN is ..."); -1 when none.
    /// </summary>
    private int NumberAfterCue(int i, bool orIs)
    {
        var j = NextWord(i);
        if (j >= 0 && TokenStream.IsOneOf(_t.Form(_t.Items[j]), PersonalData.NumberMarkers))
        {
            j = NextWord(j);
        }

        return orIs && FormIs(j, "is") ? NextWord(j) : j;
    }

    /// <summary>"account 12345678", "account no. 12345678", "acct #12345678": six to eight digits (nine or more are masked anyway).</summary>
    private void MaskAccountNumber(int i)
    {
        var j = NumberAfterCue(i, orIs: false);
        if (IsDigits(j, 6, 8))
        {
            Mask(j, j, PersonalData.Account);
        }
    }

    /// <summary>The text as the canonical text will show it around dropped words, for <see cref="MaskNumbersJoinedByDrops"/>.</summary>
    private char[] _joined = new char[256];

    /// <summary>For each character of <see cref="_joined"/>, the index of the character of the text it stands for.</summary>
    private int[] _joinedOrigin = new int[256];

    /// <summary>For each token, where its chunk starts in <see cref="_joined"/> (-1 when it is not shown there).</summary>
    private int[] _joinedAt = new int[64];

    /// <summary>
    /// Masks the personal numbers that only the dropping of a word makes: "946 09 <i>ass</i> 7012" is "946 09 7012" in
    /// the canonical text, an SSN there, so it is one here too (and "$500.00 <i>$h1t</i> 20 users" is not, as
    /// "$500.00 20 users" is not). Numbers are found in the text as written, where the dropped word still parts them;
    /// this pass reads again, as the canonical text will show it, only the places where a dropped word stands between two
    /// tokens holding digits, so that normalizing the canonical text again masks nothing new and a tone edit changes
    /// nothing. Runs after every stage that drops words.
    /// </summary>
    public void MaskNumbersJoinedByDrops(TokenStream tokens)
    {
        (_t, _text) = (tokens, tokens.Text);
        var text = _text.Chars;
        var lastKept = -1;
        var droppedSince = false;
        var any = false;
        for (var k = 0; k < _t.Count && !any; k++)
        {
            ref var t = ref _t.Items[k];
            if (t.Kind == TokenKind.Merged)
            {
                continue;
            }

            if (t.Dropped)
            {
                droppedSince |= t.Kind != TokenKind.Punctuation;
                continue;
            }

            any = droppedSince && lastKept >= 0 && MayJoin(lastKept, k);
            (lastKept, droppedSince) = (k, false);
        }

        if (!any)
        {
            return;
        }

        // The text without the dropped words (and their punctuation where it goes with them), placeholders as their
        // forms; each character knowing where it came from.
        var bound = text.Length + (_t.Count * 16) + 1;
        if (_joined.Length < bound)
        {
            _joined = new char[Math.Max(bound, _joined.Length * 2)];
            _joinedOrigin = new int[_joined.Length];
        }

        if (_joinedAt.Length < _t.Count)
        {
            _joinedAt = new int[Math.Max(_t.Count, _joinedAt.Length * 2)];
        }

        var length = 0;
        var at = 0;
        var headDropped = false;
        for (var k = 0; k < _t.Count; k++)
        {
            ref var t = ref _t.Items[k];
            _joinedAt[k] = -1;
            var merged = t.Kind == TokenKind.Merged;
            if (!merged)
            {
                headDropped = t.Dropped;
            }

            if (merged ? !headDropped : !t.Dropped)
            {
                if (!merged)
                {
                    Copy(at, t.ChunkStart);
                    _joinedAt[k] = length;
                    if (t.Kind == TokenKind.Placeholder)
                    {
                        Copy(t.ChunkStart, t.Start);
                        foreach (var c in _t.Form(t))
                        {
                            _joinedOrigin[length] = t.Start;
                            _joined[length++] = c;
                        }

                        at = t.End;
                    }
                    else
                    {
                        at = t.ChunkStart;
                    }
                }

                continue;
            }

            // A dropped token: what the canonical text leaves out of it is left out here.
            Copy(at, t.ChunkStart);
            at = merged || t.DropPunctuation ? t.ChunkEnd : t.End;
        }

        Copy(at, text.Length);
        var joined = _joined.AsSpan(0, length);

        // At each place where dropped words part two tokens with digits, read from up to eight tokens before it.
        lastKept = -1;
        droppedSince = false;
        for (var k = 0; k < _t.Count; k++)
        {
            ref var t = ref _t.Items[k];
            if (t.Kind == TokenKind.Merged)
            {
                continue;
            }

            if (t.Dropped)
            {
                droppedSince |= t.Kind != TokenKind.Punctuation;
                continue;
            }

            if (droppedSince && lastKept >= 0 && MayJoin(lastKept, k))
            {
                TryMaskAcross(joined, lastKept, k);
            }

            (lastKept, droppedSince) = (k, false);
        }

        void Copy(int from, int to)
        {
            for (var c = from; c < to; c++)
            {
                // A run of white space is one space, as in the canonical text ("GB82 <i>damn</i> WEST" is "GB82 west").
                var ch = _text.Chars[c];
                if (ch is ' ' or '\n' && length > 0 && _joined[length - 1] is ' ' or '\n')
                {
                    continue;
                }

                _joinedOrigin[length] = c;
                _joined[length++] = ch;
            }
        }
    }

    /// <summary>
    /// Whether kept tokens <paramref name="a"/> and <paramref name="b"/>, once the words between them are gone, may be
    /// parts of one personal number: neither a placeholder, one showing a digit ("946 09 | 7012", "GB82 | WEST 1234").
    /// </summary>
    private bool MayJoin(int a, int b)
    {
        var text = _text.Chars;
        ref var ta = ref _t.Items[a];
        ref var tb = ref _t.Items[b];
        return ta.Kind != TokenKind.Placeholder && tb.Kind != TokenKind.Placeholder
            && (text[ta.ChunkStart..ta.ChunkEnd].ContainsAnyInRange('0', '9') || text[tb.ChunkStart..tb.ChunkEnd].ContainsAnyInRange('0', '9'));
    }

    /// <summary>Masks a personal number of the joined text that starts at or before token <paramref name="before"/> and reaches into token <paramref name="after"/>.</summary>
    private void TryMaskAcross(ReadOnlySpan<char> joined, int before, int after)
    {
        // The first of up to eight kept tokens back.
        var first = before;
        var seen = 0;
        for (var k = before - 1; k >= 0 && seen < 8; k--)
        {
            if (_joinedAt[k] >= 0)
            {
                first = k;
                seen++;
            }
        }

        for (var k = first; k <= before; k++)
        {
            ref var t = ref _t.Items[k];
            if (_joinedAt[k] < 0 || t.Kind is TokenKind.Placeholder or TokenKind.Merged || t.Dropped)
            {
                continue;
            }

            var chunkEnd = _joinedAt[k] + (t.ChunkEnd - t.ChunkStart);
            if (!PersonalData.TryChunkStart(joined, _joinedAt[k], Math.Min(chunkEnd, joined.Length), out var start, out var end, out var placeholder)
                || end <= _joinedAt[after] || (placeholder == PersonalData.Account && PersonalData.FollowsReferenceCue(_t, k)))
            {
                continue;
            }

            var last = after;
            for (var m = after; m < _t.Count; m++)
            {
                if (_joinedAt[m] >= 0 && _joinedAt[m] < end)
                {
                    last = m;
                }
                else if (_joinedAt[m] >= end)
                {
                    break;
                }
            }

            Mask(k, last, placeholder);
            _t.Items[k].Start = _joinedOrigin[start];
            _t.Items[k].End = _joinedOrigin[end - 1] + 1;
            return;
        }
    }

    /// <summary>
    /// "card 4111 1111 1111 1112", "card number: 4111-1111-1111-1112", "Visa 4111111111111112": 13 to 19 digits in one
    /// run or in groups parted by spaces or dashes, after a card word (and "number", "no", "#", "is"). Without the cue a
    /// number is a card only when it passes the Luhn check (<see cref="Patterns.TryPersonalNumber"/>); with it, a
    /// mistyped or partly made-up number is masked too. A reference ("card ending in 1234") has too few digits.
    /// </summary>
    private void MaskCardNumber(int i)
    {
        var j = NumberAfterCue(i, orIs: true);
        var text = _text.Chars;
        var digits = 0;
        var last = -1;
        for (var k = j; k >= 0; k = NextWord(k))
        {
            // The groups are read as the text has them: a run already masked as an account shows its digits there.
            ref var t = ref _t.Items[k];
            var raw = text[t.Start..t.End];
            var count = raw.Length - raw.Count('-');
            if (raw.IsEmpty || !char.IsAsciiDigit(raw[0])
                || raw.ContainsAnyExcept(CardCharacters) || digits + count > 19 || (k > j && t.ChunkStart < t.Start)
                || (t.Kind == TokenKind.Placeholder && !(_t.Form(t).SequenceEqual(PersonalData.Account) || _t.Form(t).SequenceEqual(PersonalData.Card))))
            {
                break;
            }

            digits += count;
            last = k;
            if (t.End < t.ChunkEnd)
            {
                // Punctuation after a group ends the number ("4111 1111, 1111").
                break;
            }
        }

        if (digits is >= 13 and <= 19)
        {
            Mask(j, last, PersonalData.Card);
        }
    }

    /// <summary>What a card number's group may hold.</summary>
    private static readonly SearchValues<char> CardCharacters = SearchValues.Create("0123456789-");

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
        var form = _t.Form(_t.Items[j]);
        if (form.Length == 8 && form[2] == form[5] && form[2] is '-' or '.' && IsDigitPairs(form))
        {
            last = j;
        }
        else if (IsDigits(j, 6, 6) && _t.Items[j].Kind == TokenKind.Number)
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

        if (_t.Items[j].Kind == TokenKind.Date)
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

        bool IsDay(int k) => _t.Items[k].Kind == TokenKind.Ordinal || IsDigits(k, 1, 2);

        bool IsMonth(int k) => _t.Items[k].Kind == TokenKind.Word && (_t.Items[k].Flags & Lexicons.WordFlags.Month) != 0 && _t.Form(_t.Items[k]).Length >= 3;
    }

    /// <summary>
    /// "password: hunter2", "token = abc123": the value after a ':' or '=' is masked whatever it is; "my PIN is 4321":
    /// after "is" only a value that is not an ordinary word ("the password is wrong" stays); "otp 654321": four to
    /// twelve digits right after the cue.
    /// </summary>
    private void MaskSecret(int i)
    {
        var j = NextWord(i, out var marks);
        if (j < 0 || _t.Items[j].Kind == TokenKind.Placeholder)
        {
            return;
        }

        if (!marks && IsDigits(j, 4, 12))
        {
            // "otp 654321", "PIN 4321": a code of digits right after the cue.
            Mask(j, j, PersonalData.Secret);
            return;
        }

        if (!marks)
        {
            if (!FormIs(j, "is"))
            {
                return;
            }

            j = NextWord(j, out _);
            if (j < 0 || _t.Items[j].Kind == TokenKind.Placeholder || ((_t.Items[j].Flags & Lexicons.WordFlags.Known) != 0 && _t.Items[j].Kind == TokenKind.Word))
            {
                return;
            }
        }

        Mask(j, j, PersonalData.Secret);
    }

    /// <summary>
    /// "my name is John Smith", "my name's John Smith", "Name: Jane Doe": up to three words written with a capital (or one
    /// word that is no ordinary word); "I am Jane Doe", "I'm Priya Raman": see <see cref="MaskIntroducedName"/>.
    /// </summary>
    private void MaskNamedPerson(int i)
    {
        var cue = _t.Form(_t.Items[i]);
        if (cue.SequenceEqual("am") || cue.SequenceEqual("i'm"))
        {
            MaskIntroducedName(i);
            return;
        }

        var j = NextWord(i, out var marks);
        var before = _t.PreviousWord(i);
        if (cue.SequenceEqual("name's"))
        {
            if (!FormIs(before, "my"))
            {
                return;
            }
        }
        else if (!marks)
        {
            if (!FormIs(j, "is") || !FormIs(before, "my"))
            {
                return;
            }

            j = NextWord(j);
        }
        else if (before >= 0 && !TokenStream.IsOneOf(_t.Form(_t.Items[before]), PersonNameOwners) && !EndsSentenceOrLine(before))
        {
            // "Name:" of a person, not "account name:" or "file name:".
            return;
        }

        if (j < 0 || _t.Items[j].Kind == TokenKind.Placeholder)
        {
            return;
        }

        var last = CapitalisedRun(j, 3);
        if (last < 0 && _t.Items[j].Kind == TokenKind.Word && (_t.Items[j].Flags & Lexicons.WordFlags.Known) == 0)
        {
            last = j;
        }

        if (last >= 0)
        {
            MaskName(j, last);
        }
    }

    /// <summary>
    /// "I am Jane Doe", "I'm Priya Raman", "I AM JANE DOE": two or three words after "I am" or "I'm" written as names are
    /// (<see cref="IsNameShaped"/>, or in capitals), none a word that is no name (<see cref="NotName"/>: frequent words,
    /// systems, cue words) or a code ("I am Very Upset", "I am Writing To" are no names).
    /// </summary>
    private void MaskIntroducedName(int i)
    {
        if (_t.Form(_t.Items[i]).SequenceEqual("am") && !FormIs(_t.PreviousWord(i), "i"))
        {
            return;
        }

        var text = _text.Chars;
        var first = NextWord(i, out var marks);
        var (words, last, k) = (0, -1, first);
        while (!marks && words < 3 && k >= 0)
        {
            ref var t = ref _t.Items[k];
            var core = text[t.Start..t.End];
            if (t.Kind is not (TokenKind.Word or TokenKind.Acronym) || t.Dropped || t.ChunkStart != t.Start
                || !(IsNameShaped(core) || IsShoutedName(core)) || (t.Flags & (NotName | Lexicons.WordFlags.Code)) != 0)
            {
                break;
            }

            (words, last) = (words + 1, k);
            if (t.End < t.ChunkEnd)
            {
                break;
            }

            k = NextWord(k);
        }

        // "I am Wells Fargo customer": a name that qualifies a noun is a company's.
        var after = last >= 0 && _t.Items[last].End == _t.Items[last].ChunkEnd ? NextWord(last) : -1;
        if (words >= 2 && !(after >= 0 && TokenStream.IsOneOf(_t.Form(_t.Items[after]), CompanyQualified)))
        {
            MaskName(first, last);
        }
    }

    /// <summary>Nouns a company's name qualifies after "I am" ("I am a Wells Fargo customer").</summary>
    private static readonly string[] CompanyQualified =
    [
        "customer", "customers", "client", "clients", "member", "members", "account", "accounts", "cardholder", "user", "users",
        "employee", "employees", "subscriber", "policyholder", "holder", "card", "bank", "loan", "mortgage", "borrower", "tenant",
    ];

    /// <summary>A name written in capitals ("JOHN", "O'CONNOR", "SMITH-JONES"): two or more capitals, apostrophes and hyphens, a capital first.</summary>
    private static bool IsShoutedName(ReadOnlySpan<char> core) =>
        core.Length >= 2 && char.IsAsciiLetterUpper(core[0]) && !core.ContainsAnyExcept(ShoutedNameCharacters);

    private static readonly SearchValues<char> ShoutedNameCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ'-");

    /// <summary>
    /// "SSN 078051120", "social security number 078051120": nine digits written without separators are masked as an
    /// account number when they are read; after this cue they are the typed <c>[ssn]</c>.
    /// </summary>
    private void MaskSocialSecurityNumber(int i)
    {
        if (_t.Form(_t.Items[i]).SequenceEqual("security") && !FormIs(_t.PreviousWord(i), "social"))
        {
            return;
        }

        var j = NumberAfterCue(i, orIs: true);
        if (j < 0 || _t.Items[j].Kind != TokenKind.Placeholder || !_t.Form(_t.Items[j]).SequenceEqual(PersonalData.Account))
        {
            return;
        }

        var span = _text.Chars[_t.Items[j].Start.._t.Items[j].End];
        if (span.Length == 9 && !span.ContainsAnyExceptInRange('0', '9'))
        {
            _t.SetForm(ref _t.Items[j], PersonalData.Ssn);
        }
    }

    /// <summary>"Mr Smith", "Dr. Jane Doe": a title written with a capital, then one or two words written with one; the title goes too.</summary>
    private void MaskTitledName(int i)
    {
        var core = _t.Core(_t.Items[i]);
        if (!char.IsUpper(core[0]) || (core.Length > 1 && !char.IsLower(core[1])))
        {
            // "MS Teams" is a product, "ms" a unit.
            return;
        }

        var j = NextWord(i);
        var last = j >= 0 ? CapitalisedRun(j, 2) : -1;
        if (last >= 0)
        {
            MaskName(i, last);
        }
    }

    /// <summary>
    /// A signature: a closing ("Regards", "Kind regards", "Thanks", "Thank you", "Many thanks", "Best", "Yours sincerely",
    /// "Cheers", "Respectfully"...; "Thanks so much", "Thank you in advance") that starts a line or a sentence, then,
    /// after marks and white space but no letter or digit, one to three name words (<see cref="NameRun"/>) that end the
    /// text or their line or are followed by a comma or sentence punctuation ("Regards,\nPriya Natarajan\nIT Manager", "Thanks, John Smith",
    /// "Regards, Priya Natarajan, IT Manager"). "Thanks, The VPN is back", "Cheers for fixing it", "Best, the service
    /// desk", "Kind regards, Outlook" are no signatures.
    /// </summary>
    private void MaskSignature(int i)
    {
        var text = _text.Chars;
        var closingEnd = i;
        if (FormIs(i, "thank"))
        {
            // "Thank you", never "thank" alone.
            closingEnd = NextWord(i);
            if (!FormIs(closingEnd, "you") || !IsBlank(text[_t.Items[i].End.._t.Items[closingEnd].Start]))
            {
                return;
            }
        }

        var opener = _t.PreviousWord(i);
        var first = opener >= 0 && _t.Items[opener].Kind == TokenKind.Word && TokenStream.IsOneOf(_t.Form(_t.Items[opener]), PersonalData.ClosingOpeners)
            && IsBlank(text[_t.Items[opener].End.._t.Items[i].Start]) ? opener : i;
        if (!StartsLineOrSentence(first))
        {
            return;
        }

        // "Thanks so much,", "Thank you again,", "Thanks in advance,": up to three such words go with the closing.
        var j = NextWord(closingEnd);
        for (var n = 0; n < 3 && j >= 0 && IsClosingFiller(j)
            && IsBlank(text[_t.Items[closingEnd].End.._t.Items[j].ChunkStart]); n++)
        {
            closingEnd = j;
            j = NextWord(j);
        }

        if (j < 0 || _t.Items[j].ChunkStart != _t.Items[j].Start || !IsClosingGap(text[_t.Items[closingEnd].End.._t.Items[j].Start]))
        {
            return;
        }

        var last = NameRun(j);
        if (last < 0)
        {
            return;
        }

        var after = NextWord(last);
        if (after < 0 || text[_t.Items[last].End.._t.Items[after].ChunkStart].ContainsAny(NameEnds))
        {
            MaskName(j, last);
        }
    }

    /// <summary>What may follow the last word of a signature's name: a line break, a comma (", IT Manager"), sentence punctuation.</summary>
    private static readonly SearchValues<char> NameEnds = SearchValues.Create("\n,.!?");

    /// <summary>Words that may follow a closing's cue word before the name ("so much", "again", "in advance", "all").</summary>
    private static readonly string[] ClosingFillers = ["so", "much", "again", "all", "everyone", "lot", "advance"];

    /// <summary>Whether token <paramref name="j"/> is an intensifier or a <see cref="ClosingFillers"/> word ("in" and "a" only before "advance" and "lot").</summary>
    private bool IsClosingFiller(int j) =>
        _t.Items[j].Intensifier || TokenStream.IsOneOf(_t.Form(_t.Items[j]), ClosingFillers)
        || (FormIs(j, "in") && FormIs(NextWord(j), "advance")) || (FormIs(j, "a") && FormIs(NextWord(j), "lot"));

    private static bool IsBlank(ReadOnlySpan<char> gap) => gap.IsWhiteSpace();

    /// <summary>What may stand between a closing and the name: marks, symbols and white space ("," "!!!" " 🙏\n"), no letter or digit.</summary>
    private static bool IsClosingGap(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether token <paramref name="k"/> starts the text, a line or a sentence (white space and Markdown marks aside).</summary>
    private bool StartsLineOrSentence(int k)
    {
        var text = _text.Chars;
        var at = _t.Items[k].Start - 1;
        while (at >= 0 && (text[at] is ' ' or '\t' or '*' or '_' or '"' or '\'' or '\u201D' or '\u2019' or ')'))
        {
            at--;
        }

        return at < 0 || text[at] is '\n' or '.' or '!' or '?' or '\u203D';
    }

    /// <summary>
    /// Flags of words that are no name: frequent words ("The", "Great"), stop words, systems, tone words and the tone
    /// stage's cue words ("Thank you. Disgraceful." ends with a verdict, not a signature), cue words ("Mr" is the title rule's).
    /// </summary>
    private const Lexicons.WordFlags NotName = Lexicons.WordFlags.Core | Lexicons.WordFlags.StopWord | Lexicons.WordFlags.System
        | (Lexicons.WordFlags.Known & ~Lexicons.WordFlags.Common) | Lexicons.WordFlags.PersonalDataCue | Lexicons.WordFlags.ToneCue;

    /// <summary>
    /// The last of one to three name words from <paramref name="j"/> on one line: each shaped like a name
    /// (<see cref="IsNameShaped"/>: "Priya", "O'Connor", "McDonald", "Smith-Jones") and no frequent word, stop word,
    /// system, cue word or word of address (<see cref="PersonalData.AddressWords"/>: "Guys", "Sir"), or an initial
    /// ("J."); a product-shaped word ("MacLeod") not first; punctuation after a word (not an initial's dot) ends the
    /// run. -1 when <paramref name="j"/> is not one.
    /// </summary>
    private int NameRun(int j)
    {
        var text = _text.Chars;
        var last = -1;
        for (var n = 0; n < 3 && j >= 0; n++)
        {
            ref var t = ref _t.Items[j];
            if (t.Dropped || t.ChunkStart != t.Start)
            {
                break;
            }

            var initial = IsInitial(j);
            // A product-shaped word ("McDonald") keeps its capitals in the canonical text: first in the run, it would be
            // a name there when a word before the closing is dropped ("You idiots Thanks McDonald" is "thanks McDonald").
            if (!initial && (t.Kind is not (TokenKind.Word or TokenKind.Product) || (t.Kind == TokenKind.Product && n == 0)
                || (t.Flags & NotName) != 0 || !IsNameShaped(text[t.Start..t.End]) || TokenStream.IsOneOf(_t.Form(t), PersonalData.AddressWords)))
            {
                break;
            }

            last = j;
            var next = NextWord(j);
            if ((!initial && t.End < t.ChunkEnd) || next < 0 || text[t.ChunkEnd.._t.Items[next].ChunkStart].Contains('\n'))
            {
                break;
            }

            j = next;
        }

        return last;
    }

    /// <summary>An initial: one capital letter and a dot ("J."), ending its line or followed by a capitalised word that is not a frequent one ("A. The" is no name).</summary>
    private bool IsInitial(int j)
    {
        var text = _text.Chars;
        ref var t = ref _t.Items[j];
        if (t.End - t.Start != 1 || !char.IsUpper(text[t.Start]) || t.ChunkEnd != t.End + 1 || text[t.End] != '.')
        {
            return false;
        }

        // At the end of the text or its line ("John S."), or before a capitalised word that is no frequent word.
        var next = NextWord(j);
        return next < 0 || text[t.ChunkEnd.._t.Items[next].ChunkStart].Contains('\n')
            || (_t.Items[next].Kind is TokenKind.Word or TokenKind.Product && (_t.Items[next].Flags & NotName) == 0 && char.IsUpper(text[_t.Items[next].Start]));
    }

    /// <summary>
    /// A word written like a name: a capital, then lower-case letters; a capital again only after "Mc", "Mac" or an
    /// apostrophe ("McDonald", "O'Connor"); parts joined by hyphens ("Smith-Jones").
    /// </summary>
    private static bool IsNameShaped(ReadOnlySpan<char> core)
    {
        foreach (var range in core.Split('-'))
        {
            var part = core[range];
            if (part.Length < 2 || !char.IsUpper(part[0]))
            {
                return false;
            }

            for (var k = 1; k < part.Length; k++)
            {
                var c = part[k];
                if (char.IsLower(c) || (c is '\'' or '\u2019' && k < part.Length - 1 && k <= 2))
                {
                    continue;
                }

                if (!(char.IsUpper(c) && (part[k - 1] is '\'' or '\u2019' || (k == 2 && part.StartsWith("Mc")) || (k == 3 && part.StartsWith("Mac")))))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The words of the names masked, in lower case, each with whether only its capitalised occurrences are names (it is an ordinary word too: "Will").</summary>
    private readonly List<(string Word, bool CapitalOnly)> _learned = [];

    /// <summary>Masks tokens <paramref name="first"/> to <paramref name="last"/> as a name and learns its words (a title aside) for <see cref="MaskLearnedNames"/>.</summary>
    private void MaskName(int first, int last)
    {
        var text = _text.Chars;
        for (var k = first; k <= last; k++)
        {
            ref var t = ref _t.Items[k];
            var core = text[t.Start..t.End];
            if (t.Kind is TokenKind.Merged or TokenKind.Punctuation or TokenKind.Placeholder || core.Length < 2 || !char.IsLetter(core[0])
                || (t.Flags & (Lexicons.WordFlags.PersonalDataCue | Lexicons.WordFlags.StopWord)) != 0)
            {
                continue;
            }

            var word = core.ToString().ToLowerInvariant();
            _learned.Add((word, _lex.IsKnownWord(word)));
        }

        Mask(first, last, PersonalData.Name);
    }

    /// <summary>
    /// Masks every other whole-word occurrence of a name learned from a cue, in any case, and its possessive ("my name is
    /// Sarah O'Connor ... Sarah, 07700 900461": both are [name]; "Sarah's laptop" is "[name] laptop"); a name that is an
    /// ordinary word too ("Will", "Mark") only where it is written with a capital. Neighbouring name words become one placeholder. Runs only when a cue masked a name.
    /// </summary>
    private void MaskLearnedNames()
    {
        var text = _text.Chars;
        var previous = -1;
        for (var k = 0; k < _t.Count; k++)
        {
            ref var t = ref _t.Items[k];
            if (t.Kind == TokenKind.Merged)
            {
                continue;
            }

            if (t.Dropped || t.Kind is not (TokenKind.Word or TokenKind.Product or TokenKind.Acronym) || !IsLearned(text[t.Start..t.End]))
            {
                previous = -1;
                continue;
            }

            if (previous >= 0 && _t.Items[previous].End == _t.Items[previous].ChunkEnd && t.ChunkStart == t.Start
                && IsBlank(text[_t.Items[previous].ChunkEnd..t.ChunkStart]) && !text[_t.Items[previous].ChunkEnd..t.ChunkStart].Contains('\n'))
            {
                Mask(previous, k, PersonalData.Name);
            }
            else
            {
                Mask(k, k, PersonalData.Name);
                previous = k;
            }
        }
    }

    /// <summary>Whether a core is a learned name word, or its possessive ("Sarah's": the whole word is masked).</summary>
    private bool IsLearned(ReadOnlySpan<char> core)
    {
        if (core.Length > 2 && core[^1] is 's' or 'S' && core[^2] is '\'' or '\u2019')
        {
            core = core[..^2];
        }

        foreach (var (word, capitalOnly) in _learned)
        {
            if (core.Equals(word, StringComparison.OrdinalIgnoreCase) && (!capitalOnly || char.IsUpper(core[0])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The last of up to <paramref name="max"/> consecutive words from <paramref name="j"/> that are written with a
    /// capital and no lower-case-only word ("John Smith", "JANE DOE", "J. Smith"); -1 when <paramref name="j"/> is not
    /// one. A word with sentence punctuation after it (an initial's dot aside) ends the run.
    /// </summary>
    private int CapitalisedRun(int j, int max)
    {
        var last = -1;
        var text = _text.Chars;
        for (var n = 0; n < max && j >= 0; n++)
        {
            ref var t = ref _t.Items[j];
            if (t.Kind is not (TokenKind.Word or TokenKind.Product or TokenKind.Acronym) || t.Dropped || t.Start == t.End
                || !char.IsUpper(text[t.Start]) || (n > 0 && t.ChunkStart != t.Start))
            {
                break;
            }

            last = j;
            if (t.End < t.ChunkEnd && !IsInitial(j))
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
        ref var t = ref _t.Items[first];
        ref var end = ref _t.Items[last];
        t.End = end.End;
        t.ChunkEnd = end.ChunkEnd;
        t.Kind = TokenKind.Placeholder;
        t.Dropped = false;
        t.Intensifier = false;
        t.Entry = 0;
        t.Flags = Lexicons.WordFlags.None;
        _t.SetForm(ref t, placeholder);
        for (var k = first + 1; k <= last; k++)
        {
            _t.Items[k].Kind = TokenKind.Merged;
        }
    }
}
