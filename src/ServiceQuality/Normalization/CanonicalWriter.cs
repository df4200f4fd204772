using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ServiceQuality.Normalization;

/// <summary>
/// The canonical writer: writes the kept tokens' forms and their punctuation as the canonical text, one token at a
/// time from the fused gathering pass. <c>! ? ‽</c> runs go (one that ends a sentence becomes a full stop), Markdown
/// marks and braces go, repeated marks are written once, white space is one space; the text never starts with
/// <c>&gt;</c> and never ends with a full stop. Idempotent: normalizing the canonical text again gives it back. Owns
/// the output buffer and the count of punctuation runs; reused run after run.
/// </summary>
internal sealed class CanonicalWriter
{
    private char[] _out = new char[512];
    private int _outLength;
    private TokenStream _t = null!;
    private TextBuffer _text = null!;
    private NeutralizedCountsBuilder _counts;

    /// <summary>Gets the punctuation runs the last text had removed or collapsed.</summary>
    public NeutralizedCountsBuilder Counts => _counts;

    private bool _pendingSpace;

    /// <summary>The last question <see cref="NextStartsSentence"/> answered: from which token, the token that decided, the answer.</summary>
    private int _sentenceProbeFrom = -1;

    private int _sentenceProbe = -1;

    private bool _sentenceProbeResult;

    /// <summary>Starts the canonical text of <paramref name="tokens"/>.</summary>
    public void Begin(TokenStream tokens)
    {
        (_t, _text) = (tokens, tokens.Text);
        _counts = default;
        // Room for everything at once, so no append needs to grow the buffer: each append (a form or a punctuation
        // mark) adds at most one space before it; forms come from the forms buffer, marks from the text (a run of
        // ! ? becomes at most one full stop).
        // And room for a whole block of FormBlock characters after any form and after the text written, for AppendForm.
        var bound = _t.FormLength + (2 * _text.Length) + _t.Count + FormBlock + 16;
        if (_out.Length < bound)
        {
            _out = new char[Math.Max(bound, _out.Length * 2)];
        }

        _t.EnsureForms(FormBlock);

        _outLength = 0;
        _pendingSpace = false;
        (_sentenceProbeFrom, _sentenceProbe) = (-1, -1);
    }

    /// <summary>Appends token <paramref name="i"/> to the canonical text, with its punctuation.</summary>
    public void Append(int i)
    {
        var text = _text.Chars;
        ref var t = ref _t.Items[i];
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
            var adjacent = i > 0 && _t.Items[i - 1].ChunkEnd == t.ChunkStart;
            // Whether a sentence ends here matters only to a run of ! ? ‽ (most punctuation is a comma or a stop).
            var run = text[t.ChunkStart..t.ChunkEnd];
            AppendPunctuation(run, _outLength > 0 && Punctuation.HasEmphatic(run) && NextStartsSentence(i), attachStop: !adjacent);
            return;
        }

        if (t.ChunkStart < t.Start)
        {
            AppendPunctuation(text[t.ChunkStart..t.Start], false);
        }

        WriteForm(t);
        if (t.End < t.ChunkEnd)
        {
            var trail = text[t.End..t.ChunkEnd];
            AppendPunctuation(trail, Punctuation.HasEmphatic(trail) && NextStartsSentence(i));
        }
    }

    /// <summary>Ends the canonical text and returns it.</summary>
    public string End()
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

    /// <summary>Characters that <see cref="WriteForm"/> moves at once.</summary>
    private const int FormBlock = 16;

    /// <summary>Appends a token's form, after the pending space.</summary>
    private void WriteForm(in Token t)
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
            var source = MemoryMarshal.AsBytes(_t.Forms.AsSpan(t.FormStart, FormBlock));
            var destination = MemoryMarshal.AsBytes(output.AsSpan(length, FormBlock));
            Vector128.Create<byte>(source).CopyTo(destination);
            Vector128.Create<byte>(source[16..]).CopyTo(destination[16..]);
        }
        else
        {
            _t.Form(t).CopyTo(output.AsSpan(length));
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
        if (_outLength > 0 && (_pendingSpace || (Punctuation.IsCjk(_out[_outLength - 1]) && !Punctuation.IsCjk(c))))
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
        (_sentenceProbe, _sentenceProbeResult) = _t.FindSentenceStart(i);
        return _sentenceProbeResult;
    }

    /// <summary>
    /// Appends punctuation: <c>! ? ‽</c> runs removed (one that ends a sentence, <paramref name="sentenceEnd"/>, becomes
    /// a full stop unless other sentence punctuation follows it), Markdown marks and braces dropped, repeated marks collapsed.
    /// </summary>
    private void AppendPunctuation(ReadOnlySpan<char> punctuation, bool sentenceEnd, bool attachStop = true)
    {
        var inRun = false;

        // Whether sentence punctuation follows a place is whether its last one is after it: found once, not at each run.
        var lastStop = Punctuation.LastSentenceMark(punctuation);
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
                        _pendingSpace = (_pendingSpace && !attachStop) || (_outLength > 0 && Punctuation.IsCjk(_out[_outLength - 1]));
                        AppendOut('.');
                    }
                }

                continue;
            }

            inRun = false;
            if (Punctuation.DroppedMarks.Contains(c))
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
}
