namespace ServiceQuality.Normalization;

/// <summary>
/// One normalization in progress: the coordinator of the stages. A run holds one instance of each stage type (cleaner
/// scratch, <see cref="Tokenizer"/>, <see cref="PersonalDataMasker"/>, <see cref="ToneNeutralizer"/>,
/// <see cref="CanonicalWriter"/>, <see cref="Fingerprinter"/>, <see cref="FactExtractor"/>, <see cref="AreaClassifier"/>),
/// each owning its buffers, and the <see cref="TokenStream"/> they share; it calls them in order and runs the fused
/// gathering pass. Everything is reused run after run, so a run allocates only its result. Used by one thread at a
/// time; the normalizer keeps one per thread.
/// </summary>
internal sealed class NormalizerRun
{
    private readonly CleanerScratch _scratch = new();
    private readonly TextBuffer _text = new();
    private readonly TokenStream _t = new();
    private readonly TokenNotes _notes = new();
    private readonly Tokenizer _tokenizer;
    private readonly PersonalDataMasker _masker = new();
    private readonly ToneNeutralizer _tone = new();
    private readonly CanonicalWriter _writer = new();
    private readonly Fingerprinter _fingerprinter = new();
    private readonly FactExtractor _factExtractor = new();
    private readonly AreaClassifier _areaClassifier = new();
    private readonly List<(int Start, int End)> _quoted = [];
    private NeutralizedCountsBuilder _counts;

    /// <summary>
    /// Creates a run with memos of 2^<paramref name="wordMemoBits"/> slots for words of up to eight letters,
    /// 2^<paramref name="longMemoBits"/> for words of nine to sixteen and 2^<paramref name="chunkMemoBits"/> for other
    /// short chunks: by default 8,192, 4,096 and 2,048 slots, some 780 KB in all (see <see cref="WordMemo"/>).
    /// </summary>
    public NormalizerRun(int wordMemoBits = 13, int longMemoBits = 12, int chunkMemoBits = 11)
    {
        _tokenizer = new Tokenizer(wordMemoBits, longMemoBits, chunkMemoBits);
    }

    /// <summary>Normalizes <paramref name="text"/>: every stage in order, then the record.</summary>
    public NormalizedComplaint Run(Lexicons lexicons, NormalizationOptions options, string text, NormalizationContext context)
    {
        _counts = default;
        _quoted.Clear();
        TextCleaner.Clean(text, _scratch, _text, ref _counts);
        FindQuotedRegions();
        if (_quoted.Count > 0)
        {
            // Quoted replies and signatures are not the complaint: every later stage sees the text without them, as
            // it sees the canonical text, where they are not.
            _text.RemoveRanges(_quoted);
        }

        _t.Reset(_text);
        _tokenizer.Run(_t, lexicons, _notes);
        _masker.MaskInContext(_t, lexicons, _notes.PersonalDataCues);
        _tokenizer.MergeSystemPhrases();
        _tone.Run(_t, lexicons, _notes);
        _masker.MaskNumbersJoinedByDrops(_t);
        GatherTokens();
        _factExtractor.Extract(_t, lexicons, text, context.ReferenceDate);
        var canonical = _writer.End();
        var fingerprint = _fingerprinter.End();
        var areas = _areaClassifier.Classify(_t, lexicons, _factExtractor.Facts);
        var impact = _factExtractor.DeriveImpact(options.OrganizationThreshold);
        var recurrence = _factExtractor.DeriveRecurrence();
        var key = _fingerprinter.IncidentKey(areas, _factExtractor.Facts);
        var found = _factExtractor.Facts;
        var facts = found.Count == 0 ? [] : new ComplaintFact[found.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = found[i].Record;
        }

        Array.Sort(facts, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Value, b.Value));
        if (_text.Length > 1 << 16)
        {
            _text.Clear();
        }

        _counts.Add(_tokenizer.Counts);
        _counts.Add(_tone.Counts);
        _counts.Add(_writer.Counts);
        var counts = _counts.Build() with { Sarcasm = _tone.Sarcasm, Threats = _tone.Threats };
        return new NormalizedComplaint(canonical, facts, areas, impact, recurrence, counts, key, fingerprint, context, _tone.Signals);
    }

    /// <summary>
    /// One pass over the final tokens: writes the canonical text, gathers the live tokens (kept, not
    /// punctuation), fingerprints them and notes those that can start a fact or be evidence of a service area.
    /// </summary>
    private void GatherTokens()
    {
        var live = _t.Live;
        live.Clear();
        _areaClassifier.Begin();
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
                _areaClassifier.Note(live.Count, t);
                live.Add(i);
                _fingerprinter.Add(t);
            }
        }
    }

    // ---- quoted replies and signatures ----------------------------------------------------------------------------

    private void FindQuotedRegions()
    {
        var text = _text.Chars;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var newline = text[lineStart..].IndexOf('\n');
            var lineEnd = newline < 0 ? text.Length : lineStart + newline;
            // Markdown marks before the '>' are left out of the canonical text: the line is quoted all the same.
            var line = text[lineStart..lineEnd].Trim();
            var marks = line.IndexOfAnyExcept(Punctuation.DroppedMarks);
            line = marks > 0 ? line[marks..].TrimStart() : line;
            if (line.StartsWith('>'))
            {
                _quoted.Add((lineStart, lineEnd));
            }
            else if ((line.StartsWith("On ", StringComparison.Ordinal) && line.EndsWith("wrote:", StringComparison.Ordinal))
                || line.StartsWith("-----Original Message", StringComparison.OrdinalIgnoreCase)
                || (line.SequenceEqual("--") && lineEnd < text.Length) || line.StartsWith("Sent from my ", StringComparison.Ordinal))
            {
                _quoted.Add((lineStart, text.Length));
                return;
            }

            lineStart = lineEnd + 1;
        }
    }

}
