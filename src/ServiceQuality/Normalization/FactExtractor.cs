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
    private readonly List<Fact> _facts = [];

    /// <summary>The live indices of the tokens that can start a fact.</summary>
    private readonly List<int> _factCandidates = [];

    /// <summary>The last live index a fact of this text took (its words start no other fact: "12 March 2024" is one date).</summary>
    private int _takenThrough = -1;

    private TokenStream _t = null!;
    private TextBuffer _text = null!;
    private Lexicons _lex = null!;
    private string _original = string.Empty;

    /// <summary>Gets the facts the last text held, in the order they were found, with their typed payloads.</summary>
    public List<Fact> Facts => _facts;

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

    /// <summary>Words between a number and its unit of time that do not change it ("8 whole months"), or make the days business days ("4 working days").</summary>
    private static readonly FrozenSet<string> DurationFillers = FrozenSet.Create(StringComparer.Ordinal,
        "whole", "full", "entire", "business", "working", "calendar", "consecutive", "straight", "long", "more", "additional", "extra");

    /// <summary>The ISO 4217 codes read as currencies before or after an amount.</summary>
    private static readonly string[] CurrencyCodes = ["usd", "eur", "gbp", "cad", "aud", "chf", "jpy", "inr", "mxn", "nzd", "sek", "nok", "dkk", "pln"];

    /// <summary>Words that may stand between "last four digits" and the digits ("of my card are").</summary>
    private static readonly FrozenSet<string> DigitsGlue = FrozenSet.Create(StringComparer.Ordinal,
        "of", "my", "the", "a", "your", "our", "his", "her", "their", "number", "no", "are", "is", "was", "were", "being", "on", "as", "which", "for", "to");

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

    private static readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> DurationUnitsLookup = DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DurationFillersLookup = DurationFillers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CurrencyCodesLookup = CurrencyCodes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DigitsGlueLookup = DigitsGlue.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeopleNounsLookup = PeopleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorsLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberWordsLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalWordsLookup = OrdinalWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthsLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Ordinals that say a problem recurs without counting it ("for the hundredth time"); before the trigger words, which take them.</summary>
    private static readonly string[] EmphaticOrdinals = ["hundredth", "umpteenth", "millionth", "thousandth", "nth", "zillionth", "gazillionth"];

    /// <summary>
    /// The fact rules a word starts: the words that start each (every one flagged <see cref="Lexicons.WordFlags.FactTrigger"/>
    /// in the lexicon table and given its rules there, so the gathering pass notes it and <see cref="Extract"/> runs
    /// them), what the rule does, and an example it must find (tested). A word's rules run in the order of this table
    /// until one finds a fact. The trigger words are made from this table: a rule cannot exist without its words.
    /// </summary>
    internal static readonly FactRule[] WordRules =
    [
        new([.. NumberWords.Keys], static (x, j, _, r) => { x.QuantityFacts(j, r); return true; }, "three users cannot log in", FactKind.PeopleAffected),
        new([.. OrdinalWords.Keys], static (x, j, form, _) => x.OrdinalTimeFact(j, form), "the third time this week", FactKind.Occurrence),
        new([.. DurationUnits.Keys], static (x, j, form, _) => x.DurationFact(j, form), "within 5-7 business days", FactKind.Duration),
        new(EmphaticOrdinals, static (x, j, _, _) => x.EmphaticTimeFact(j), "for the hundredth time", FactKind.Occurrence),
        new(["twice"], static (x, j, _, _) => { x.AddOccurrence(2, j, j); return true; }, "it failed twice", FactKind.Occurrence),
        new(["again", "repeatedly"], static (x, j, _, _) => { x.AddFact(FactKind.Occurrence, "again", j, j); return true; }, "it failed again", FactKind.Occurrence),
        new([.. Negators], static (x, j, form, _) => x.NegationFact(j, form), "the printer is not working", FactKind.Negation),
        new(["error", "err", "code"], static (x, j, _, _) => x.ErrorNumberFact(j), "it shows error 1603", FactKind.ErrorCode),
        new(["http", "status"], static (x, j, _, _) => x.HttpStatusFact(j), "the site gives status 503", FactKind.ErrorCode),
        new(["ticket", "incident", "case", "request", "reference", "ref"], static (x, j, _, _) => x.ReferenceNumberFact(j), "see ticket 12345", FactKind.Reference),
        new(["ending", "ends"], static (x, j, _, _) => x.EndingDigitsFact(j), "my card ending in 5678 was charged", FactKind.Reference),
        new(["digits"], static (x, j, _, _) => x.LastDigitsFact(j), "the last four digits of my account are 9012", FactKind.Reference),
        new([.. CurrencyCodes], static (x, j, form, _) => x.CurrencyAmountFact(j, form), "a fee of usd 40", FactKind.Amount),
        new([.. Months.Keys], static (x, j, form, r) => x.MonthDateFact(j, form, r), "it broke on march 15", FactKind.Date),
        new(["since"], static (x, j, _, r) => { x.SinceFact(j, r); return true; }, "down since yesterday", FactKind.Duration),
        new(["everyone", "everybody"], static (x, j, _, _) => { x.AddFact(FactKind.PeopleAffected, "organisation", j, j, new() { Scope = ImpactLevel.Organization }); return true; }, "everyone is affected", FactKind.PeopleAffected),
        new(["whole", "entire", "all"], static (x, j, form, _) => { x.ScopeFact(j, form); return true; }, "the whole team is affected", FactKind.PeopleAffected),
    ];

    /// <summary>The month names and abbreviations, flagged <see cref="Lexicons.WordFlags.Month"/> in the lexicon table (the personal-data masker reads dates of birth with them).</summary>
    internal static IEnumerable<string> MonthWords => Months.Keys;

    /// <summary>What a word's fact rule does: adds its facts and returns true, or returns false to let the word's next rule try.</summary>
    internal delegate bool WordRule(FactExtractor extractor, int j, ReadOnlySpan<char> form, DateOnly? reference);

    /// <summary>A fact rule started by a word.</summary>
    /// <param name="Words">The words that start it (folded, lower case).</param>
    /// <param name="Apply">The rule, at live token <c>j</c>, the word.</param>
    /// <param name="Example">A text in which it must find a fact of kind <paramref name="ExampleKind"/>.</param>
    /// <param name="ExampleKind">The kind of fact it finds in <paramref name="Example"/>.</param>
    internal sealed record FactRule(string[] Words, WordRule Apply, string Example, FactKind ExampleKind);


    // ---- facts -----------------------------------------------------------------------------------------------------

    /// <summary>Finds the facts in the live tokens.</summary>
    public void Extract(TokenStream tokens, Lexicons lexicons, string original, DateOnly? reference)
    {
        (_t, _text, _lex, _original) = (tokens, tokens.Text, lexicons, original);
        ExtractCandidates(reference);
        _original = string.Empty;
    }

    private void ExtractCandidates(DateOnly? reference)
    {
        // Only the live tokens that can start a fact (anything but a word that is not a fact word), noted in the
        // gathering pass; a token a fact took starts no other ("HTTP 503" takes the number after it, "12 March 2024"
        // the month and the year).
        _takenThrough = -1;
        foreach (var j in _factCandidates)
        {
            if (j <= _takenThrough)
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
                    continue;
                case TokenKind.Acronym when (t.Flags & Lexicons.WordFlags.Code) != 0:
                    // "NY", "EUR", "IBAN": capitals, but no system (Lexicons/codes.txt); a currency code may start an amount.
                    CurrencyAmountFact(j, form);
                    continue;
                case TokenKind.System or TokenKind.Acronym or TokenKind.Product or TokenKind.Host:
                    if (!IsCitationMark(form) || !IsNumberLike(j + 1))
                    {
                        AddFact(FactKind.System, form.ToString(), j, j);
                    }

                    CurrencyAmountFact(j, form);
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
                    AddFact(FactKind.Amount, form[^1] is '€' or '£' ? AmountValue(form[^1], form[..^1]) : AmountValue(form[0], form[1..]), j, j);
                    continue;
                case TokenKind.Date:
                    Patterns.TryParseDate(form, out var y, out var m, out var d);
                    AddFact(FactKind.Date, DateValue(y, m, d), j, j);
                    continue;
                case TokenKind.Duration when !IsCitedSection(j):
                    Patterns.TryCompactDuration(form, out var iso);
                    AddFact(FactKind.Duration, iso, j, j);
                    continue;
                case TokenKind.Ordinal:
                    if (WordSpan(j + 1) is "time" or "times")
                    {
                        AddOccurrence(Patterns.OrdinalValue(form), j, j + 1);
                    }
                    else if (MonthsLookup.TryGetValue(WordSpan(j + 1), out var month) && Patterns.OrdinalValue(form) is >= 1 and <= 31 and var day)
                    {
                        // "12th March 2024"
                        AddDate(j, j + 1, month, day, reference);
                    }

                    continue;
                case TokenKind.Redaction:
                    RedactedMonthFact(j, form);
                    continue;
                case TokenKind.Number:
                    NumberFacts(j, reference);
                    continue;
                case TokenKind.Word when (t.Flags & Lexicons.WordFlags.FactTrigger) != 0:
                    WordFacts(j, form, _lex.Words[t.Entry - 1].FactRules, reference);
                    continue;
                default:
                    continue;
            }
        }
    }

    private string? Word(int j) => j >= 0 && j < _t.Live.Count && _t.Items[_t.Live[j]].Kind is TokenKind.Word or TokenKind.Number ? _t.Form(_t.Items[_t.Live[j]]).ToString() : null;

    /// <summary>The form of live token <paramref name="j"/> when it is a word or a number, as <see cref="Word"/> gives it but without a string; empty otherwise.</summary>
    private ReadOnlySpan<char> WordSpan(int j) => j >= 0 && j < _t.Live.Count && _t.Items[_t.Live[j]].Kind is TokenKind.Word or TokenKind.Number ? _t.Form(_t.Items[_t.Live[j]]) : default;

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

        if (_t.LiveAt(j).Kind == TokenKind.Number && SignBeside(j) is { } sign)
        {
            // "1.250,00 €", "€ 40": the sign apart from the amount.
            AddFact(FactKind.Amount, AmountValue(sign, _t.Form(_t.LiveAt(j))), j, j);
            return;
        }

        // Most numbers make no fact: the next word is read as a span and the number written only for a fact.
        if (j + 1 >= _t.Live.Count)
        {
            return;
        }

        if (_t.LiveAt(j + 1).Kind is TokenKind.Acronym or TokenKind.System && IsCurrencyCode(_t.Form(_t.LiveAt(j + 1))))
        {
            // "40 EUR"
            AddFact(FactKind.Amount, AmountValue(_t.Form(_t.LiveAt(j + 1)), _t.Form(_t.LiveAt(j))), j, j + 1);
            return;
        }

        if (_t.Items[_t.Live[j + 1]].Kind is not (TokenKind.Word or TokenKind.Number))
        {
            return;
        }

        // A number before a unit of time ("10 days", "four business days") is read from the unit (DurationFact).
        var next = _t.Form(_t.Items[_t.Live[j + 1]]);
        if (PeopleNounsLookup.Contains(next))
        {
            var number = value.ToString(CultureInfo.InvariantCulture);
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

            AddFact(FactKind.PeopleAffected, qualifier + number, first, j + 1, new() { People = value, MoreThan = qualifier.StartsWith("more", StringComparison.Ordinal) });
            return;
        }

        if (next is "times" or "time")
        {
            if (next is "time" && value == 1 && WordIs(j - 1, "at"))
            {
                // "at one time": an idiom (formerly), not an occurrence.
                return;
            }

            AddOccurrence((int)Math.Min(value, int.MaxValue), j, j + 1);
            return;
        }

        if (next is "dollars" or "dollar" or "euros" or "euro" or "quid" || IsCurrencyCode(next) || (next is "pounds" or "pound" && !WordIs(j + 2, "of")))
        {
            // "40 pounds" is money ("40 pounds of" a weight).
            var currency = next switch
            {
                "dollars" or "dollar" => "USD",
                "euros" or "euro" => "EUR",
                "pounds" or "pound" or "quid" => "GBP",
                _ => next,
            };
            AddFact(FactKind.Amount, AmountValue(currency, _t.Form(_t.Items[_t.Live[j]])), j, j + 1);
            return;
        }

        if (MonthsLookup.TryGetValue(next, out var month) && value is >= 1 and <= 31 && value == decimal.Truncate(value))
        {
            AddDate(j, j + 1, month, (int)value, reference);
        }
        else if (_t.Items[_t.Live[j]].Kind == TokenKind.Number && value is >= 100 and <= 599 && value == decimal.Truncate(value) && value >= 400
            && IsHttpReason(next.ToString(), j))
        {
            AddFact(FactKind.ErrorCode, "HTTP " + value.ToString(CultureInfo.InvariantCulture), j, j);
        }
    }

    /// <summary>Whether <paramref name="next"/> (the word after number <paramref name="j"/>) and up to two words after it are an HTTP reason phrase.</summary>
    private bool IsHttpReason(string next, int j)
    {
        return HttpReasons.Contains(next) || (Word(j + 2) is { } second && HttpReasons.Contains(next + " " + second))
            || (Word(j + 3) is { } third && HttpReasons.Contains(next + " " + Word(j + 2) + " " + third));
    }

    /// <summary>Runs the rules word <paramref name="j"/> starts, in the order of <see cref="WordRules"/>, until one finds a fact.</summary>
    private void WordFacts(int j, ReadOnlySpan<char> form, FactRule[] rules, DateOnly? reference)
    {
        foreach (var rule in rules)
        {
            if (rule.Apply(this, j, form, reference))
            {
                return;
            }
        }
    }

    private bool OrdinalTimeFact(int j, ReadOnlySpan<char> form)
    {
        if (OrdinalWordsLookup.TryGetValue(form, out var ordinal) && WordSpan(j + 1) is "time")
        {
            AddOccurrence(ordinal, j, j + 1);
            return true;
        }

        return false;
    }

    private bool EmphaticTimeFact(int j)
    {
        if (WordSpan(j + 1) is "time")
        {
            // "for the hundredth time": recurring, with no count stated.
            AddFact(FactKind.Occurrence, "again", j, j + 1);
            return true;
        }

        return false;
    }

    private bool NegationFact(int j, ReadOnlySpan<char> form)
    {
        var k = j + 1;
        while (k < _t.Live.Count && _t.LiveAt(k).Intensifier)
        {
            k++;
        }

        if (form.SequenceEqual("no") && k < _t.Live.Count && _t.LiveAt(k).Kind is TokenKind.Number or TokenKind.Placeholder or TokenKind.Reference)
        {
            // "account no. 987654321", "No. 5": the abbreviation of "number", not a negation.
            return false;
        }

        var negated = k < _t.Live.Count && _t.LiveAt(k).IsWordLike ? _t.Form(_t.LiveAt(k)).ToString() : string.Empty;
        AddFact(FactKind.Negation, negated.Length == 0 ? form.ToString() : form.ToString() + " " + negated, j, negated.Length == 0 ? j : k);
        return true;
    }

    private bool ErrorNumberFact(int j)
    {
        if (WordIs(j, "code") && IsCitedSection(j + 1))
        {
            // "15 U.S. Code 1681" is a law's section, not error 1681.
            return false;
        }

        // "code 15 USC 1681g" is a citation's title, "code 3 hours" a duration.
        if (TryErrorNumber(j + 1, out var code, out var last) && !IsCitationTitle(last) && !DurationUnitsLookup.ContainsKey(WordSpan(last + 1)))
        {
            AddFact(FactKind.ErrorCode, "error " + code, j, last);
            return true;
        }

        return false;
    }

    private bool HttpStatusFact(int j)
    {
        if (TryNumber(j + 1, out var status) && status is >= 100 and <= 599 && _t.LiveAt(j + 1).Kind == TokenKind.Number)
        {
            AddFact(FactKind.ErrorCode, "HTTP " + status.ToString(CultureInfo.InvariantCulture), j, j + 1);
            return true;
        }

        return false;
    }

    private bool ReferenceNumberFact(int j)
    {
        var k = j + 1;
        if (WordSpan(k) is "number" or "no" or "nr" or "id")
        {
            k++;
        }

        if (k < _t.Live.Count && _t.LiveAt(k).Kind == TokenKind.Number && _t.Form(_t.LiveAt(k)) is { Length: >= 3 } digits
            && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            AddFact(FactKind.Reference, "#" + digits.ToString(), j, k);
            return true;
        }

        return false;
    }

    /// <summary>"EUR 1,250.00", "usd 40": an ISO currency code, then the amount.</summary>
    private bool CurrencyAmountFact(int j, ReadOnlySpan<char> form)
    {
        if (IsCurrencyCode(form) && j + 1 < _t.Live.Count && _t.LiveAt(j + 1).Kind == TokenKind.Number && TryAmountNumber(_t.Form(_t.LiveAt(j + 1)), out _))
        {
            AddFact(FactKind.Amount, AmountValue(form, _t.Form(_t.LiveAt(j + 1))), j, j + 1);
            return true;
        }

        return false;
    }

    private bool MonthDateFact(int j, ReadOnlySpan<char> form, DateOnly? reference)
    {
        if (!MonthsLookup.TryGetValue(form, out var month) || form.Length < 3)
        {
            return false;
        }

        if (TryDay(j + 1, out var day))
        {
            AddDate(j, j + 1, month, day, reference);
            return true;
        }

        var y = WordIs(j + 1, "of") ? j + 2 : j + 1;
        if (form.Length > 3 && IsYear(y, out var year))
        {
            AddFact(FactKind.Date, $"{year:0000}-{month:00}", j, y);
            return true;
        }

        return false;
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
        if (WordSpan(k) is "last")
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
        // The date after "since" is a date fact of its own too.
        var taken = _takenThrough;
        AddFact(FactKind.Duration, value, j, Math.Min(k, _t.Live.Count - 1));
        _takenThrough = taken;
    }

    /// <summary>"the whole team", "all of our staff", "the entire company": the scope of the people affected.</summary>
    private void ScopeFact(int j, ReadOnlySpan<char> form)
    {
        var k = j + 1;
        if (WordSpan(k) is "the" or "our" or "my" or "of")
        {
            k++;
            if (WordSpan(k) is "the" or "our")
            {
                k++;
            }
        }

        if (Word(k) is { } noun && ScopeNouns.TryGetValue(noun, out var scope)
            && !(form.SequenceEqual("all") && scope == "team" && noun != "team"))
        {
            AddFact(FactKind.PeopleAffected, scope, j, k, new() { Scope = scope == "team" ? ImpactLevel.Team : ImpactLevel.Organization });
        }
    }

    private void AddOccurrence(int count, int first, int last)
    {
        var value = count.ToString(CultureInfo.InvariantCulture);
        var k = last + 1;
        if (WordSpan(k) is "this" && WordSpan(k + 1) is "week" or "month" or "morning" or "year" or "afternoon")
        {
            value += " this " + Word(k + 1);
            last = k + 1;
        }
        else if (WordSpan(k) is "today" or "yesterday")
        {
            value += " " + Word(k);
            last = k;
        }
        else if (WordIs(k, "in") && (WordIs(k + 1, "a") && WordIs(k + 2, "row")))
        {
            value += " in a row";
            last = k + 2;
        }

        AddFact(FactKind.Occurrence, value, first, last, new() { Count = count });
    }

    private static string AmountValue(char symbol, ReadOnlySpan<char> number) => AmountValue(CurrencyOfSign(symbol) ?? "USD", number);

    /// <summary>The ISO code of a currency sign ('€' EUR, '£' GBP, '$' USD), or null.</summary>
    private static string? CurrencyOfSign(char sign) => sign switch
    {
        '€' => "EUR",
        '£' => "GBP",
        '$' => "USD",
        _ => null,
    };

    /// <summary>"GBP 40.00": the currency's ISO code in capitals and the amount with two decimals (as written when it does not parse).</summary>
    private static string AmountValue(ReadOnlySpan<char> currency, ReadOnlySpan<char> number)
    {
        Span<char> code = stackalloc char[3];
        var upper = currency.Length == 3 && currency.ToUpperInvariant(code) == 3 ? code : currency;
        return TryAmountNumber(number, out var value)
            ? string.Concat(upper, " ", value.ToString("0.00", CultureInfo.InvariantCulture))
            : string.Concat(upper, " ", number);
    }

    /// <summary>
    /// Reads an amount: "1,250.00" and "40" as <see cref="Patterns.TryParseNumber"/> does, and the European "1.250,00"
    /// and "250,00" (dots part the thousands, a comma then one or two digits the decimals) as 1250.00 and 250.00; a
    /// comma then three digits parts thousands ("1,250").
    /// </summary>
    internal static bool TryAmountNumber(ReadOnlySpan<char> number, out decimal value)
    {
        var comma = number.LastIndexOf(',');
        var dot = number.LastIndexOf('.');
        if (comma > dot && number.Length - comma - 1 is 1 or 2 && !number[(comma + 1)..].ContainsAnyExceptInRange('0', '9'))
        {
            Span<char> buffer = stackalloc char[Math.Min(number.Length, 64)];
            var n = 0;
            foreach (var c in number)
            {
                if (c == '.')
                {
                    continue;
                }

                if (n == buffer.Length)
                {
                    value = 0;
                    return false;
                }

                buffer[n++] = c == ',' ? '.' : c;
            }

            return decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        return Patterns.TryParseNumber(number, out value);
    }

    /// <summary>Whether a form is an ISO 4217 currency code the extractor reads ("EUR", "usd").</summary>
    private static bool IsCurrencyCode(ReadOnlySpan<char> form)
    {
        Span<char> lower = stackalloc char[3];
        return form.Length == 3 && form.ToLowerInvariant(lower) == 3 && CurrencyCodesLookup.Contains(lower);
    }

    /// <summary>
    /// The currency sign written apart from number <paramref name="j"/>: after it ("1.250,00 €", "40 £"; no digit after
    /// the sign) or alone before it ("€ 40", "$ 40"; white space before the sign), white space between.
    /// </summary>
    private string? SignBeside(int j)
    {
        ref var t = ref _t.LiveAt(j);
        var chars = _text.Chars;
        var after = t.End;
        while (after < _text.Length && chars[after] == ' ')
        {
            after++;
        }

        if (after < _text.Length && chars[after] is '€' or '£' && !(after + 1 < _text.Length && char.IsAsciiDigit(chars[after + 1])))
        {
            return CurrencyOfSign(chars[after]);
        }

        var before = t.Start - 1;
        while (before >= 0 && chars[before] == ' ')
        {
            before--;
        }

        return before >= 0 && before < t.Start - 1 && (before == 0 || char.IsWhiteSpace(chars[before - 1])) ? CurrencyOfSign(chars[before]) : null;
    }

    /// <summary>Whether a live token from <paramref name="from"/> to <paramref name="to"/> is a number or an amount.</summary>
    private bool NumberWithin(int from, int to)
    {
        for (var k = Math.Max(from, 0); k <= to && k < _t.Live.Count; k++)
        {
            if (_t.LiveAt(k).Kind is TokenKind.Number or TokenKind.Amount)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether live token <paramref name="j"/> is a 4-digit year (1900-2199).</summary>
    private bool IsYear(int j, out int year)
    {
        year = 0;
        if (j < 0 || j >= _t.Live.Count || _t.LiveAt(j).Kind != TokenKind.Number || _t.Form(_t.LiveAt(j)) is not { Length: 4 } digits
            || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        year = int.Parse(digits, CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 2199;
    }

    /// <summary>Whether live token <paramref name="j"/> is a number, or a section such as "1681s-2", "1026.13".</summary>
    private bool IsNumberLike(int j) =>
        j >= 0 && j < _t.Live.Count && _t.LiveAt(j).Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.Duration or TokenKind.Date
        && char.IsAsciiDigit(_t.Form(_t.LiveAt(j))[0]);

    /// <summary>Whether a form is a mark of a legal citation written before the section ("U.S.C.", "USC", "CFR").</summary>
    private static bool IsCitationMark(ReadOnlySpan<char> form)
    {
        Span<char> folded = stackalloc char[8];
        return Fold(form, folded) is "usc" or "cfr" or "ucc";
    }

    /// <summary>Lower case without dots ("U.S.C." is "usc"); empty when longer than the buffer.</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> form, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in form)
        {
            if (c == '.')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return default;
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return buffer[..n];
    }

    /// <summary>
    /// Whether the number at live token <paramref name="j"/> is a section a law is cited by: after "§", "section",
    /// "sec", "U.S.C.", "USC", "CFR", or "Code" after "U.S." or "United States" ("15 U.S. Code 1681", "§ 1681i").
    /// </summary>
    private bool IsCitedSection(int j)
    {
        if (j < 0 || j >= _t.Live.Count)
        {
            return false;
        }

        var i = _t.LiveAt(j).Start - 1;
        while (i >= 0 && _text.Chars[i] == ' ')
        {
            i--;
        }

        if (i >= 0 && _text.Chars[i] == '§')
        {
            return true;
        }

        Span<char> buffer = stackalloc char[8];
        var before = j >= 1 ? Fold(_t.Form(_t.LiveAt(j - 1)), buffer) : default;
        if (before is "section" or "sections" or "sec" or "usc" or "cfr" or "ucc")
        {
            return true;
        }

        if (before is "code" && j >= 2)
        {
            Span<char> buffer2 = stackalloc char[8];
            return Fold(_t.Form(_t.LiveAt(j - 2)), buffer2) is "us" or "usc" or "states" or "uscode";
        }

        return false;
    }

    /// <summary>Whether the number at live token <paramref name="j"/> is the title of a cited law: one or two digits, then "U.S.C.", "U.S. Code", "CFR", "United States Code" ("code 15 USC 1681g").</summary>
    private bool IsCitationTitle(int j)
    {
        // Titles of the U.S. Code and the CFR are numbered 1 to 54 and 1 to 50: an error code has more digits.
        if (j + 1 >= _t.Live.Count || _t.Form(_t.LiveAt(j)).Length > 2)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[8];
        return Fold(_t.Form(_t.LiveAt(j + 1)), buffer) is "usc" or "us" or "cfr" or "ucc" or "united";
    }

    /// <summary>"in XXXX of 2023", "XXXX 2023", "XXXX XX, 2023": a redacted month (and day) and a year (the redacted parts are XX, as "XX/XX/2019" gives 2019-XX-XX).</summary>
    private void RedactedMonthFact(int j, ReadOnlySpan<char> form)
    {
        if (form.Length is < 2 or > 4 || form.ContainsAnyExcept('X', 'x'))
        {
            return;
        }

        var k = j + 1;
        var day = false;
        if (k < _t.Live.Count && _t.LiveAt(k).Kind == TokenKind.Redaction && _t.Form(_t.LiveAt(k)) is { Length: 2 } d && !d.ContainsAnyExcept('X', 'x'))
        {
            day = true;
            k++;
        }
        else if (WordIs(k, "of"))
        {
            k++;
        }

        if (IsYear(k, out var year))
        {
            AddFact(FactKind.Date, year.ToString("0000", CultureInfo.InvariantCulture) + (day ? "-XX-XX" : "-XX"), j, k);
        }
    }

    /// <summary>
    /// A duration read back from its unit ("days"): fillers ("whole", "business", "working", "calendar"), then a
    /// number, a number word, a range ("5-7", "5 to 7", "5–7", "2 or 3", "between 5 and 7") or "a"/"an" after a qualifier, then the
    /// qualifier ("within", "over", "more than", "about", "almost"). Written ISO 8601 as the compact durations are, the
    /// qualifier before it as people affected write theirs: "within P5D to P7D business", "over P1M", "PT24H to PT48H".
    /// Business and working days are "business"; calendar, whole and full days are days.
    /// </summary>
    private bool DurationFact(int u, ReadOnlySpan<char> unitForm)
    {
        if (!DurationUnitsLookup.TryGetValue(unitForm, out var unit))
        {
            return false;
        }

        var k = u - 1;
        var business = false;
        for (var fillers = 0; fillers < 2 && k >= 0 && DurationFillersLookup.Contains(WordSpan(k)); fillers++, k--)
        {
            business |= WordSpan(k) is "business" or "working";
        }

        if (k < 0)
        {
            return false;
        }

        decimal low, high;
        var first = k;
        var article = false;
        var kind = _t.LiveAt(k).Kind;
        if (kind == TokenKind.Identifier)
        {
            if (!TryRange(_t.Form(_t.LiveAt(k)), out low, out high))
            {
                return false;
            }
        }
        else if (TryNumber(k, out high))
        {
            low = high;
            if (k >= 2 && WordSpan(k - 1) is "to" or "or" && TryNumber(k - 2, out var from) && from < high)
            {
                (low, first) = (from, k - 2);
            }
            else if (k >= 1 && _t.LiveAt(k - 1).Kind == TokenKind.Number && DashBetween(k - 1, k) && TryNumber(k - 1, out from) && from < high)
            {
                (low, first) = (from, k - 1);
            }
            else if (k >= 3 && WordIs(k - 1, "and") && WordIs(k - 3, "between") && TryNumber(k - 2, out from) && from < high)
            {
                (low, first) = (from, k - 3);
            }
        }
        else if (WordSpan(k) is "a" or "an" && WordIs(k - 1, "half"))
        {
            // "half an hour".
            (low, high, first) = (0.5m, 0.5m, k - 1);
        }
        else if (WordSpan(k) is "a" or "an")
        {
            (low, high, article) = (1, 1, true);
        }
        else if (WordSpan(k) is "half" && WordIs(k - 1, "a") && WordIs(k - 2, "and") && TryNumber(k - 3, out var whole))
        {
            // "two and a half hours", "an hour and a half" aside.
            (low, high, first) = (whole + 0.5m, whole + 0.5m, k - 3);
        }
        else
        {
            return false;
        }

        if (IsCitedSection(first))
        {
            return false;
        }

        var qualifier = string.Empty;
        if (first >= 2 && WordSpan(first - 1) is "than" && WordSpan(first - 2) is "more" or "less" or "fewer")
        {
            qualifier = Word(first - 2) + " than ";
            first -= 2;
        }
        else if (first >= 2 && (WordIs(first - 2, "at") && WordSpan(first - 1) is "least" or "most" || WordIs(first - 2, "up") && WordIs(first - 1, "to")))
        {
            qualifier = Word(first - 2) + " " + Word(first - 1) + " ";
            first -= 2;
        }
        else if (first >= 1 && WordSpan(first - 1) is "over" or "about" or "around" or "nearly" or "almost" or "approximately" or "roughly" or "within" or "under")
        {
            qualifier = Word(first - 1) + " ";
            first--;
        }
        else if (article && (unitForm is "second" || (first >= 1 && (WordSpan(first - 1) is "once" or "twice" or "thrice" or "times" or "time" or "per" or "every" or "it"
            || NumberWithin(first - 3, first - 1)))))
        {
            // "once a month", "twice a day", "3 phone calls a day", "$50 a month" are rates, not durations ("call it a
            // day" an idiom, "a second card" an ordinal); "an hour on hold", "a week later" are durations.
            return false;
        }

        var value = qualifier + Iso(low, unit) + (low == high ? string.Empty : " to " + Iso(high, unit)) + (business ? " business" : string.Empty);
        AddFact(FactKind.Duration, value, first, u);
        return true;

        static string Iso(decimal n, char unit)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            return unit switch
            {
                's' => $"PT{number}S",
                'm' => $"PT{number}M",
                'h' => $"PT{number}H",
                _ => $"P{number}{unit}",
            };
        }
    }

    /// <summary>"5-7", "24-48", "5–7": a range of whole numbers, the first below the second.</summary>
    private static bool TryRange(ReadOnlySpan<char> form, out decimal low, out decimal high)
    {
        low = high = 0;
        var dash = form.IndexOfAny('-', '–');
        return dash > 0 && dash <= 5 && form.Length - dash - 1 is >= 1 and <= 5
            && !form[..dash].ContainsAnyExceptInRange('0', '9') && !form[(dash + 1)..].ContainsAnyExceptInRange('0', '9')
            && decimal.TryParse(form[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out low)
            && decimal.TryParse(form[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out high) && low < high;
    }

    /// <summary>Whether only a dash ("-", "–", "—") and white space part live tokens <paramref name="a"/> and <paramref name="b"/> in the text.</summary>
    private bool DashBetween(int a, int b)
    {
        var from = _t.LiveAt(a).End;
        var to = _t.LiveAt(b).Start;
        var dashes = 0;
        for (var i = from; i < to && i < _text.Length; i++)
        {
            var c = _text.Chars[i];
            if (c is '-' or '–' or '—')
            {
                dashes++;
            }
            else if (c != ' ')
            {
                return false;
            }
        }

        return dashes == 1;
    }

    /// <summary>"card ending in 5678", "account ends with 1234": the last digits the masker leaves (two to four), with the card or account they end (named within three words before).</summary>
    private bool EndingDigitsFact(int j)
    {
        var k = WordSpan(j + 1) is "in" or "with" ? j + 2 : j + 1;
        if (!TryLastDigits(k, out var digits))
        {
            return false;
        }

        string? noun = null;
        for (var b = j - 1; b >= Math.Max(0, j - 3) && noun is null; b--)
        {
            noun = DigitsOwner(WordSpan(b));
        }

        if (noun is null)
        {
            // "a story ending in 1999": only a card's or an account's ending is a reference.
            return false;
        }

        AddFact(FactKind.Reference, noun + " ending " + digits, j, k);
        return true;
    }

    /// <summary>"the last four digits 5678 of my card", "last 4 digits of the account are 9012".</summary>
    private bool LastDigitsFact(int j)
    {
        var first = WordIs(j - 2, "last") && WordSpan(j - 1) is "four" or "4" or "two" or "2" ? j - 2
            : WordIs(j - 1, "last") ? j - 1 : -1;
        if (first < 0)
        {
            return false;
        }

        string? noun = null;
        string? digits = null;
        var last = j;
        for (var k = j + 1; k < Math.Min(_t.Live.Count, j + 9) && (digits is null || noun is null); k++)
        {
            if (digits is null && TryLastDigits(k, out var d))
            {
                (digits, last) = (d, k);
            }
            else if (DigitsOwner(WordSpan(k)) is { } owner)
            {
                noun ??= owner;
                last = Math.Max(last, digits is null ? k : last);
            }
            else if (_t.LiveAt(k).Kind != TokenKind.Word || !DigitsGlueLookup.Contains(WordSpan(k)))
            {
                break;
            }
        }

        if (digits is null)
        {
            return false;
        }

        AddFact(FactKind.Reference, (noun is null ? string.Empty : noun + " ") + "ending " + digits, first, last);
        return true;
    }

    /// <summary>Whether live token <paramref name="k"/> is two to four digits (what the masker leaves of a card or account).</summary>
    private bool TryLastDigits(int k, out string digits)
    {
        digits = string.Empty;
        if (k < 0 || k >= _t.Live.Count || _t.LiveAt(k).Kind != TokenKind.Number || _t.Form(_t.LiveAt(k)) is not { Length: >= 2 and <= 4 } form
            || form.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        digits = form.ToString();
        return true;
    }

    /// <summary>"card" for a card's words, "account" for an account's, null for others.</summary>
    private static string? DigitsOwner(ReadOnlySpan<char> word) => word switch
    {
        "card" or "debit" or "credit" or "visa" or "mastercard" or "amex" => "card",
        "account" or "acct" or "checking" or "savings" => "account",
        _ => null,
    };

    private static string DateValue(int year, int month, int day) =>
        (year < 0 ? "XXXX" : year.ToString("0000", CultureInfo.InvariantCulture)) + "-"
        + (month < 0 ? "XX" : month.ToString("00", CultureInfo.InvariantCulture)) + "-"
        + (day < 0 ? "XX" : day.ToString("00", CultureInfo.InvariantCulture));

    private void AddFact(FactKind kind, string value, int firstLive, int lastLive, FactPayload payload = default)
    {
        if (kind != FactKind.Negation)
        {
            // The words a fact took start no other: a negation's word may ("no error 404").
            _takenThrough = Math.Max(_takenThrough, lastLive);
        }

        ref var first = ref _t.Items[_t.Live[firstLive]];
        ref var last = ref _t.Items[_t.Live[Math.Max(firstLive, lastLive)]];
        var start = _text.OriginOf(first.Start);
        var endIndex = Math.Max(last.End - 1, last.Start);
        var end = endIndex < _text.Length ? _text.OriginOf(endIndex) + 1 : start;
        if (end < _original.Length && end > 0 && char.IsHighSurrogate(_original[end - 1]) && char.IsLowSurrogate(_original[end]))
        {
            end++;
        }

        _facts.Add(new Fact(new ComplaintFact(kind, value, start, Math.Max(0, end - start)), payload));
    }

    // ---- impact and recurrence -------------------------------------------------------------------------------------

    /// <summary>The widest impact the people-affected facts state: a number from <paramref name="organizationThreshold"/> up, or the whole organisation, is the organisation; two or more ("more than one") a team.</summary>
    public ImpactLevel DeriveImpact(int organizationThreshold)
    {
        var impact = ImpactLevel.Individual;
        foreach (var (fact, payload) in _facts)
        {
            if (fact.Kind != FactKind.PeopleAffected)
            {
                continue;
            }

            var level = payload switch
            {
                { Scope: { } scope } => scope,
                { People: { } n } => n >= organizationThreshold ? ImpactLevel.Organization : n >= 2 || payload.MoreThan ? ImpactLevel.Team : ImpactLevel.Individual,
                _ => ImpactLevel.Individual,
            };
            impact = level > impact ? level : impact;
        }

        return impact;
    }

    /// <summary>Whether the problem recurs (an occurrence fact, with no count or a count of two or more), and the largest count stated.</summary>
    public RecurrenceSignal DeriveRecurrence()
    {
        var recurring = false;
        int? count = null;
        foreach (var (fact, payload) in _facts)
        {
            if (fact.Kind != FactKind.Occurrence)
            {
                continue;
            }

            recurring = true;
            if (payload.Count is { } n)
            {
                count = Math.Max(count ?? 0, n);
            }
        }

        return new RecurrenceSignal(recurring && (count is null or >= 2), count);
    }
}

/// <summary>What later stages read of a fact, typed when it is found, so that none parses the fact's text again.</summary>
internal readonly record struct FactPayload
{
    /// <summary>Gets the count an occurrence states ("3rd time", "twice"); null for "again".</summary>
    public int? Count { get; init; }

    /// <summary>Gets the number of people affected a people-affected fact states ("more than 20 users" is 20).</summary>
    public decimal? People { get; init; }

    /// <summary>Gets whether the number is a floor ("more than 20").</summary>
    public bool MoreThan { get; init; }

    /// <summary>Gets the scope a people-affected fact names instead of a number ("the whole team", "everyone").</summary>
    public ImpactLevel? Scope { get; init; }
}

/// <summary>A fact found, and its typed payload.</summary>
/// <param name="Record">The fact as the record shows it.</param>
/// <param name="Payload">What impact, recurrence and the key read of it.</param>
internal readonly record struct Fact(ComplaintFact Record, FactPayload Payload);
