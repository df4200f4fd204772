using System.Collections.Frozen;
using System.Globalization;

namespace ServiceQuality.Normalization;

/// <summary>
/// The fact extractor: finds systems, error codes, references, durations, occurrences, people affected, amounts, dates
/// and negations in the live tokens, and derives impact and recurrence from them. Only the live tokens that can start a
/// fact are visited (any non-word token, and words flagged <see cref="Lexicons.WordFlags.FactTrigger"/>), noted in the
/// gathering pass by <see cref="Note"/>. Owns the facts and the candidates; reused run after run.
/// </summary>
internal sealed class FactExtractor
{
    private readonly List<ComplaintFact> _facts = [];

    /// <summary>The live indices of the tokens that can start a fact.</summary>
    private readonly List<int> _factCandidates = [];

    private TokenStream _t = null!;
    private TextBuffer _text = null!;
    private string _original = string.Empty;

    /// <summary>Gets the facts the last text held, in the order they were found.</summary>
    public List<ComplaintFact> Facts => _facts;

    /// <summary>Forgets the facts and candidates of the last text.</summary>
    public void Begin()
    {
        _facts.Clear();
        _factCandidates.Clear();
    }

    /// <summary>Notes live token <paramref name="live"/> if it can start a fact: any token but a word, and words flagged <see cref="Lexicons.WordFlags.FactTrigger"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Note(int live, in Token token)
    {
        if (token.Kind != TokenKind.Word || (token.Flags & Lexicons.WordFlags.FactTrigger) != 0)
        {
            _factCandidates.Add(live);
        }
    }
    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["dozen"] = 12, ["hundreds"] = 100, ["dozens"] = 24,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> OrdinalWords = new Dictionary<string, int>
    {
        ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, char> DurationUnits = new Dictionary<string, char>
    {
        ["second"] = 's', ["seconds"] = 's', ["sec"] = 's', ["secs"] = 's', ["minute"] = 'm', ["minutes"] = 'm', ["min"] = 'm',
        ["mins"] = 'm', ["hour"] = 'h', ["hours"] = 'h', ["hr"] = 'h', ["hrs"] = 'h', ["day"] = 'D', ["days"] = 'D',
        ["week"] = 'W', ["weeks"] = 'W', ["month"] = 'M', ["months"] = 'M', ["year"] = 'Y', ["years"] = 'Y',
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> PeopleNouns = FrozenSet.Create(StringComparer.Ordinal,
        "users", "people", "employees", "staff", "colleagues", "customers", "members", "agents", "clients", "students",
        "engineers", "workers", "persons", "teammates", "coworkers", "co-workers", "user", "person", "employee", "customer");

    private static readonly FrozenDictionary<string, string> ScopeNouns = new Dictionary<string, string>
    {
        ["team"] = "team", ["department"] = "team", ["floor"] = "team", ["group"] = "team", ["office"] = "team",
        ["company"] = "organisation", ["organisation"] = "organisation", ["organization"] = "organisation",
        ["business"] = "organisation", ["building"] = "organisation", ["staff"] = "organisation",
        ["employees"] = "organisation", ["users"] = "organisation", ["site"] = "organisation",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> Negators = FrozenSet.Create(StringComparer.Ordinal,
        "not", "no", "never", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "wasn't", "won't", "aren't",
        "weren't", "haven't", "hasn't", "hadn't", "couldn't", "wouldn't", "shouldn't", "without", "nothing", "nobody",
        "neither", "nor", "none", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "wont");

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> HttpReasons = FrozenSet.Create(StringComparer.Ordinal,
        "not found", "internal server error", "bad gateway", "service unavailable", "gateway timeout", "forbidden",
        "unauthorized", "bad request", "too many requests");

    /// <summary>Whether a word is a negator ("not", "never", "can't").</summary>
    internal static bool IsNegator(ReadOnlySpan<char> form) => NegatorsLookup.Contains(form);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorsLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberWordsLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalWordsLookup = OrdinalWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthsLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Ordinals that say a problem recurs without counting it ("for the hundredth time"); before the trigger words, which take them.</summary>
    private static readonly string[] EmphaticOrdinals = ["hundredth", "umpteenth", "millionth", "thousandth", "nth", "zillionth", "gazillionth"];

    /// <summary>Every word that can start a fact (flagged in the lexicon table, so one lookup a word says it).</summary>
    internal static readonly string[] FactTriggerWords = [.. NumberWords.Keys.Concat(OrdinalWords.Keys).Concat(Negators).Concat(Months.Keys)
        .Concat(["twice", "again", "repeatedly", "error", "err", "code", "http", "status", "ticket", "incident", "case", "request",
            "reference", "ref", "usd", "eur", "since", "everyone", "everybody", "whole", "entire", "all"]).Concat(EmphaticOrdinals)];

    /// <summary>The kind of each fact word, flagged in the lexicon table so a word's facts need no further lookup.</summary>
    internal static readonly (string Word, Lexicons.WordFlags Flag)[] FactWordKinds =
    [
        .. NumberWords.Keys.Select(w => (w, Lexicons.WordFlags.NumberWord)),
        .. OrdinalWords.Keys.Select(w => (w, Lexicons.WordFlags.OrdinalWord)),
        .. Negators.Select(w => (w, Lexicons.WordFlags.Negator)),
        .. Months.Keys.Select(w => (w, Lexicons.WordFlags.Month)),
    ];

    // ---- multi-word systems and intensifiers -----------------------------------------------------------------------

    /// <summary>Whether a word is an emphatic ordinal ("for the hundredth time").</summary>
    private static bool IsEmphaticOrdinal(ReadOnlySpan<char> form) => TokenStream.IsOneOf(form, EmphaticOrdinals);

    // ---- facts -----------------------------------------------------------------------------------------------------

    /// <summary>Finds the facts in the live tokens.</summary>
    public void Extract(TokenStream tokens, string original, DateOnly? reference)
    {
        (_t, _text, _original) = (tokens, tokens.Text, original);
        ExtractCandidates(reference);
        _original = string.Empty;
    }

    private void ExtractCandidates(DateOnly? reference)
    {
        // Only the live tokens that can start a fact (anything but a word that is not a fact word), noted in the
        // gathering pass; "HTTP 503" takes the number after it.
        var taken = -1;
        foreach (var j in _factCandidates)
        {
            if (j == taken)
            {
                continue;
            }

            ref var t = ref _t.Items[_t.Live[j]];
            var form = _t.Form(t);
            switch (t.Kind)
            {
                case TokenKind.Acronym when form.Equals("HTTP", StringComparison.Ordinal) && TryNumber(j + 1, out var status)
                    && status is >= 100 and <= 599 && _t.Items[_t.Live[j + 1]].Kind == TokenKind.Number:
                    AddFact(FactKind.ErrorCode, "HTTP " + status.ToString(CultureInfo.InvariantCulture), j, j + 1);
                    taken = j + 1;
                    continue;
                case TokenKind.System or TokenKind.Acronym or TokenKind.Product or TokenKind.Host:
                    AddFact(FactKind.System, form.ToString(), j, j);
                    continue;
                case TokenKind.Url:
                    var host = Patterns.UrlHost(form);
                    AddFact(FactKind.System, form[host].ToString(), j, j);
                    continue;
                case TokenKind.ErrorCode:
                    AddFact(FactKind.ErrorCode, form.ToString(), j, j);
                    continue;
                case TokenKind.Reference:
                    AddFact(FactKind.Reference, form.ToString(), j, j);
                    continue;
                case TokenKind.Amount:
                    AddFact(FactKind.Amount, AmountValue(form[0], form[1..]), j, j);
                    continue;
                case TokenKind.Date:
                    Patterns.TryParseDate(form, out var y, out var m, out var d);
                    AddFact(FactKind.Date, DateValue(y, m, d), j, j);
                    continue;
                case TokenKind.Duration:
                    Patterns.TryCompactDuration(form, out var iso);
                    AddFact(FactKind.Duration, iso, j, j);
                    continue;
                case TokenKind.Ordinal:
                    if (Word(j + 1) is "time" or "times")
                    {
                        AddOccurrence(Patterns.OrdinalValue(form), j, j + 1);
                    }

                    continue;
                case TokenKind.Number:
                    NumberFacts(j, reference);
                    continue;
                case TokenKind.Word when (t.Flags & Lexicons.WordFlags.FactTrigger) != 0:
                    WordFacts(j, form, t.Flags, reference);
                    continue;
                default:
                    continue;
            }
        }
    }

    private string? Word(int j) => j >= 0 && j < _t.Live.Count && _t.Items[_t.Live[j]].Kind is TokenKind.Word or TokenKind.Number ? _t.Form(_t.Items[_t.Live[j]]).ToString() : null;

    private bool WordIs(int j, string word) => j >= 0 && j < _t.Live.Count && _t.Items[_t.Live[j]].Kind == TokenKind.Word && _t.Form(_t.Items[_t.Live[j]]).SequenceEqual(word);

    private bool TryNumber(int j, out decimal value)
    {
        value = 0;
        if (j < 0 || j >= _t.Live.Count)
        {
            return false;
        }

        ref var t = ref _t.Items[_t.Live[j]];
        if (t.Kind == TokenKind.Number)
        {
            return Patterns.TryParseNumber(_t.Form(t), out value);
        }

        if (t.Kind == TokenKind.Word && NumberWordsLookup.TryGetValue(_t.Form(t), out var n))
        {
            value = n;
            return true;
        }

        return false;
    }

    private void NumberFacts(int j, DateOnly? reference) => QuantityFacts(j, reference);

    private void QuantityFacts(int j, DateOnly? reference)
    {
        if (!TryNumber(j, out var value))
        {
            return;
        }

        var next = Word(j + 1);
        if (next is null)
        {
            return;
        }

        var number = value.ToString(CultureInfo.InvariantCulture);
        if (DurationUnits.TryGetValue(next, out var unit))
        {
            AddFact(FactKind.Duration, unit switch
            {
                's' => $"PT{number}S",
                'm' => $"PT{number}M",
                'h' => $"PT{number}H",
                _ => $"P{number}{unit}",
            }, j, j + 1);
            return;
        }

        if (PeopleNouns.Contains(next))
        {
            var first = j;
            var qualifier = string.Empty;
            if ((WordIs(j - 2, "more") || WordIs(j - 2, "less") || WordIs(j - 2, "fewer")) && WordIs(j - 1, "than"))
            {
                qualifier = Word(j - 2) + " than ";
                first = j - 2;
            }
            else if (Word(j - 1) is "over" or "about" or "around" or "nearly" or "almost" or "approximately")
            {
                qualifier = Word(j - 1) + " ";
                first = j - 1;
            }
            else if (WordIs(j - 2, "at") && (WordIs(j - 1, "least") || WordIs(j - 1, "most")))
            {
                qualifier = "at " + Word(j - 1) + " ";
                first = j - 2;
            }

            AddFact(FactKind.PeopleAffected, qualifier + number, first, j + 1);
            return;
        }

        if (next is "times" or "time")
        {
            AddOccurrence((int)Math.Min(value, int.MaxValue), j, j + 1);
            return;
        }

        if (next is "dollars" or "dollar" or "usd" or "euros" or "euro" or "eur")
        {
            AddFact(FactKind.Amount, AmountValue(next[0] == 'e' ? '€' : '$', _t.Form(_t.Items[_t.Live[j]])), j, j + 1);
            return;
        }

        if (Months.TryGetValue(next, out var month) && value is >= 1 and <= 31 && value == decimal.Truncate(value))
        {
            AddDate(j, j + 1, month, (int)value, reference);
        }
        else if (_t.Items[_t.Live[j]].Kind == TokenKind.Number && value is >= 100 and <= 599 && value == decimal.Truncate(value) && value >= 400
            && (HttpReasons.Contains(next) || (Word(j + 2) is { } second && HttpReasons.Contains(next + " " + second))
                || (Word(j + 3) is { } third && HttpReasons.Contains(next + " " + Word(j + 2) + " " + third))))
        {
            AddFact(FactKind.ErrorCode, "HTTP " + number, j, j);
        }
    }

    private void WordFacts(int j, ReadOnlySpan<char> form, Lexicons.WordFlags flags, DateOnly? reference)
    {
        if ((flags & Lexicons.WordFlags.NumberWord) != 0)
        {
            QuantityFacts(j, reference);
            return;
        }

        if ((flags & Lexicons.WordFlags.OrdinalWord) != 0 && OrdinalWordsLookup.TryGetValue(form, out var ordinal) && Word(j + 1) is "time")
        {
            AddOccurrence(ordinal, j, j + 1);
            return;
        }

        if (IsEmphaticOrdinal(form) && Word(j + 1) is "time")
        {
            // "for the hundredth time": recurring, with no count stated.
            AddFact(FactKind.Occurrence, "again", j, j + 1);
            return;
        }

        if (form.SequenceEqual("twice"))
        {
            AddOccurrence(2, j, j);
            return;
        }

        if (form.SequenceEqual("again") || form.SequenceEqual("repeatedly"))
        {
            AddFact(FactKind.Occurrence, "again", j, j);
            return;
        }

        if ((flags & Lexicons.WordFlags.Negator) != 0)
        {
            var k = j + 1;
            while (k < _t.Live.Count && _t.Items[_t.Live[k]].Intensifier)
            {
                k++;
            }

            var negated = k < _t.Live.Count && _t.Items[_t.Live[k]].IsWordLike ? _t.Form(_t.Items[_t.Live[k]]).ToString() : string.Empty;
            AddFact(FactKind.Negation, negated.Length == 0 ? form.ToString() : form.ToString() + " " + negated, j, negated.Length == 0 ? j : k);
            return;
        }

        if (form is "error" or "err" or "code" && TryErrorNumber(j + 1, out var code, out var last))
        {
            AddFact(FactKind.ErrorCode, "error " + code, j, last);
            return;
        }

        if (form is "http" or "status" && TryNumber(j + 1, out var status) && status is >= 100 and <= 599 && _t.Items[_t.Live[j + 1]].Kind == TokenKind.Number)
        {
            AddFact(FactKind.ErrorCode, "HTTP " + status.ToString(CultureInfo.InvariantCulture), j, j + 1);
            return;
        }

        if (form is "ticket" or "incident" or "case" or "request" or "reference" or "ref")
        {
            var k = j + 1;
            if (Word(k) is "number" or "no" or "nr" or "id")
            {
                k++;
            }

            if (k < _t.Live.Count && _t.Items[_t.Live[k]].Kind == TokenKind.Number && _t.Form(_t.Items[_t.Live[k]]) is { Length: >= 3 } digits
                && !digits.ContainsAnyExceptInRange('0', '9'))
            {
                AddFact(FactKind.Reference, "#" + digits.ToString(), j, k);
                return;
            }
        }

        if (form is "usd" or "eur" && TryNumber(j + 1, out _) && _t.Items[_t.Live[j + 1]].Kind == TokenKind.Number)
        {
            AddFact(FactKind.Amount, AmountValue(form[0] == 'e' ? '€' : '$', _t.Form(_t.Items[_t.Live[j + 1]])), j, j + 1);
            return;
        }

        if ((flags & Lexicons.WordFlags.Month) != 0 && MonthsLookup.TryGetValue(form, out var month) && form.Length >= 3)
        {
            if (TryDay(j + 1, out var day))
            {
                AddDate(j, j + 1, month, day, reference);
                return;
            }

            if (form.Length > 3 && TryNumber(j + 1, out var year) && year is >= 1900 and <= 2199 && _t.Items[_t.Live[j + 1]].Kind == TokenKind.Number)
            {
                AddFact(FactKind.Date, $"{year:0000}-{month:00}", j, j + 1);
                return;
            }
        }

        if (form.SequenceEqual("since"))
        {
            SinceFact(j, reference);
            return;
        }

        ScopeFact(j, form);
    }

    private bool TryErrorNumber(int j, out string code, out int last)
    {
        code = string.Empty;
        last = j;
        if (WordIs(j, "code"))
        {
            j++;
            last = j;
        }

        if (j >= _t.Live.Count || _t.Items[_t.Live[j]].Kind != TokenKind.Number)
        {
            return false;
        }

        var digits = _t.Form(_t.Items[_t.Live[j]]);
        if (digits.Length > 10 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        code = digits.ToString();
        return true;
    }

    private bool TryDay(int j, out int day)
    {
        day = 0;
        if (j >= _t.Live.Count)
        {
            return false;
        }

        ref var t = ref _t.Items[_t.Live[j]];
        if (t.Kind == TokenKind.Ordinal)
        {
            day = Patterns.OrdinalValue(_t.Form(t));
        }
        else if (t.Kind == TokenKind.Number && _t.Form(t).Length <= 2 && !_t.Form(t).ContainsAnyExceptInRange('0', '9'))
        {
            day = int.Parse(_t.Form(t), CultureInfo.InvariantCulture);
        }

        return day is >= 1 and <= 31;
    }

    private void AddDate(int first, int last, int month, int day, DateOnly? reference)
    {
        var year = -1;
        if (last + 1 < _t.Live.Count && TryNumber(last + 1, out var y) && y is >= 1900 and <= 2199 && _t.Form(_t.Items[_t.Live[last + 1]]).Length == 4)
        {
            year = (int)y;
            last++;
        }
        else if (reference is { } r)
        {
            year = r.Year;
        }

        AddFact(FactKind.Date, DateValue(year, month, day), first, last);
    }

    private void SinceFact(int j, DateOnly? reference)
    {
        var k = j + 1;
        if (Word(k) is "last")
        {
            k++;
        }

        var word = Word(k);
        DateOnly? since = null;
        var text = word;
        if (word is not null && Weekdays.TryGetValue(word, out var weekday))
        {
            if (reference is { } r)
            {
                var back = ((int)r.DayOfWeek - (int)weekday + 7) % 7;
                since = r.AddDays(-back);
            }
        }
        else if (word is "yesterday")
        {
            since = reference?.AddDays(-1);
        }
        else if (word is "today" or "morning" or "this")
        {
            since = reference;
            text = word == "this" && Word(k + 1) is { } part ? "this " + part : word;
            k += word == "this" ? 1 : 0;
        }
        else if (k < _t.Live.Count && _t.Items[_t.Live[k]].Kind == TokenKind.Date)
        {
            Patterns.TryParseDate(_t.Form(_t.Items[_t.Live[k]]), out var y, out var m, out var d);
            if (reference is { } r && y > 0 && m > 0 && d > 0)
            {
                since = new DateOnly(y, m, d);
            }

            text = DateValue(y, m, d);
        }
        else
        {
            return;
        }

        var value = since is { } s && reference is { } rd && s <= rd
            ? $"P{rd.DayNumber - s.DayNumber}D since {s:yyyy-MM-dd}"
            : "since " + text;
        AddFact(FactKind.Duration, value, j, Math.Min(k, _t.Live.Count - 1));
    }

    private void ScopeFact(int j, ReadOnlySpan<char> form)
    {
        if (form.SequenceEqual("everyone") || form.SequenceEqual("everybody"))
        {
            AddFact(FactKind.PeopleAffected, "organisation", j, j);
            return;
        }

        if (!(form.SequenceEqual("whole") || form.SequenceEqual("entire") || form.SequenceEqual("all")))
        {
            return;
        }

        var k = j + 1;
        if (Word(k) is "the" or "our" or "my" or "of")
        {
            k++;
            if (Word(k) is "the" or "our")
            {
                k++;
            }
        }

        if (Word(k) is { } noun && ScopeNouns.TryGetValue(noun, out var scope)
            && !(form.SequenceEqual("all") && scope == "team" && noun != "team"))
        {
            AddFact(FactKind.PeopleAffected, scope, j, k);
        }
    }

    private void AddOccurrence(int count, int first, int last)
    {
        var value = count.ToString(CultureInfo.InvariantCulture);
        var k = last + 1;
        if (Word(k) is "this" && Word(k + 1) is { } period and ("week" or "month" or "morning" or "year" or "afternoon"))
        {
            value += " this " + period;
            last = k + 1;
        }
        else if (Word(k) is "today" or "yesterday")
        {
            value += " " + Word(k);
            last = k;
        }
        else if (WordIs(k, "in") && (WordIs(k + 1, "a") && WordIs(k + 2, "row")))
        {
            value += " in a row";
            last = k + 2;
        }

        AddFact(FactKind.Occurrence, value, first, last);
    }

    private static string AmountValue(char symbol, ReadOnlySpan<char> number)
    {
        var currency = symbol switch
        {
            '€' => "EUR",
            '£' => "GBP",
            _ => "USD",
        };
        return Patterns.TryParseNumber(number, out var value)
            ? currency + " " + value.ToString("0.00", CultureInfo.InvariantCulture)
            : currency + " " + number.ToString();
    }

    private static string DateValue(int year, int month, int day) =>
        (year < 0 ? "XXXX" : year.ToString("0000", CultureInfo.InvariantCulture)) + "-"
        + (month < 0 ? "XX" : month.ToString("00", CultureInfo.InvariantCulture)) + "-"
        + (day < 0 ? "XX" : day.ToString("00", CultureInfo.InvariantCulture));

    private void AddFact(FactKind kind, string value, int firstLive, int lastLive)
    {
        ref var first = ref _t.Items[_t.Live[firstLive]];
        ref var last = ref _t.Items[_t.Live[Math.Max(firstLive, lastLive)]];
        var start = _text.OriginOf(first.Start);
        var endIndex = Math.Max(last.End - 1, last.Start);
        var end = endIndex < _text.Length ? _text.OriginOf(endIndex) + 1 : start;
        if (end < _original.Length && end > 0 && char.IsHighSurrogate(_original[end - 1]) && char.IsLowSurrogate(_original[end]))
        {
            end++;
        }

        _facts.Add(new ComplaintFact(kind, value, start, Math.Max(0, end - start)));
    }

    // ---- impact and recurrence -------------------------------------------------------------------------------------

    public ImpactLevel DeriveImpact(int organisationThreshold)
    {
        var impact = ImpactLevel.Individual;
        foreach (var fact in _facts)
        {
            if (fact.Kind != FactKind.PeopleAffected)
            {
                continue;
            }

            var level = fact.Value switch
            {
                "organisation" => ImpactLevel.Organisation,
                "team" => ImpactLevel.Team,
                _ => Patterns.TryParseNumber(fact.Value.AsSpan(fact.Value.LastIndexOf(' ') + 1), out var n)
                    ? n >= organisationThreshold ? ImpactLevel.Organisation : n >= 2 || fact.Value.StartsWith("more", StringComparison.Ordinal) ? ImpactLevel.Team : ImpactLevel.Individual
                    : ImpactLevel.Individual,
            };
            impact = level > impact ? level : impact;
        }

        return impact;
    }

    public RecurrenceSignal DeriveRecurrence()
    {
        var recurring = false;
        int? count = null;
        foreach (var fact in _facts)
        {
            if (fact.Kind != FactKind.Occurrence)
            {
                continue;
            }

            recurring = true;
            var space = fact.Value.IndexOf(' ', StringComparison.Ordinal);
            if (int.TryParse(space < 0 ? fact.Value : fact.Value[..space], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                count = Math.Max(count ?? 0, n);
            }
        }

        return new RecurrenceSignal(recurring && (count is null or >= 2), count);
    }
}
