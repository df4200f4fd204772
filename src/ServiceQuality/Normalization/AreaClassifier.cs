namespace ServiceQuality.Normalization;

/// <summary>
/// The area classifier: finds the evidence of each service area in the live tokens (single-word terms and phrases of
/// the lexicon, senses taken from their context words, occurrence facts for first-time fix) and weighs it. Only the
/// live words flagged <see cref="Lexicons.WordFlags.AreaTerm"/> or <see cref="Lexicons.WordFlags.AreaPhraseStart"/>
/// are visited, noted in the gathering pass by <see cref="Note"/>. Owns the evidence, the weights and the candidates;
/// reused run after run.
/// </summary>
internal sealed class AreaClassifier
{
    private TokenStream _t = null!;
    private Lexicons _lex = null!;

    /// <summary>Forgets the candidates of the last text.</summary>
    public void Begin() => _areaCandidates.Clear();

    /// <summary>Notes live token <paramref name="live"/> if it is an area term or starts an area phrase.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Note(int live, in Token token)
    {
        if (token.Kind == TokenKind.Word && (token.Flags & (Lexicons.WordFlags.AreaPhraseStart | Lexicons.WordFlags.AreaTerm)) != 0)
        {
            _areaCandidates.Add(live);
        }
    }

    /// <summary>The live indices of the words that are evidence of an area or start an area phrase.</summary>
    private readonly List<int> _areaCandidates = [];

    /// <summary>The evidence of the service areas found so far: area index and term, in the order they were found.</summary>
    private readonly List<(int Area, string Term)> _evidence = [];
    private readonly HashSet<(int Area, string Term)> _evidenceSeen = [];
    private int[] _evidenceCounts = [];

    /// <summary>The weight of each area's evidence (<see cref="Classify"/>).</summary>
    private double[] _areaWeights = [];

    /// <summary>How many live words before or after a term its sense's context words are looked for.</summary>
    internal const int SenseWindow = 4;

    /// <summary>
    /// Finds the service areas and weighs each by its evidence: every occurrence of a term adds its cue strength (one
    /// for each of its words, at most three: "no response" says more than "reply") times a position factor, from 1.5
    /// for the first word of the text down to 1 for the last (a complaint states its main problem first); each
    /// occurrence fact adds 1.25 to first-time fix. Positions are those of the canonical text's words, so a tone edit
    /// that leaves the canonical text alone leaves the weights alone.
    /// </summary>
    public ServiceAreaMatch[] Classify(TokenStream tokens, Lexicons lexicons, List<Fact> facts)
    {
        (_t, _lex) = (tokens, lexicons);
        var categories = _lex.Categories;
        var evidence = _evidence;
        evidence.Clear();
        _evidenceSeen.Clear();
        var weights = _areaWeights.Length >= categories.Length ? _areaWeights : _areaWeights = new double[categories.Length];
        Array.Clear(weights);
        var live = _t.Live.Count;
        foreach (var j in _areaCandidates)
        {
            // The token's flags say what to look for, so that the lexicon entry (a cache miss) is read only for the
            // words that are evidence themselves.
            ref var t = ref _t.Items[_t.Live[j]];
            if (t.Entry == 0)
            {
                continue;
            }

            var position = 1.5 - (0.5 * j / live);
            var form = _t.Form(t);
            var phrases = (t.Flags & Lexicons.WordFlags.AreaPhraseStart) != 0 && _lex.AreaPhrases.TryGetValue(form, out var found) ? found : [];

            // A sense taken here ("funds on hold" is no access to money) stands for its term: the term's other areas
            // are not evidence here (not waiting on hold). A sense of no area, where taken, outweighs the term's other
            // senses: "if you can't provide proof" is a demand, not information refused.
            var senses = false;
            foreach (var phrase in phrases)
            {
                if (phrase.Context is not null && PhraseAt(j, phrase) && ContextNear(j, phrase))
                {
                    senses = true;
                    if (phrase.Area >= 0 && !SenseTaken(j, phrases, phrase.Canonical, noAreaOnly: true))
                    {
                        AddEvidence(phrase.Area, phrase.Canonical, Math.Min(phrase.Words.Length, 3) * position);
                    }
                }
            }

            foreach (var phrase in phrases)
            {
                if (phrase.Context is null && PhraseAt(j, phrase) && !(senses && SenseTaken(j, phrases, phrase.Canonical)))
                {
                    AddEvidence(phrase.Area, phrase.Canonical, Math.Min(phrase.Words.Length, 3) * position);
                }
            }

            if ((t.Flags & Lexicons.WordFlags.AreaTerm) != 0 && _lex.Words[t.Entry - 1] is { Areas: { } areas } entry
                && !(senses && SenseTaken(j, phrases, entry.Word)))
            {
                foreach (var area in areas)
                {
                    // The form is the entry's word: its string is taken rather than a new one made.
                    AddEvidence(area, form.SequenceEqual(entry.Word) ? entry.Word : form.ToString(), position);
                }
            }
        }

        foreach (var (fact, payload) in facts)
        {
            // An amount alone is not cost-effectiveness ("a wire of $100,000 was lost"): a cost word is. A count of
            // occurrences ("the third time") is first-time-fix evidence; "again" alone is not.
            if (fact.Kind == FactKind.Occurrence && payload.Count is not null)
            {
                AddEvidence(Array.IndexOf(categories, ServiceAreas.FirstTimeFix), "occurrence " + fact.Value, 1.25);
            }
        }

        if (evidence.Count == 0)
        {
            return [];
        }

        // Areas in the order of the categories, each with its terms in the order they were found.
        var counts = _evidenceCounts.Length >= categories.Length ? _evidenceCounts : _evidenceCounts = new int[categories.Length];
        Array.Clear(counts);
        var matched = 0;
        foreach (var (area, _) in evidence)
        {
            matched += counts[area]++ == 0 ? 1 : 0;
        }

        var result = new ServiceAreaMatch[matched];
        var next = 0;
        for (var a = 0; a < categories.Length; a++)
        {
            if (counts[a] == 0)
            {
                continue;
            }

            var terms = new string[counts[a]];
            var k = 0;
            foreach (var (area, term) in evidence)
            {
                if (area == a)
                {
                    terms[k++] = term;
                }
            }

            result[next++] = new ServiceAreaMatch(categories[a], terms) { Weight = Math.Round(weights[a], 2, MidpointRounding.AwayFromZero) };
        }

        return result;
    }

    /// <summary>Whether the live words from <paramref name="j"/> on are the words of <paramref name="phrase"/> (its first word is).</summary>
    private bool PhraseAt(int j, Lexicons.Phrase phrase)
    {
        if (j + phrase.Words.Length > _t.Live.Count)
        {
            return false;
        }

        for (var w = 1; w < phrase.Words.Length; w++)
        {
            if (!_t.Form(_t.Items[_t.Live[j + w]]).SequenceEqual(phrase.Words[w]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a sense of the term <paramref name="canonical"/> is taken at <paramref name="j"/> (only a sense of no
    /// area, "-", when <paramref name="noAreaOnly"/>).
    /// </summary>
    private bool SenseTaken(int j, Lexicons.Phrase[] phrases, string canonical, bool noAreaOnly = false)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Context is not null && (!noAreaOnly || phrase.Area < 0) && phrase.Canonical == canonical && PhraseAt(j, phrase) && ContextNear(j, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether one of the sense's context words is among the <see cref="SenseWindow"/> live words before or after its
    /// words at <paramref name="j"/> (before only for a sense whose context comes first, a negation; after only for
    /// one whose context follows).
    /// </summary>
    private bool ContextNear(int j, Lexicons.Phrase sense)
    {
        var (length, context) = (sense.Words.Length, sense.Context!);
        var from = sense.Side > 0 ? j + length : Math.Max(0, j - SenseWindow);
        var to = sense.Side < 0 ? j : Math.Min(_t.Live.Count, j + length + SenseWindow);
        for (var k = from; k < to; k++)
        {
            if (k >= j && k < j + length)
            {
                continue;
            }

            var word = _t.Form(_t.Items[_t.Live[k]]);
            foreach (var c in context)
            {
                if (word.SequenceEqual(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Adds an occurrence's weight to its area, and its term to the area's evidence once (a set, so that any number of
    /// distinct terms costs linear time).
    /// </summary>
    private void AddEvidence(int area, string term, double weight)
    {
        _areaWeights[area] += weight;
        if (_evidenceSeen.Add((area, term)))
        {
            _evidence.Add((area, term));
        }
    }

    // ---- key and fingerprint ---------------------------------------------------------------------------------------
}
