namespace ServiceQuality.Normalization;

internal sealed partial class NormalizerRun
{
    /// <summary>The live indices of the words that are evidence of an area or start an area phrase.</summary>
    private readonly List<int> _areaCandidates = [];

    /// <summary>The evidence of the service areas found so far: area index and term, in the order they were found.</summary>
    private readonly List<(int Area, string Term)> _evidence = [];
    private readonly HashSet<(int Area, string Term)> _evidenceSeen = [];
    private int[] _evidenceCounts = [];

    /// <summary>
    /// One pass over the final tokens: writes the canonical text, gathers the live tokens (kept, not
    /// punctuation), fingerprints them and notes those that can start a fact or be evidence of a service area.
    /// </summary>
    private void GatherTokens()
    {
        var live = _t.Live;
        live.Clear();
        _areaCandidates.Clear();
        _factExtractor.Begin();
        _writer.Begin(_t);
        _fingerprinter.Begin(_t);
        for (var i = 0; i < _t.Count; i++)
        {
            _writer.Append(i);
            ref var t = ref _t.Items[i];
            if (!t.Dropped && t.Kind is not TokenKind.Merged and not TokenKind.Punctuation)
            {
                _factExtractor.Note(live.Count, t);
                if (t.Kind == TokenKind.Word && (t.Flags & (Lexicons.WordFlags.AreaPhraseStart | Lexicons.WordFlags.AreaTerm)) != 0)
                {
                    _areaCandidates.Add(live.Count);
                }

                live.Add(i);
                _fingerprinter.Add(t);
            }
        }
    }

    // ---- areas, impact, recurrence ---------------------------------------------------------------------------------

    private ServiceAreaMatch[] ClassifyAreas()
    {
        var categories = _lex.Categories;
        var evidence = _evidence;
        evidence.Clear();
        _evidenceSeen.Clear();
        foreach (var j in _areaCandidates)
        {
            // The token's flags say what to look for, so that the lexicon entry (a cache miss) is read only for the
            // words that are evidence themselves.
            ref var t = ref _t.Items[_t.Live[j]];
            if (t.Entry == 0)
            {
                continue;
            }

            var form = _t.Form(t);
            var phrases = (t.Flags & Lexicons.WordFlags.AreaPhraseStart) != 0 && _lex.AreaPhrases.TryGetValue(form, out var found) ? found : [];
            foreach (var phrase in phrases)
            {
                if (j + phrase.Words.Length <= _t.Live.Count)
                {
                    var match = true;
                    for (var w = 1; w < phrase.Words.Length && match; w++)
                    {
                        match = _t.Form(_t.Items[_t.Live[j + w]]).SequenceEqual(phrase.Words[w]);
                    }

                    if (match)
                    {
                        AddEvidence(phrase.Area, phrase.Canonical);
                    }
                }
            }

            if ((t.Flags & Lexicons.WordFlags.AreaTerm) != 0 && _lex.Words[t.Entry - 1] is { Areas: { } areas } entry)
            {
                foreach (var area in areas)
                {
                    // The form is the entry's word: its string is taken rather than a new one made.
                    AddEvidence(area, form.SequenceEqual(entry.Word) ? entry.Word : form.ToString());
                }
            }
        }

        foreach (var (fact, payload) in _factExtractor.Facts)
        {
            // An amount alone is not cost-effectiveness ("a wire of $100,000 was lost"): a cost word is. A count of
            // occurrences ("the third time") is first-time-fix evidence; "again" alone is not.
            if (fact.Kind == FactKind.Occurrence && payload.Count is not null)
            {
                AddEvidence(Array.IndexOf(categories, ServiceAreas.FirstTimeFix), "occurrence " + fact.Value);
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

            result[next++] = new ServiceAreaMatch(categories[a], terms);
        }

        return result;
    }

    /// <summary>Adds a term to the evidence of an area, once (a set, so that any number of distinct terms costs linear time).</summary>
    private void AddEvidence(int area, string term)
    {
        if (_evidenceSeen.Add((area, term)))
        {
            _evidence.Add((area, term));
        }
    }

    // ---- key and fingerprint ---------------------------------------------------------------------------------------

}
