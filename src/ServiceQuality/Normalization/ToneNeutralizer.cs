namespace ServiceQuality.Normalization;

/// <summary>
/// The tone neutraliser. Single tone words (profanity, insults, interjections, emoji) are dropped by the tokenizer
/// from their lexicon flags; this stage, run after personal data is masked and systems are merged, drops multi-word
/// insults ("this is a joke"), intensifiers before a word ("extremely slow"), and tone that spans a sentence: sarcasm ("Thanks for the great service."), threats to leave ("I'm switching
/// providers.") and to tell others ("I will tell everyone I know."), which are removed from the canonical text and
/// recorded (<see cref="ToneSignals"/>, <see cref="NeutralizedCounts.Sarcasm"/>, <see cref="NeutralizedCounts.Threats"/>);
/// the debris an insult leaves ("You people are pathetic." is no sentence without its insult: all of it goes; "you"
/// before "idiots" goes with it); emphatic repetition ("yet again"); and scare quotes (<c>great 'service'</c>). The
/// tokenizer notes the cue words (flagged <see cref="Lexicons.WordFlags.ToneCue"/>) and the insults, so only their
/// sentences are read. Owns the counts it writes, the signals and its sentence buffer; reused run after run.
/// </summary>
internal sealed class ToneNeutralizer
{
    private TokenStream _t = null!;
    private TextBuffer _text = null!;
    private Lexicons _lex = null!;
    private TokenNotes _notes = null!;
    private NeutralizedCountsBuilder _counts;

    /// <summary>Gets the intensifiers and insults the last run dropped.</summary>
    public NeutralizedCountsBuilder Counts => _counts;

    /// <summary>Gets the threats the last run recorded.</summary>
    public ToneSignals Signals => _signals;

    /// <summary>Gets the number of threatening sentences the last run removed.</summary>
    public int Threats => _threats;

    /// <summary>Gets the number of sarcastic sentences the last run removed.</summary>
    public int Sarcasm => _sarcasm;

    /// <summary>
    /// Neutralises the tone of <paramref name="tokens"/> (their personal data masked, their systems merged): drops
    /// multi-word insults and intensifiers, then runs the sentence rules over the sentences holding a cue or an insult
    /// (<paramref name="notes"/>), then leaves out the sentences of frame words only.
    /// </summary>
    public void Run(TokenStream tokens, Lexicons lexicons, TokenNotes notes)
    {
        (_t, _text, _lex, _notes) = (tokens, tokens.Text, lexicons, notes);
        _counts = default;
        _threats = _sarcasm = 0;
        DropInsultPhrases();
        DropIntensifiers();
        notes.Insults.Sort();
        NeutraliseSentences();
    }

    /// <summary>Where the last <see cref="LastKeptBefore"/> query was made, and what it found.</summary>
    private int _keptScanFrom;

    private int _keptScanResult = -1;

    /// <summary>
    /// Drops multi-word insults ("this is a joke", "useless IT department"); one that forms a whole sentence goes with
    /// its sentence punctuation. Emoji, profanity and interjections inside the phrase are skipped.
    /// </summary>
    private void DropInsultPhrases()
    {
        // Only the tokens that can start an insult phrase, noted by the tokenizer, in order; a dropped phrase skips
        // the tokens it takes.
        var resume = 0;
        ResetKeptScan();
        foreach (var i in _notes.InsultStarts)
        {
            if (i < resume)
            {
                continue;
            }

            ref var first = ref _t.Items[i];
            if (first.Kind == TokenKind.Merged || (first.Dropped && !IsDroppedInsult(first)))
            {
                continue;
            }

            if (first.Kind == TokenKind.Word && (first.Flags & Lexicons.WordFlags.InsultPhraseStart) != 0
                && _t.HasNoLead(first) && _lex.InsultPhrases.TryGetValue(_t.Form(first), out var phrases))
            {
                var end = -1;
                foreach (var phrase in phrases)
                {
                    end = MatchInsultPhrase(i, phrase.Words);
                    if (end >= 0)
                    {
                        break;
                    }
                }

                if (end >= 0)
                {
                    var previousKept = LastKeptBefore(i);
                    var text = _text.Chars;
                    var sentenceStart = previousKept < 0 || _t.Items[previousKept].Kind == TokenKind.Punctuation
                        || text[_t.Items[previousKept].End.._t.Items[previousKept].ChunkEnd].ContainsAny(".!?‽;:");
                    var sentenceEnd = text[_t.Items[end].End.._t.Items[end].ChunkEnd].ContainsAny(".!?‽");
                    for (var k = i; k <= end; k++)
                    {
                        ref var t = ref _t.Items[k];
                        t.Dropped = true;
                        t.Insult = true;
                    }

                    _notes.Insults.Add(i);
                    _t.Items[end].DropPunctuation = sentenceStart && sentenceEnd;
                    _counts.Insults++;
                    resume = end + 1;
                }
            }
        }
    }

    /// <summary>
    /// Gets the last token before <paramref name="i"/> that is kept (not dropped, not merged), or -1. A pass asks for
    /// ever larger <paramref name="i"/> (after <see cref="ResetKeptScan"/>) and drops only tokens at or after the one it
    /// asked for, so each query scans back only to the previous one: linear over the pass, however many tokens are
    /// dropped ("really really really ... slow").
    /// </summary>
    private int LastKeptBefore(int i)
    {
        for (var j = i - 1; j >= _keptScanFrom; j--)
        {
            if (!_t.LeavesNoWord(_t.Items[j]))
            {
                (_keptScanFrom, _keptScanResult) = (i, j);
                return j;
            }
        }

        _keptScanFrom = Math.Max(_keptScanFrom, i);
        return _keptScanResult;
    }

    /// <summary>Starts a pass of <see cref="LastKeptBefore"/> queries.</summary>
    private void ResetKeptScan() => (_keptScanFrom, _keptScanResult) = (0, -1);

    private static bool IsDroppedInsult(in Token token) =>
        token.Dropped && (token.Flags & Lexicons.WordFlags.Insult) != 0;

    /// <summary>Returns the index of the last token of the phrase starting at <paramref name="i"/>, or -1.</summary>
    private int MatchInsultPhrase(int i, string[] words)
    {
        var k = i;
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
            {
                // Emoji, profanity and interjections inside the phrase are skipped.
                k++;
                while (k < _t.Count && _t.Items[k].Dropped && !IsDroppedInsult(_t.Items[k]) && _t.Items[k].Kind != TokenKind.Merged)
                {
                    k++;
                }
            }

            if (k >= _t.Count)
            {
                return -1;
            }

            ref var t = ref _t.Items[k];
            var isLast = w == words.Length - 1;
            if (t.Kind != TokenKind.Word || (t.Dropped && !IsDroppedInsult(t)) || !_t.Form(t).SequenceEqual(words[w])
                || (w > 0 && !_t.HasNoLead(t)) || (!isLast && !_t.IsAllTrailFree(t)))
            {
                return -1;
            }
        }

        return k;
    }

    private void DropIntensifiers()
    {
        // Only the intensifiers the tokenizer noted, in order.
        ResetKeptScan();
        foreach (var i in _notes.Intensifiers)
        {
            ref var t = ref _t.Items[i];
            if (t.Dropped || t.Kind == TokenKind.Merged)
            {
                continue;
            }

            var previous = LastKeptBefore(i);
            if (t.Intensifier && (_t.HasNoTrail(t) || _t.TrailVanishes(i)) && (previous < 0 || !FactExtractor.IsNegator(_t.Form(_t.Items[previous]))))
            {
                // The next token the canonical text shows: dropped and merged tokens and chunks of Markdown
                // marks leave nothing there.
                var next = i + 1;
                while (next < _t.Count && _t.LeavesNoWord(_t.Items[next]))
                {
                    next++;
                }

                if (next < _t.Count && _t.Items[next].IsWordLike && _t.HasNoLead(_t.Items[next]))
                {
                    t.Dropped = true;
                    _counts.Intensifiers++;
                }
            }
        }
    }

    /// <summary>
    /// Words that pass judgement and state no fact: a sentence of these and <see cref="VerdictFrame"/> words only is an
    /// exclamation ("Ridiculous!", "Absolutely unacceptable.", "UNBELIEVABLE.", "Seriously?!", "This is not acceptable.").
    /// </summary>
    private static readonly string[] Verdicts =
    [
        "ridiculous", "unacceptable", "unbelievable", "disgraceful", "outrageous", "appalling", "shameful", "disgusting",
        "absurd", "insane", "shocking", "atrocious", "abysmal", "horrendous", "horrible", "terrible", "awful", "dreadful",
        "laughable", "unreal", "crazy", "seriously", "honestly", "really", "typical", "acceptable", "incredible",
    ];

    /// <summary>Praise a sarcastic sentence opens with or stands on ("great job", "what amazing service").</summary>
    private static readonly string[] Praise =
        ["great", "wonderful", "amazing", "excellent", "fantastic", "brilliant", "stellar", "superb", "outstanding", "awesome", "lovely", "marvellous", "marvelous", "fabulous", "terrific"];

    /// <summary>The words the sentence rules start from (each flagged <see cref="Lexicons.WordFlags.ToneCue"/> in the lexicon table).</summary>
    internal static readonly string[] ToneCueWords =
    [
        // Word of mouth.
        "tell", "telling", "warn", "warning", "post", "posting", "share", "sharing", "spread", "spreading",

        // Leaving.
        "switch", "switching", "move", "moving", "leave", "leaving", "cancel", "cancelling", "canceling", "close", "closing",
        "elsewhere", "take", "taking",

        // Sarcasm.
        "thanks", "thank", "good", "nice", "well", "wow", "bravo", "way", "oh", "perfect", .. Praise,

        // Verdicts (Praise and Verdicts are declared above: static fields initialise in order).
        .. Verdicts,

        // Emphatic repetition.
        "yet", "hundredth", "umpteenth", "millionth", "thousandth", "nth", "zillionth", "gazillionth",
    ];

    /// <summary>
    /// Words that carry nothing alone: the frame of an insult ("you people are ___", "what a bunch of ___") and the
    /// like. A sentence of these only is left out of the canonical text, held an insult or not (<see cref="DropFrameOnlySentences"/>);
    /// each is flagged <see cref="Lexicons.WordFlags.Frame"/> in the lexicon table.
    /// </summary>
    internal static readonly string[] FrameWords =
    [
        "you", "you're", "youre", "your", "ur", "u", "people", "guys", "lot", "are", "is", "were", "was", "so", "such", "a", "an",
        "the", "bunch", "of", "total", "complete", "absolute", "utter", "what", "all", "just", "being", "bunch", "it", "that",
        "this", "really", "be", "must", "can", "only", "most", "ever",
    ];

    /// <summary>Words right before an insult that go with it ("..., you idiots", "what a bunch of morons"), from the first of <see cref="InsultLeadStarts"/>.</summary>
    private static readonly string[] InsultLead =
        ["you", "you're", "youre", "ur", "u", "people", "guys", "lot", "bunch", "of", "what", "such", "a", "an", "total", "complete", "absolute", "utter", "so"];

    private static readonly string[] InsultLeadStarts = ["you", "you're", "youre", "ur", "u", "what", "such", "bunch", "total", "complete", "absolute", "utter"];

    private static readonly string[] FirstPerson = ["i", "i'm", "im", "i'll", "ill", "i've", "we", "we're", "we'll", "my", "our"];
    private static readonly string[] Intent = ["will", "i'll", "we'll", "going", "gonna", "i'm", "im", "we're", "am", "are", "shall", "plan", "planning", "about"];
    private static readonly string[] WordOfMouthVerbs = ["tell", "telling", "warn", "warning", "post", "posting", "share", "sharing", "spread", "spreading"];
    private static readonly string[] WordOfMouthAudience =
        ["everyone", "everybody", "friends", "family", "colleagues", "world", "media", "online", "twitter", "facebook", "reddit", "review", "reviews",
            "trustpilot", "yelp", "know", "people", "neighbours", "neighbors", "coworkers", "internet"];

    private static readonly string[] LeaveVerbs = ["switch", "switching", "move", "moving", "leave", "leaving", "cancel", "cancelling", "canceling", "close", "closing", "take", "taking"];
    private static readonly string[] LeaveObjects =
        ["provider", "providers", "supplier", "bank", "banks", "company", "elsewhere", "competitor", "account", "contract", "subscription", "business", "service", "you", "to", "away"];


    /// <summary>The sentence's kept words (forms), reused.</summary>
    private readonly List<int> _sentence = [];

    private ToneSignals _signals;

    /// <summary>The most words a sentence the tone rules drop whole may have.</summary>
    private const int MaxToneSentence = 20;

    /// <summary>Whether <see cref="EndsSentence"/> takes a line break for the end of a sentence (for threats and sarcasm, not for insults).</summary>
    private bool _lineBreaksEndSentences;

    /// <summary>Runs the sentence rules over the sentences that hold a cue or an insult.</summary>
    private void NeutraliseSentences()
    {
        _signals = default;
        _lineBreaksEndSentences = true;
        var done = -1;
        foreach (var i in _notes.ToneCues)
        {
            if (i <= done || _t.Items[i].Kind == TokenKind.Merged)
            {
                continue;
            }

            var (start, end) = SentenceAround(i);
            done = end;
            NeutraliseSentence(start, end);
        }

        done = -1;
        _lineBreaksEndSentences = false;
        foreach (var i in _notes.Insults)
        {
            if (i <= done)
            {
                continue;
            }

            var (start, end) = SentenceAround(i);
            done = end;
            DropInsultDebris(start, end);
        }

        DropFrameOnlySentences();
    }

    /// <summary>
    /// Leaves out every sentence whose kept tokens are all <see cref="FrameWords"/> ("the.", "you people are."), with
    /// its final punctuation: such a sentence says nothing, and is what an insult leaves ("You people are pathetic."),
    /// so it must go whether the insult was there or not (tone invariance: "useless the." and "the." are both empty).
    /// Sentences end as for insults (<see cref="EndsSentence"/> without line breaks). A sentence is read only up to
    /// its first word that is not a frame word; the rest is scanned for its end only.
    /// </summary>
    private void DropFrameOnlySentences()
    {
        var start = 0;
        var kept = 0;
        var allFrame = true;
        (_probeCached, _probeFrom, _probeTo) = (true, -1, -1);
        for (var i = 0; i < _t.Count; i++)
        {
            ref var t = ref _t.Items[i];
            if (allFrame && !t.Dropped && t.Kind is not (TokenKind.Merged or TokenKind.Punctuation))
            {
                kept++;
                allFrame = t.Kind == TokenKind.Word && (t.Flags & Lexicons.WordFlags.Frame) != 0;
            }

            // A word with nothing after it ends no sentence here (line breaks end none in this pass): most tokens
            // are decided without the call.
            if (i + 1 < _t.Count && (NothingAfter(t) || !EndsSentence(i)))
            {
                continue;
            }

            if (allFrame && kept > 0)
            {
                // Its punctuation too: "That is all, idiots." leaves no comma.
                for (var k = start; k <= i; k++)
                {
                    if (_t.Items[k].Kind != TokenKind.Merged)
                    {
                        _t.Items[k].Dropped = true;
                        _t.Items[k].DropPunctuation = true;
                    }
                }
            }

            (start, kept, allFrame) = (i + 1, 0, true);
        }

        _probeCached = false;
    }

    /// <summary>Whether <see cref="StartsSentenceAfter"/> may answer from its last probe (see there).</summary>
    private bool _probeCached;

    /// <summary>The last probe of <see cref="StartsSentenceAfter"/>: from which token, the token that decided, the answer.</summary>
    private int _probeFrom;

    private int _probeTo;

    private bool _probeResult;

    /// <summary>
    /// Whether the token after token <paramref name="i"/> starts a sentence (<see cref="TokenStream.FindSentenceStart"/>).
    /// In <see cref="DropFrameOnlySentences"/>, which asks in order and changes only tokens up to the one it asks
    /// about, the answer from a token before a run of punctuation or dropped tokens holds for every token of the run,
    /// so it is taken once: a run of <c>" !"</c> costs linear time, not quadratic.
    /// </summary>
    private bool StartsSentenceAfter(int i)
    {
        if (!_probeCached)
        {
            return _t.FindSentenceStart(i).StartsSentence;
        }

        if (i < _probeFrom || i >= _probeTo)
        {
            _probeFrom = i;
            (_probeTo, _probeResult) = _t.FindSentenceStart(i);
        }

        return _probeResult;
    }

    /// <summary>Whether nothing follows the token in its chunk (a word without punctuation after it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool NothingAfter(in Token t) => t.End == t.ChunkEnd && t.Kind != TokenKind.Punctuation;

    /// <summary>The first and last token of the sentence of token <paramref name="i"/>: bounded by sentence punctuation (a run of <c>! ?</c> included) or a line break.</summary>
    private (int Start, int End) SentenceAround(int i)
    {
        var start = i;
        while (start > 0 && !EndsSentence(start - 1))
        {
            start--;
        }

        var end = i;
        while (end < _t.Count - 1 && !EndsSentence(end))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>
    /// Whether a sentence ends with token <paramref name="i"/>, as the canonical text will show it: a full stop or
    /// semicolon after a kept token, a run of <c>! ? ‽</c> where <see cref="TokenStream.FindSentenceStart"/> says so, or (with
    /// <see cref="_lineBreaksEndSentences"/>) a line break before the next token. A run of <c>! ?</c> after a dropped
    /// word ends nothing, as it ends nothing in the canonical text.
    /// </summary>
    private bool EndsSentence(int i)
    {
        ref var t = ref _t.Items[i];
        if (NothingAfter(t) && !_lineBreaksEndSentences)
        {
            // Nothing after the token (most words) and line breaks end nothing: no sentence ends here.
            return false;
        }

        var text = _text.Chars;
        var after = t.Kind == TokenKind.Punctuation ? text[t.ChunkStart..t.ChunkEnd] : text[t.End..t.ChunkEnd];
        if (t.Kind != TokenKind.Merged && Punctuation.HasStop(after))
        {
            return true;
        }

        if (!t.Dropped && t.Kind != TokenKind.Merged && Punctuation.HasEmphatic(after) && StartsSentenceAfter(i))
        {
            return true;
        }

        if (!_lineBreaksEndSentences)
        {
            return false;
        }

        // A masked span's first token reaches over the tokens merged into it.
        return i + 1 < _t.Count && _t.Items[i + 1].ChunkStart > t.ChunkEnd && text[t.ChunkEnd.._t.Items[i + 1].ChunkStart].Contains('\n');
    }

    /// <summary>Gathers the kept word tokens of a sentence into <see cref="_sentence"/>; false when it holds anything but words (a number, a system, a placeholder).</summary>
    private bool GatherSentence(int start, int end)
    {
        _sentence.Clear();
        var wordsOnly = true;
        for (var k = start; k <= end; k++)
        {
            ref var t = ref _t.Items[k];
            if (t.Dropped || t.Kind is TokenKind.Merged or TokenKind.Punctuation)
            {
                continue;
            }

            wordsOnly &= t.Kind == TokenKind.Word;
            _sentence.Add(k);
        }

        return wordsOnly;
    }

    private bool SentenceHas(string[] words, int from = 0)
    {
        for (var k = from; k < _sentence.Count; k++)
        {
            if (TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), words))
            {
                return true;
            }
        }

        return false;
    }

    private int SentenceIndexOf(string[] words)
    {
        for (var k = 0; k < _sentence.Count; k++)
        {
            if (TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), words))
            {
                return k;
            }
        }

        return -1;
    }

    private bool SentenceWordIs(int k, string word) => k >= 0 && k < _sentence.Count && _t.Form(_t.Items[_sentence[k]]).SequenceEqual(word);

    private void NeutraliseSentence(int start, int end)
    {
        var wordsOnly = GatherSentence(start, end);
        DropEmphaticRepetition();
        if (_sentence.Count is 0 or > MaxToneSentence)
        {
            // A long run-on sentence (CFPB narratives often have no full stops) is never dropped whole; a sarcastic
            // clause that opens it goes ("thanks for the great service, the VPN ...").
            DropSarcasticClause(start);
            return;
        }

        // Threats: a first-person subject, then intent, then the verb.
        // One sentence may make both ("I'm switching banks and telling everyone I know."): both are recorded.
        var subject = SentenceIndexOf(FirstPerson);
        if (subject >= 0 && SentenceHas(Intent, subject))
        {
            var verb = SentenceIndexOf(WordOfMouthVerbs);
            var wordOfMouth = verb > subject && SentenceHas(WordOfMouthAudience, verb);
            verb = SentenceIndexOf(LeaveVerbs);
            var leave = verb > subject && SentenceHas(LeaveObjects, verb);
            if (wordOfMouth || leave)
            {
                _signals = new ToneSignals(_signals.ThreatToLeave || leave, _signals.WordOfMouthThreat || wordOfMouth);
                DropSentence(start, end, ref _threats);
                return;
            }
        }

        if (wordsOnly && (IsSarcasm() || IsOnlyFiller(start, end)))
        {
            DropSentence(start, end, ref _sarcasm);
            return;
        }

        if (wordsOnly && IsVerdict())
        {
            DropSentence(start, end, ref _counts.Interjections);
            return;
        }

        DropSarcasticClause(start);
    }

    /// <summary>
    /// Leaves out a sarcastic clause that opens a sentence and ends at its first comma ("Thanks for the great service,
    /// the VPN is down again." is "the VPN is down again."), as the sentence would go were the clause one: the same
    /// rules (<see cref="IsSarcasm"/>) on the clause's words, which must be words only.
    /// </summary>
    private void DropSarcasticClause(int start)
    {
        var text = _text.Chars;
        var clause = -1;
        for (var k = 0; k < _sentence.Count && k < MaxToneSentence; k++)
        {
            ref var t = ref _t.Items[_sentence[k]];
            if (t.Kind != TokenKind.Word)
            {
                return;
            }

            if (text[t.End..t.ChunkEnd].Contains(','))
            {
                clause = k;
                break;
            }
        }

        if (clause < 1 || clause == _sentence.Count - 1)
        {
            return;
        }

        var clauseEnd = _sentence[clause];
        _sentence.RemoveRange(clause + 1, _sentence.Count - clause - 1);
        if (IsSarcasm())
        {
            DropSentence(start, clauseEnd, ref _sarcasm);
        }
    }

    /// <summary>
    /// A sentence of words only that opens with praise it does not mean: "thanks for the great service", "thanks a lot",
    /// "thanks for nothing", "great job", "well done", "way to go", "what a great service", "wow", "oh great", "bravo".
    /// </summary>
    private bool IsSarcasm()
    {
        var first = 0;
        if (SentenceWordIs(0, "thanks") || (SentenceWordIs(0, "thank") && SentenceWordIs(1, "you")))
        {
            first = SentenceWordIs(0, "thank") ? 2 : 1;
            if (SentenceWordIs(first, "a") && SentenceWordIs(first + 1, "lot") && _sentence.Count <= first + 3)
            {
                return true;
            }

            if (SentenceWordIs(first, "for") && SentenceWordIs(first + 1, "nothing"))
            {
                return true;
            }

            // "thanks for the great service", "thank you for the wonderful support": praise right after "for (the)".
            var k = first;
            if (SentenceWordIs(k, "so") || SentenceWordIs(k, "very"))
            {
                k++;
            }

            if (SentenceWordIs(k, "much"))
            {
                k++;
            }

            if (!SentenceWordIs(k, "for"))
            {
                return false;
            }

            k++;
            if (SentenceWordIs(k, "the") || SentenceWordIs(k, "your") || SentenceWordIs(k, "such"))
            {
                k++;
            }

            if (k < _sentence.Count && TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), PraisedThings) && IsScareQuoted(_sentence[k]))
            {
                // "thanks for the 'help'": scare quotes say what the words do not.
                return _sentence.Count <= k + 3;
            }

            return k < _sentence.Count && TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), Praise) && _sentence.Count <= k + 4;
        }

        if (_sentence.Count <= 3 && (SentenceWordIs(0, "wow") || SentenceWordIs(0, "bravo") || (SentenceWordIs(0, "oh") && SentenceWordIs(1, "great"))
            || (SentenceWordIs(0, "well") && SentenceWordIs(1, "done")) || (SentenceWordIs(0, "way") && SentenceWordIs(1, "to") && SentenceWordIs(2, "go"))))
        {
            return true;
        }

        if (IsPraiseOfTheService() || IsBarePraise())
        {
            return true;
        }

        return IsWhatExclamation();
    }

    /// <summary>
    /// "What a great service", "what amazing support, as always", "what great 'help'": "what", an optional article,
    /// praise, then at most a praised thing and a tail (<see cref="SarcasmTail"/>).
    /// </summary>
    private bool IsWhatExclamation()
    {
        if (!SentenceWordIs(0, "what") || _sentence.Count > 7)
        {
            return false;
        }

        var k = SentenceWordIs(1, "a") || SentenceWordIs(1, "an") ? 2 : 1;
        if (k >= _sentence.Count || !TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), Praise))
        {
            return false;
        }

        k++;
        if (k < _sentence.Count && TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), PraisedThings))
        {
            k++;
        }

        for (; k < _sentence.Count; k++)
        {
            if (!TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), SarcasmTail))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether token <paramref name="i"/>'s core stands between quotation marks: the 'help', great "support".</summary>
    private bool IsScareQuoted(int i)
    {
        ref var t = ref _t.Items[i];
        var text = _text.Chars;
        return t.ChunkStart < t.Start && t.End < t.ChunkEnd && IsQuote(text[t.Start - 1]) && IsQuote(text[t.End]);

        static bool IsQuote(char c) => c is '\'' or '"' or '‘' or '’' or '“' or '”';
    }

    /// <summary>What a sarcastic sentence praises ("great job", "brilliant support").</summary>
    private static readonly string[] PraisedThings = ["job", "work", "service", "support", "effort", "help", "response", "stuff"];

    /// <summary>Words that may follow sarcastic praise ("great job, as always", "nice work again, guys").</summary>
    private static readonly string[] SarcasmTail = ["as", "always", "usual", "again", "really", "guys", "folks", "team", "everyone", "there", "once", "more"];

    /// <summary>
    /// A sentence that is only praise of the service, with at most a tail such as "as always": "Great job, as always.",
    /// "Wow, brilliant support." (the interjection dropped before), "Nice work again." In a complaint it is sarcasm.
    /// </summary>
    private bool IsPraiseOfTheService()
    {
        if (_sentence.Count is < 2 or > 6
            || !(TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[0]]), Praise) || SentenceWordIs(0, "good") || SentenceWordIs(0, "nice"))
            || !TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[1]]), PraisedThings))
        {
            return false;
        }

        for (var k = 2; k < _sentence.Count; k++)
        {
            if (!TokenStream.IsOneOf(_t.Form(_t.Items[_sentence[k]]), SarcasmTail))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words a verdict sentence may hold beside its verdict ("this is just", "not", "how").</summary>
    private static readonly string[] VerdictFrame =
    [
        "this", "that", "it", "it's", "its", "that's", "thats", "is", "was", "just", "so", "simply", "absolutely", "totally",
        "completely", "utterly", "truly", "quite", "frankly", "how", "not", "beyond", "again", "as", "usual", "always", "all",
    ];

    /// <summary>A short sentence of words only, all verdicts or their frame, with at least one verdict (<see cref="Verdicts"/>).</summary>
    private bool IsVerdict()
    {
        if (_sentence.Count > 5)
        {
            return false;
        }

        var verdict = false;
        foreach (var k in _sentence)
        {
            var form = _t.Form(_t.Items[k]);
            if (TokenStream.IsOneOf(form, Verdicts))
            {
                verdict = true;
            }
            else if (!TokenStream.IsOneOf(form, VerdictFrame))
            {
                return false;
            }
        }

        return verdict;
    }

    /// <summary>
    /// A sentence that is praise alone, with at most filler or a tail: "Great.", "Oh great." (the interjection dropped
    /// before), "Just wonderful!", "Perfect, as usual." In a complaint it is sarcasm.
    /// </summary>
    private bool IsBarePraise()
    {
        if (_sentence.Count > 4)
        {
            return false;
        }

        var praise = false;
        foreach (var k in _sentence)
        {
            var form = _t.Form(_t.Items[k]);
            if (!praise && (TokenStream.IsOneOf(form, Praise) || form.SequenceEqual("perfect")))
            {
                praise = true;
            }
            else if (!TokenStream.IsOneOf(form, Filler) && !TokenStream.IsOneOf(form, SarcasmTail))
            {
                return false;
            }
        }

        return praise;
    }

    /// <summary>Words that say nothing once the interjection they go with is gone ("Wow, just wow.", "Oh well.").</summary>
    private static readonly string[] Filler = ["just", "so", "really", "oh", "well", "seriously", "honestly", "like", "and", "again", "simply", "i", "mean"];

    /// <summary>A sentence where a tone word was dropped and only filler words are left ("Wow, just wow." leaves "just").</summary>
    private bool IsOnlyFiller(int start, int end)
    {
        var droppedTone = false;
        for (var k = start; k <= end; k++)
        {
            droppedTone |= _t.Items[k].Dropped && (_t.Items[k].Flags & (Lexicons.WordFlags.Interjection | Lexicons.WordFlags.Profanity)) != 0;
        }

        if (!droppedTone || _sentence.Count > 3)
        {
            return false;
        }

        foreach (var k in _sentence)
        {
            if (!TokenStream.IsOneOf(_t.Form(_t.Items[k]), Filler))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"yet again": "yet" goes (an intensifier of "again"); "for the hundredth time" is an occurrence, stated or not.</summary>
    private void DropEmphaticRepetition()
    {
        for (var k = 0; k + 1 < _sentence.Count; k++)
        {
            if (SentenceWordIs(k, "yet") && SentenceWordIs(k + 1, "again"))
            {
                _t.Items[_sentence[k]].Dropped = true;
                _counts.Intensifiers++;
                _sentence.RemoveAt(k);
            }
        }
    }

    private int _threats;
    private int _sarcasm;

    /// <summary>Drops every token of a sentence, its final punctuation too.</summary>
    private void DropSentence(int start, int end, ref int count)
    {
        for (var k = start; k <= end; k++)
        {
            if (_t.Items[k].Kind != TokenKind.Merged)
            {
                _t.Items[k].Dropped = true;
                _t.Items[k].DropPunctuation = true;
            }
        }

        count++;
    }

    /// <summary>
    /// What an insult leaves: a sentence of frame words only ("you people are ___.") goes whole (in
    /// <see cref="DropFrameOnlySentences"/>, as it does without the insult); otherwise the frame words right before the insult ("..., you idiots", "what a bunch of morons") go with it.
    /// </summary>
    private void DropInsultDebris(int start, int end)
    {
        GatherSentence(start, end);
        var allFrame = true;
        foreach (var k in _sentence)
        {
            allFrame &= _t.Items[k].Kind == TokenKind.Word && (_t.Items[k].Flags & Lexicons.WordFlags.Frame) != 0;
        }

        if (allFrame)
        {
            // Nothing kept ("Idiots, morons!"), or frame words only, which DropFrameOnlySentences leaves out as it
            // does without the insult: the sentence's punctuation goes too.
            for (var k = start; k <= end; k++)
            {
                _t.Items[k].DropPunctuation = true;
            }

            return;
        }

        for (var k = start; k <= end; k++)
        {
            if (!IsInsult(k))
            {
                continue;
            }

            // Back from the insult over the words that frame it, to a clause boundary (a comma or the sentence's start).
            var j = k - 1;
            var first = k;
            while (j >= start && (_t.Items[j].Dropped || _t.Items[j].Kind == TokenKind.Merged
                || (_t.Items[j].Kind == TokenKind.Word && TokenStream.IsOneOf(_t.Form(_t.Items[j]), InsultLead) && (j == k - 1 || _t.HasNoTrail(_t.Items[j])))))
            {
                first = _t.Items[j].Dropped || _t.Items[j].Kind == TokenKind.Merged ? first : j;
                if (!_t.HasNoTrail(_t.Items[j]) && j != k - 1)
                {
                    break;
                }

                j--;
            }

            var boundary = j < start || _t.Items[j].Kind == TokenKind.Punctuation || !_t.HasNoTrail(_t.Items[j]);
            if (first < k && boundary && TokenStream.IsOneOf(_t.Form(_t.Items[first]), InsultLeadStarts))
            {
                for (var m = first; m < k; m++)
                {
                    _t.Items[m].Dropped = true;
                }
            }
        }
    }

    private bool IsInsult(int k) => _t.Items[k].Dropped && (_t.Items[k].Insult || (_t.Items[k].Flags & Lexicons.WordFlags.Insult) != 0);

}
