namespace ServiceQuality.Normalization;

/// <summary>
/// The tokens of one cleaned text and their forms: what every stage after the cleaner reads, and the only state they
/// share. The tokenizer creates the tokens; the personal-data masker, the system-phrase merger and the tone
/// neutraliser change their kind, form, extent and <see cref="Token.Dropped"/> flags; the gathering pass lists the
/// <see cref="Live"/> ones, which the fact extractor and the area classifier read. Owned by a run and reused: its
/// arrays only grow.
/// </summary>
internal sealed class TokenStream
{
    /// <summary>The tokens; the first <see cref="Count"/> are this text's.</summary>
    public Token[] Items = new Token[128];

    /// <summary>The number of tokens.</summary>
    public int Count;

    /// <summary>The forms of the tokens, one after the other (a token holds its form's start and length).</summary>
    public char[] Forms = new char[512];

    /// <summary>The number of characters of <see cref="Forms"/> in use.</summary>
    public int FormLength;

    /// <summary>Gets the cleaned text the tokens point into.</summary>
    public TextBuffer Text { get; private set; } = new();

    /// <summary>Gets the indices of the live tokens (kept, not merged, not punctuation), in order: filled by the gathering pass.</summary>
    public List<int> Live { get; } = [];

    /// <summary>Starts a text: no tokens, no forms, no live tokens.</summary>
    public void Reset(TextBuffer text)
    {
        Text = text;
        Count = 0;
        FormLength = 0;
        Live.Clear();
    }

    /// <summary>Gets a token's form.</summary>
    public ReadOnlySpan<char> Form(in Token token) => Forms.AsSpan(token.FormStart, token.FormLength);

    /// <summary>Gets a token's core in the cleaned text.</summary>
    public ReadOnlySpan<char> Core(in Token token) => Text.Chars[token.Start..token.End];

    /// <summary>Gets live token <paramref name="j"/> (an index into <see cref="Live"/>).</summary>
    public ref Token LiveAt(int j) => ref Items[Live[j]];

    /// <summary>Adds a token, all its fields at their defaults.</summary>
    public ref Token Add()
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Items.Length * 2);
        }

        Items[Count] = default;
        return ref Items[Count++];
    }

    // ---- forms -----------------------------------------------------------------------------------------------------

    /// <summary>Starts a form: returns where it starts, for <see cref="EndForm"/>.</summary>
    public int BeginForm() => FormLength;

    /// <summary>Ends the form started at <paramref name="start"/> and gives it to the token (its hash is computed later).</summary>
    public void EndForm(ref Token token, int start)
    {
        token.FormStart = start;
        token.FormLength = FormLength - start;
        token.FormHash = 0;
    }

    /// <summary>Gives a token the form <paramref name="form"/>.</summary>
    public void SetForm(ref Token token, ReadOnlySpan<char> form)
    {
        var start = BeginForm();
        AppendForm(form);
        EndForm(ref token, start);
    }

    /// <summary>Makes room for <paramref name="extra"/> more characters of forms.</summary>
    public void EnsureForms(int extra)
    {
        if (FormLength + extra > Forms.Length)
        {
            Array.Resize(ref Forms, Math.Max(Forms.Length * 2, FormLength + extra));
        }
    }

    public void AppendForm(char c)
    {
        EnsureForms(1);
        Forms[FormLength++] = c;
    }

    public void AppendForm(ReadOnlySpan<char> text)
    {
        EnsureForms(text.Length);
        text.CopyTo(Forms.AsSpan(FormLength));
        FormLength += text.Length;
    }

    /// <summary>Appends text with its ASCII letters in lower case.</summary>
    public void AppendLower(ReadOnlySpan<char> text)
    {
        EnsureForms(text.Length);
        foreach (var c in text)
        {
            Forms[FormLength++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }
    }

    /// <summary>Appends text with its ASCII letters in upper case.</summary>
    public void AppendUpper(ReadOnlySpan<char> text)
    {
        EnsureForms(text.Length);
        foreach (var c in text)
        {
            Forms[FormLength++] = char.IsAsciiLetterLower(c) ? (char)(c & ~0x20) : c;
        }
    }

    public void AppendCodePoint(int cp)
    {
        EnsureForms(2);
        if (cp < 0x10000)
        {
            Forms[FormLength++] = (char)cp;
        }
        else
        {
            var v = cp - 0x10000;
            Forms[FormLength++] = (char)(0xD800 + (v >> 10));
            Forms[FormLength++] = (char)(0xDC00 + (v & 0x3FF));
        }
    }

    /// <summary>Gets <paramref name="text"/> with its ASCII letters in lower case, in the room after the forms: valid until the next form is written.</summary>
    public ReadOnlySpan<char> Lower(ReadOnlySpan<char> text)
    {
        var start = FormLength;
        AppendLower(text);
        var result = Forms.AsSpan(start, FormLength - start);
        FormLength = start;
        return result;
    }

    /// <summary>The nearest token before <paramref name="i"/> that is not punctuation, or -1.</summary>
    public int PreviousWord(int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (Items[j].Kind != TokenKind.Punctuation)
            {
                return j;
            }
        }

        return -1;
    }

    // ---- what the canonical text will show of a token --------------------------------------------------------------

    /// <summary>
    /// Whether nothing before the token's core reaches the canonical text: no punctuation, or only marks it drops
    /// (Markdown's <c>* _ ~ `</c>, braces, <c>¿ ¡</c>). Phrases are matched on what the canonical text will show, so
    /// that normalizing it again finds the same phrases.
    /// </summary>
    public bool HasNoLead(in Token token) => !Text.Chars[token.ChunkStart..token.Start].ContainsAnyExcept(Punctuation.DroppedMarks);

    /// <summary>Whether nothing after the token's core reaches the canonical text (see <see cref="HasNoLead"/>).</summary>
    public bool HasNoTrail(in Token token) => !Text.Chars[token.End..token.ChunkEnd].ContainsAnyExcept(Punctuation.DroppedMarks);

    /// <summary>A token inside a phrase: no punctuation after it, other than a run of <c>! ? ‽</c>.</summary>
    public bool IsAllTrailFree(in Token token)
    {
        foreach (var c in Text.Chars[token.End..token.ChunkEnd])
        {
            if (c is not ('!' or '?' or '‽'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a token shows no word in the canonical text: dropped, merged into the token before, or a chunk
    /// of Markdown marks (which the canonical text leaves out).
    /// </summary>
    public bool LeavesNoWord(in Token token) =>
        token.Dropped || token.Kind == TokenKind.Merged
        || (token.Kind == TokenKind.Punctuation && !Text.Chars[token.ChunkStart..token.ChunkEnd].ContainsAnyExcept(Punctuation.DroppedMarks));

    /// <summary>
    /// Whether all that follows token <paramref name="i"/>'s core is a run of <c>! ? ‽</c> (and Markdown marks) that
    /// ends no sentence, which the canonical text leaves out ("really!!! slow" is "really slow" there).
    /// </summary>
    public bool TrailVanishes(int i)
    {
        ref var t = ref Items[i];
        var trail = Text.Chars[t.End..t.ChunkEnd];
        return trail.ContainsAny('!', '?', '‽') && !trail.ContainsAnyExcept(Punctuation.EmphaticMarks) && !FindSentenceStart(i).StartsSentence;
    }

    /// <summary>Words that, with a run of <c>! ?</c> before them, start a sentence even in lower case ("in MY NAME!!! i called").</summary>
    private static readonly string[] SentenceOpeners =
    [
        "i", "i'm", "i've", "i'd", "i'll", "im", "ive", "we", "we're", "we've", "we'll", "they", "they're", "he", "she", "you",
        "it", "it's", "my", "our", "your", "their", "please", "what", "why", "how", "when", "who", "where",
    ];

    /// <summary>
    /// Whether the token after token <paramref name="i"/> starts a sentence, and the token that decides it: anything
    /// but a word written with a lower-case initial ("down!!! Ticket 4", "down!!! TICKET 4", "week!!! 3 users", but
    /// not "down!!! slow"; dropped tokens skipped, but a dropped capitalised sentence such as "This is a joke." counts).
    /// Not at the end of the text. A <c>! ? ‽</c> run before it ends the sentence like a full stop.
    /// </summary>
    public (int Token, bool StartsSentence) FindSentenceStart(int i)
    {
        var text = Text.Chars;
        for (var j = i + 1; j < Count; j++)
        {
            ref var t = ref Items[j];
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

        return (Count, false);
    }

    /// <summary>
    /// Whether a token is a word that starts a sentence in lower case after a run of <c>! ?</c>
    /// ("in MY NAME!!! i called"); "down!!! again" is one sentence.
    /// </summary>
    private bool IsSentenceOpener(in Token t) => t.Kind == TokenKind.Word && IsOneOf(Form(t), SentenceOpeners);

    /// <summary>Whether <paramref name="form"/> is one of <paramref name="words"/>.</summary>
    public static bool IsOneOf(ReadOnlySpan<char> form, string[] words)
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
}
