using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ServiceQuality.Normalization;

internal sealed partial class NormalizerRun
{
    /// <summary>Words left out of the fingerprint (flagged in the lexicon table).</summary>
    internal static readonly string[] StopWords =
    [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "be", "been",
        "it", "its", "this", "that", "i", "my", "me", "we", "our", "you", "your", "they", "their", "he", "she", "his", "her",
        "as", "by", "from", "has", "have", "had", "do", "does", "did", "so", "if", "then", "there", "these", "those", "am",
    ];

    private readonly List<ulong> _keyParts = [];

    /// <summary>The evidence of the service areas found so far: area index and term, in the order they were found.</summary>
    private readonly List<(int Area, string Term)> _evidence = [];
    private readonly HashSet<(int Area, string Term)> _evidenceSeen = [];
    private int[] _evidenceCounts = [];

    /// <summary>The weight of each area's evidence (<see cref="ClassifyAreas"/>).</summary>
    private double[] _areaWeights = [];

    /// <summary>The fingerprint's feature hashes, in the order of the text (each kept word, and each pair of consecutive ones).</summary>
    private ulong[] _features = new ulong[256];

    /// <summary>The fingerprint's count of features for each bit.</summary>
    private readonly int[] _featureOnes = new int[64];
    private bool _pendingSpace;

    /// <summary>The last question <see cref="NextStartsSentence"/> answered: from which token, the token that decided, the answer.</summary>
    private int _sentenceProbeFrom = -1;
    private int _sentenceProbe = -1;
    private bool _sentenceProbeResult;

    private void BeginCanonicalText()
    {
        // Room for everything at once, so no append needs to grow the buffer: each append (a form or a punctuation
        // mark) adds at most one space before it; forms come from the forms buffer, marks from the text (a run of
        // ! ? becomes at most one full stop).
        // And room for a whole block of FormBlock characters after any form and after the text written, for AppendForm.
        var bound = _formLength + (2 * _text.Length) + _tokenCount + FormBlock + 16;
        if (_out.Length < bound)
        {
            _out = new char[Math.Max(bound, _out.Length * 2)];
        }

        EnsureForms(FormBlock);

        _outLength = 0;
        _pendingSpace = false;
        (_sentenceProbeFrom, _sentenceProbe) = (-1, -1);
    }

    /// <summary>Appends token <paramref name="i"/> to the canonical text, with its punctuation.</summary>
    private void AppendCanonicalText(int i)
    {
        var text = _text.Chars;
        ref var t = ref _tokens[i];
        if (t.Kind == TokenKind.Merged)
        {
            return;
        }

        if (t.Dropped)
        {
            if (_outLength > 0 && !t.DropPunctuation)
            {
                _pendingSpace = false;
                AppendPunctuation(text[t.End..t.ChunkEnd], false);
            }

            return;
        }

        _pendingSpace = true;
        if (t.Kind == TokenKind.Punctuation)
        {
            // A run standing alone ("$500 !!! Next") ends the sentence at the word before; one split off a word only
            // by a change of script ("冬?붏") is placed as a full stop there would be.
            var adjacent = i > 0 && _tokens[i - 1].ChunkEnd == t.ChunkStart;
            AppendPunctuation(text[t.ChunkStart..t.ChunkEnd], _outLength > 0 && NextStartsSentence(i), attachStop: !adjacent);
            return;
        }

        if (t.ChunkStart < t.Start)
        {
            AppendPunctuation(text[t.ChunkStart..t.Start], false);
        }

        AppendForm(t);
        if (t.End < t.ChunkEnd)
        {
            AppendPunctuation(text[t.End..t.ChunkEnd], NextStartsSentence(i));
        }
    }

    private string EndCanonicalText()
    {
        _pendingSpace = false;

        // The text's last sentence ends the same way however it was ended: "down.", "down!!!" and "down" are "down".
        // (No form ends with a full stop: a token's trailing dots are its punctuation.)
        while (_outLength > 0 && _out[_outLength - 1] is '.' or ' ')
        {
            _outLength--;
        }

        return new string(_out, 0, _outLength);
    }

    /// <summary>Characters that <see cref="AppendForm(in Token)"/> moves at once.</summary>
    private const int FormBlock = 16;

    /// <summary>Appends a token's form, after the pending space.</summary>
    private void AppendForm(in Token t)
    {
        var count = t.FormLength;
        if (count == 0)
        {
            return;
        }

        var output = _out;
        var length = _outLength;
        if (_pendingSpace && length > 0)
        {
            output[length++] = ' ';
        }

        _pendingSpace = false;
        if (count <= FormBlock)
        {
            // Most forms are short words: a whole block is moved, whatever the length (the forms and the output have
            // room for one after any form), so that no branch depends on it.
            var source = MemoryMarshal.AsBytes(_forms.AsSpan(t.FormStart, FormBlock));
            var destination = MemoryMarshal.AsBytes(output.AsSpan(length, FormBlock));
            Vector128.Create<byte>(source).CopyTo(destination);
            Vector128.Create<byte>(source[16..]).CopyTo(destination[16..]);
        }
        else
        {
            Form(t).CopyTo(output.AsSpan(length));
        }

        _outLength = length + count;
    }

    /// <summary>Appends one character (a punctuation mark), after the pending space.</summary>
    private void AppendOut(char c)
    {
        if (_outLength == 0 && c == '>')
        {
            // A text starting with '>' is a quoted reply: the canonical text never starts with one, so that normalizing
            // it again does not take it for a quote ("damn > 5 users").
            return;
        }

        // After Han, kana or Hangul other punctuation is a chunk of its own, so spaced, as it is when normalized again.
        if (_outLength > 0 && (_pendingSpace || (IsCjk(_out[_outLength - 1]) && !IsCjk(c))))
        {
            _out[_outLength++] = ' ';
        }

        _pendingSpace = false;
        _out[_outLength++] = c;
    }

    /// <summary>
    /// Whether the token after token <paramref name="i"/> starts a sentence: anything but a word written with a
    /// lower-case initial ("down!!! Ticket 4", "down!!! TICKET 4", "week!!! 3 users", but not "down!!! slow"; dropped
    /// tokens skipped, but a dropped capitalised sentence such as "This is a joke." counts). Not at the end of the
    /// text. A <c>! ? ‽</c> run before it ends the sentence like a full stop.
    /// </summary>
    private bool NextStartsSentence(int i)
    {
        // The answer depends on the first token after i that the loop below stops at; the canonical text is written
        // in order, so a later question from before that token has the same answer (linear, however long a run of
        // punctuation or dropped tokens is).
        if (i >= _sentenceProbeFrom && i < _sentenceProbe)
        {
            return _sentenceProbeResult;
        }

        _sentenceProbeFrom = i;
        (_sentenceProbe, _sentenceProbeResult) = FindSentenceStart(i);
        return _sentenceProbeResult;
    }

    /// <summary>The token at which <see cref="NextStartsSentence"/> decides, and its answer.</summary>
    private (int Token, bool StartsSentence) FindSentenceStart(int i)
    {
        for (var j = i + 1; j < _tokenCount; j++)
        {
            ref var t = ref _tokens[j];
            var text = _text.Chars;
            if (t.Dropped && t.Kind == TokenKind.Word && t.End - t.Start >= 2 && char.IsUpper(text[t.Start]) && char.IsLower(text[t.Start + 1]))
            {
                // A dropped sentence ("!!! This is a joke.", "!!! Pathetic service.") starts a sentence too.
                return (j, true);
            }

            if (t.Dropped || t.Kind is TokenKind.Merged or TokenKind.Punctuation)
            {
                continue;
            }

            // A word in lower case goes on the sentence ("down!!! again"), unless it opens one ("name!!! i called").
            return (j, !(t.ChunkStart < t.End && char.IsLower(text[t.ChunkStart])) || IsSentenceOpener(t));
        }

        return (_tokenCount, false);
    }

    /// <summary>
    /// Appends punctuation: <c>! ? ‽</c> runs removed (one that ends a sentence, <paramref name="sentenceEnd"/>, becomes
    /// a full stop unless other sentence punctuation follows it), Markdown marks and braces dropped, repeated marks collapsed.
    /// </summary>
    private void AppendPunctuation(ReadOnlySpan<char> punctuation, bool sentenceEnd, bool attachStop = true)
    {
        var inRun = false;

        // Whether sentence punctuation follows a place is whether its last one is after it: found once, not at each run.
        var lastStop = punctuation.LastIndexOfAny(".,;:…");
        for (var i = 0; i < punctuation.Length; i++)
        {
            var c = punctuation[i];
            if (c is '!' or '?' or '‽')
            {
                if (!inRun)
                {
                    _counts.PunctuationRuns++;
                }

                inRun = true;
                if (sentenceEnd && (i + 1 == punctuation.Length || punctuation[i + 1] is not ('!' or '?' or '‽'))
                    && lastStop <= i)
                {
                    if (_outLength == 0 || _out[_outLength - 1] is not ('.' or ',' or ';' or ':'))
                    {
                        // After Han, kana or Hangul a full stop is a chunk of its own, so spaced, as "冬." is.
                        _pendingSpace = (_pendingSpace && !attachStop) || (_outLength > 0 && IsCjk(_out[_outLength - 1]));
                        AppendOut('.');
                    }
                }

                continue;
            }

            inRun = false;
            if (DroppedMarks.Contains(c))
            {
                continue;
            }

            if (_outLength > 0 && _out[_outLength - 1] == c && !_pendingSpace)
            {
                if (i == 0 || punctuation[i - 1] != c)
                {
                    _counts.PunctuationRuns++;
                }

                continue;
            }

            AppendOut(c);
        }
    }

    // ---- areas, impact, recurrence ---------------------------------------------------------------------------------

    /// <summary>How many live words before or after a term its sense's context words are looked for.</summary>
    internal const int SenseWindow = 4;

    /// <summary>
    /// Finds the service areas and weighs each by its evidence: every occurrence of a term adds its cue strength (one
    /// for each of its words, at most three: "no response" says more than "reply") times a position factor, from 1.5
    /// for the first word of the text down to 1 for the last (a complaint states its main problem first); each
    /// occurrence fact adds 1.25 to first-time fix. Positions are those of the canonical text's words, so a tone edit
    /// that leaves the canonical text alone leaves the weights alone.
    /// </summary>
    private ServiceAreaMatch[] ClassifyAreas()
    {
        var categories = _lex.Categories;
        var evidence = _evidence;
        evidence.Clear();
        _evidenceSeen.Clear();
        var weights = _areaWeights.Length >= categories.Length ? _areaWeights : _areaWeights = new double[categories.Length];
        Array.Clear(weights);
        var live = _live.Count;
        foreach (var j in _areaCandidates)
        {
            // The token's flags say what to look for, so that the lexicon entry (a cache miss) is read only for the
            // words that are evidence themselves.
            ref var t = ref _tokens[_live[j]];
            if (t.Entry == 0)
            {
                continue;
            }

            var position = 1.5 - (0.5 * j / live);
            var form = Form(t);
            var phrases = (t.Flags & Lexicons.WordFlags.AreaPhraseStart) != 0 && _lex.AreaPhrases.TryGetValue(form, out var found) ? found : [];

            // A sense taken here ("funds on hold" is no access to money) stands for its term: the term's other areas
            // are not evidence here (not waiting on hold).
            var senses = false;
            foreach (var phrase in phrases)
            {
                if (phrase.Context is not null && PhraseAt(j, phrase) && ContextNear(j, phrase.Words.Length, phrase.Context))
                {
                    senses = true;
                    if (phrase.Area >= 0)
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

        foreach (var fact in _facts)
        {
            // An amount alone is not cost-effectiveness ("a wire of $100,000 was lost"): a cost word is.
            if (fact.Kind == FactKind.Occurrence && fact.Value != "again")
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
        if (j + phrase.Words.Length > _live.Count)
        {
            return false;
        }

        for (var w = 1; w < phrase.Words.Length; w++)
        {
            if (!Form(_tokens[_live[j + w]]).SequenceEqual(phrase.Words[w]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a sense of the term <paramref name="canonical"/> is taken at <paramref name="j"/>.</summary>
    private bool SenseTaken(int j, Lexicons.Phrase[] phrases, string canonical)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Context is not null && phrase.Canonical == canonical && PhraseAt(j, phrase) && ContextNear(j, phrase.Words.Length, phrase.Context))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of the context words is among the <see cref="SenseWindow"/> live words before or after the <paramref name="length"/> words at <paramref name="j"/>.</summary>
    private bool ContextNear(int j, int length, string[] context)
    {
        var from = Math.Max(0, j - SenseWindow);
        var to = Math.Min(_live.Count, j + length + SenseWindow);
        for (var k = from; k < to; k++)
        {
            if (k >= j && k < j + length)
            {
                continue;
            }

            var word = Form(_tokens[_live[k]]);
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

    private ImpactLevel DeriveImpact(int organisationThreshold)
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

    private RecurrenceSignal DeriveRecurrence()
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

    // ---- key and fingerprint ---------------------------------------------------------------------------------------

    /// <summary>
    /// Hashes each part (an area other than first-time fix, or a system, error code or reference prefixed by its kind), sorts the part hashes
    /// and hashes them in order: the key does not depend on the order or repetition of the facts.
    /// </summary>
    private ulong IncidentKey(ServiceAreaMatch[] areas)
    {
        var parts = _keyParts;
        parts.Clear();
        foreach (var area in areas)
        {
            // First-time fix is what the client says of the fix ("yet AGAIN", "still not fixed", "the error came
            // back"): framing that the recurrence field and the areas keep, not what identifies the incident.
            if (area.Area != ServiceAreas.FirstTimeFix)
            {
                parts.Add(Hashing.Accumulate(Hashing.Accumulate(14695981039346656037UL, "a:"), area.Area));
            }
        }

        foreach (var fact in _facts)
        {
            var prefix = fact.Kind switch
            {
                FactKind.System => "s:",
                FactKind.ErrorCode => "e:",
                FactKind.Reference => "r:",
                _ => null,
            };
            if (prefix is not null)
            {
                parts.Add(Hashing.Accumulate(Hashing.Accumulate(14695981039346656037UL, prefix), fact.Value));
            }
        }

        parts.Sort();
        var state = 14695981039346656037UL;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i == 0 || parts[i] != parts[i - 1])
            {
                state = Hashing.Combine(state, parts[i]);
            }
        }

        return Hashing.Mix(state);
    }

    /// <summary>Adds a live token to the fingerprint: its form and the pair it makes with the previous one; stop words are left out.</summary>
    private void AddToFingerprint(ref int features, ref ulong previous, in Token t)
    {
        if (t.FormLength == 0 || (t.Flags & Lexicons.WordFlags.StopWord) != 0)
        {
            return;
        }

        var hash = t.FormHash != 0 ? t.FormHash : Hashing.Hash(Form(t));
        _features[features++] = hash;
        if (previous != 0)
        {
            _features[features++] = Hashing.Combine(previous, hash);
        }

        previous = hash;
    }
}
