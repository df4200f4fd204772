using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace ServiceQuality.Normalization;

/// <summary>
/// The tokenizer and word classifier: cuts the cleaned text into chunks (white space, or a change into or out of Han,
/// kana or Hangul), masks the personal numbers a chunk starts with, and classifies each chunk (word, system, number,
/// date, placeholder, dropped tone word...) into a <see cref="TokenStream"/>, through three memos that replay what a
/// chunk was classified as the last time (<see cref="WordMemo"/>). It notes in <see cref="TokenNotes"/> the tokens each
/// later pass must visit, and counts what it neutralises (shouting, stretched letters, profanity, insults,
/// interjections, emoji, look-alikes). Afterwards, once personal data is masked, it merges multi-word systems
/// (<see cref="MergeSystemPhrases"/>). Owns its memos and scratch buffers; reused run after run.
/// </summary>
/// <remarks>
/// Invariant: a chunk's classification depends on the chunk and the lexicons only (that is what lets the memos replay
/// it); context belongs in a later pass.
/// </remarks>
internal sealed class Tokenizer
{
    private static readonly SearchValues<char> MaskCharacters = SearchValues.Create("*$@!0134578#%");
    private static readonly SearchValues<char> RedactionCharacters = SearchValues.Create("Xx/-.");
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private readonly CodePointBuffer _foldPoints = new();
    private readonly WordMemo _memo;
    private readonly WordMemo _longMemo;
    private readonly WordMemo _chunkMemo;
    private char[] _scratchWord = new char[64];
    private char[] _scratchFold = new char[64];

    private TokenStream _t = null!;
    private TextBuffer _text = null!;
    private Lexicons _lex = null!;
    private TokenNotes _notes = null!;
    private NeutralizedCountsBuilder _counts;

    /// <summary>
    /// Creates a tokenizer with memos of 2^<paramref name="wordMemoBits"/> slots for words of up to eight letters,
    /// 2^<paramref name="longMemoBits"/> for words of nine to sixteen and 2^<paramref name="chunkMemoBits"/> for other
    /// short chunks.
    /// </summary>
    public Tokenizer(int wordMemoBits, int longMemoBits, int chunkMemoBits)
    {
        _memo = new WordMemo(wordMemoBits);
        _longMemo = new WordMemo(longMemoBits);
        _chunkMemo = new WordMemo(chunkMemoBits);
    }

    /// <summary>Gets what the last <see cref="Run"/> neutralised.</summary>
    public NeutralizedCountsBuilder Counts => _counts;

    /// <summary>Cuts the text of <paramref name="tokens"/> into tokens, and notes in <paramref name="notes"/> those each later pass visits.</summary>
    public void Run(TokenStream tokens, Lexicons lexicons, TokenNotes notes)
    {
        _t = tokens;
        _text = tokens.Text;
        _lex = lexicons;
        _notes = notes;
        _counts = default;
        _memo.Use(lexicons);
        _chunkMemo.Use(lexicons);
        _longMemo.Use(lexicons);
        notes.Clear();
        _loneLookAlikes.Clear();
        _acronyms.Clear();
        Tokenize();
        if (_loneLookAlikes.Count > 0)
        {
            RepairLoneLookAlikes();
        }

        if (_acronyms.Count > 0)
        {
            LowerAcronymsWrittenAsWords();
        }
    }

    /// <summary>Tokens read as acronyms (a word in capitals, unknown, of up to six letters, no code), for <see cref="LowerAcronymsWrittenAsWords"/>.</summary>
    private readonly List<int> _acronyms = [];

    /// <summary>The lower-case form hashes of <see cref="_acronyms"/>, in their order, for <see cref="LowerAcronymsWrittenAsWords"/>; reused.</summary>
    private ulong[] _acronymHashes = new ulong[16];

    /// <summary>The same hashes as a set, when there are many acronyms; reused.</summary>
    private readonly HashSet<ulong> _acronymHashSet = [];

    /// <summary>The acronym hashes the text also writes as a word; reused.</summary>
    private readonly HashSet<ulong> _writtenAsWords = [];

    /// <summary>
    /// A word in capitals that the same text also writes as a word ("WELLS FARGO" in a shouted sentence, "Wells Fargo"
    /// elsewhere; "fdcpa" and "FDCPA") is that word shouted, not an acronym: the writer showed its case. It goes to lower
    /// case, as the other occurrences are, so a sentence shouted whole gives the canonical text of the calm one (tone
    /// invariance). A word only ever written in capitals stays an acronym. Context decides, so this runs after the
    /// tokens are read, outside the memos: one pass over the words, each compared with the few acronyms' hashes (a set
    /// when there are many), linear in the text.
    /// </summary>
    private void LowerAcronymsWrittenAsWords()
    {
        if (_acronymHashes.Length < _acronyms.Count)
        {
            _acronymHashes = new ulong[Math.Max(_acronyms.Count, _acronymHashes.Length * 2)];
        }

        Span<char> lower = stackalloc char[16];
        var hashes = _acronymHashes.AsSpan(0, _acronyms.Count);
        for (var a = 0; a < hashes.Length; a++)
        {
            var form = _t.Form(_t.Items[_acronyms[a]]);
            hashes[a] = 0;
            if (form.Length <= lower.Length && Ascii.IsValid(form))
            {
                Ascii.ToLower(form, lower, out var written);
                hashes[a] = Hashing.Hash(lower[..written]);
            }
        }

        var many = hashes.Length > 8;
        if (many)
        {
            _acronymHashSet.Clear();
            foreach (var h in hashes)
            {
                _acronymHashSet.Add(h);
            }
        }

        _writtenAsWords.Clear();
        for (var k = 0; k < _t.Count; k++)
        {
            ref var t = ref _t.Items[k];
            if (t.Kind != TokenKind.Word || t.Dropped || t.FormHash == 0)
            {
                continue;
            }

            if (many ? _acronymHashSet.Contains(t.FormHash) : hashes.Contains(t.FormHash))
            {
                _writtenAsWords.Add(t.FormHash);
            }
        }

        if (_writtenAsWords.Count == 0)
        {
            return;
        }

        for (var a = 0; a < hashes.Length; a++)
        {
            if (hashes[a] == 0 || !_writtenAsWords.Contains(hashes[a]))
            {
                continue;
            }

            ref var token = ref _t.Items[_acronyms[a]];
            var form = _t.Form(token);
            Ascii.ToLower(form, lower, out var written);
            ClassifyWord(ref token, lower[..written], ascii: true);
            _counts.Shouting++;
        }
    }

    /// <summary>Words of one Cyrillic or Greek letter that looks like a Latin word of one letter ("а", "І"), for <see cref="RepairLoneLookAlikes"/>.</summary>
    private readonly List<int> _loneLookAlikes = [];

    /// <summary>
    /// A word of one look-alike letter between Latin words is the Latin word ("i need а copy", "А few days ago" with
    /// a Cyrillic а): <see cref="Homoglyphs.Repair"/> repairs only words that also hold Latin letters, and a letter
    /// alone holds none. Its neighbours decide (a Russian "а" among Cyrillic words stays), so this runs after the
    /// tokens are read, outside the memos.
    /// </summary>
    private void RepairLoneLookAlikes()
    {
        var text = _text.Chars;
        Span<char> latin = stackalloc char[1];
        foreach (var i in _loneLookAlikes)
        {
            if (!IsLatinWord(NeighbourWord(i, -1)) && !IsLatinWord(NeighbourWord(i, +1)))
            {
                continue;
            }

            ref var token = ref _t.Items[i];
            latin[0] = Homoglyphs.LoneLetter(text[token.Start]);
            ClassifyWord(ref token, latin, ascii: true);
            _counts.Homoglyphs++;
        }

        int NeighbourWord(int i, int step)
        {
            for (var k = i + step; k >= 0 && k < _t.Count; k += step)
            {
                if (_t.Items[k].Kind == TokenKind.Word && !_t.Items[k].Dropped)
                {
                    return k;
                }
            }

            return -1;
        }

        bool IsLatinWord(int k) => k >= 0 && _t.Form(_t.Items[k]) is { Length: > 1 } form && Ascii.IsValid(form);
    }

    // ---- tokenization and classification ---------------------------------------------------------------------------

    private void Tokenize()
    {
        var text = _text.Chars;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            // Most chunks are a word of ASCII letters: its letters are counted once, here, for the chunk's end and for
            // Classify, and a word followed by a space or the end of the text needs no other scan.
            var letters = 0;
            int chunkEnd;
            if (char.IsAsciiLetter(text[i]))
            {
                var p = LettersEnd(text, i + 1);
                letters = p - i;
                chunkEnd = p == text.Length || text[p] == ' ' ? p : ChunkEnd(text, p, cjk: false);
                if (p < text.Length && text[p] != ' ' && chunkEnd >= p + 2)
                {
                    // "matter.The bank": two sentences joined by a missing space, read as "matter. The bank".
                    chunkEnd = CutAtMissingSpace(text, i, p, chunkEnd);
                }
            }
            else
            {
                chunkEnd = ChunkEnd(text, i, Punctuation.IsCjk(text[i]));

                // The same after lead marks ("*matter.The", "(MATTER.THE") or a look-alike first letter ("аmatter.The"):
                // the next pass may read the chunk from its first letter.
                var first = i;
                while (first < chunkEnd && Punctuation.IsLead(text[first]))
                {
                    first++;
                }

                chunkEnd = CutAtMissingSpace(text, first, first, chunkEnd);
            }

            ref var token = ref _t.Add();
            token.ChunkStart = i;

            // Three letters or more start no personal number, IBAN or NI number (PersonalData.TryLetterStart needs a
            // digit third).
            if (letters < 3 && PersonalData.TryChunkStart(text, i, chunkEnd, out var piiStart, out var piiEnd, out var placeholder)
                && !(placeholder == PersonalData.Account && PersonalData.FollowsReferenceCue(_t, _t.Count - 1)))
            {
                if (piiStart > i && text[piiStart - 1] == '[' && piiEnd < text.Length && text[piiEnd] == ']')
                {
                    // "[+1 555 123 4567]": the brackets go with the number, or the placeholder's would double them.
                    (piiStart, piiEnd) = (piiStart - 1, piiEnd + 1);
                }

                token.Start = piiStart;
                token.End = piiEnd;
                token.Kind = TokenKind.Placeholder;
                _t.SetForm(ref token, placeholder);
                var k = piiEnd;
                while (k < text.Length && Punctuation.IsTrail(text[k]))
                {
                    k++;
                }

                chunkEnd = k;
            }
            else
            {
                Classify(ref token, i, chunkEnd, letters);
                if (token.Kind == TokenKind.Word && token.End - token.Start == 1 && Homoglyphs.LoneLetter(text[token.Start]) != '\0')
                {
                    _loneLookAlikes.Add(_t.Count - 1);
                }
                else if (token.Kind == TokenKind.Acronym && (token.Flags & Lexicons.WordFlags.Code) == 0)
                {
                    _acronyms.Add(_t.Count - 1);
                }
            }

            token.ChunkEnd = chunkEnd;
            if ((token.Flags & NotedForPhrasePasses) != 0 || token.Intensifier)
            {
                NoteForPhrasePasses(token, _t.Count - 1);
            }

            i = chunkEnd;
        }
    }

    /// <summary>Top-level domains that a capitalised word after a dot may be ("example.Com"): a host, not a new sentence.</summary>
    private static readonly string[] DomainEnds = ["com", "net", "org", "gov", "edu", "io", "co", "uk", "us", "info", "biz"];

    /// <summary>
    /// Whether the chunk from <paramref name="start"/> to <paramref name="end"/>, whose lower-case letters end at the
    /// full stop at <paramref name="stop"/>, is two words joined by a missing space ("matter.The", "called.They"): a
    /// word of two or more lower-case letters, the stop, then a capitalised word of lower-case letters ("A" and "I"
    /// alone too) and at most sentence punctuation. Hosts ("example.Com"), e-mail addresses, abbreviations ("U.S.The", "ASP.NET") and
    /// numbers are not.
    /// </summary>
    private static bool IsMissingSpace(ReadOnlySpan<char> text, int start, int stop, int end)
    {
        if (!Ascii.IsValid(text[start..end]))
        {
            // Look-alike letters are read as the Latin letters the words will be repaired to, so that the canonical text,
            // repaired, is split the same way.
            if (end - start > 64)
            {
                return false;
            }

            Span<char> latin = stackalloc char[end - start];
            for (var k = 0; k < latin.Length; k++)
            {
                latin[k] = Homoglyphs.ToLatin(text[start + k]);
            }

            return Ascii.IsValid(latin[..(stop - start)]) && IsMissingSpaceAscii(latin, 0, stop - start, end - start);
        }

        return IsMissingSpaceAscii(text, start, stop, end);
    }

    /// <summary>Whether a missing space joins two sentences; see <see cref="IsMissingSpace"/>.</summary>
    private static bool IsMissingSpaceAscii(ReadOnlySpan<char> text, int start, int stop, int end)
    {
        if (stop - start < 2 || !char.IsAsciiLetterUpper(text[stop + 1]))
        {
            return false;
        }

        // "matter.The", or shouted, "MATTER.THE": the second word is in capitals exactly when the first is; a redaction
        // ("XXXX.down", "XXXXsooo.sooo", written in capitals) is no shouted word.
        var shouted = !text[start..stop].ContainsAnyExceptInRange('A', 'Z');
        if (!shouted && text[start..stop].ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }

        var wordEnd = LettersEnd(text, stop + 2);
        var next = text[(stop + 1)..wordEnd];
        if ((next.Length < 2 && next[0] is not ('A' or 'I')) || next[1..].ContainsAnyExceptInRange(shouted ? 'A' : 'a', shouted ? 'Z' : 'z')
            || (shouted && (stop - start < 3 || next.Length is 2 || text[start..stop].StartsWith("XX", StringComparison.Ordinal)))
            || !IsAllSentencePunctuation(text[wordEnd..end]))
        {
            return false;
        }

        if (next.Length > 4)
        {
            return true;
        }

        Span<char> lower = stackalloc char[4];
        Ascii.ToLower(next, lower, out var written);
        return !TokenStream.IsOneOf(lower[..written], DomainEnds);
    }

    /// <summary>
    /// The chunk's end, cut after the full stop when the word from <paramref name="first"/> (its letters read on from
    /// <paramref name="from"/>; a look-alike letter, "grеat.The", is read as the Latin one it is repaired to) and the next
    /// are joined by a missing space (<see cref="IsMissingSpace"/>); <paramref name="chunkEnd"/> otherwise.
    /// </summary>
    private static int CutAtMissingSpace(ReadOnlySpan<char> text, int first, int from, int chunkEnd)
    {
        var stop = LatinLettersEnd(text, from);
        return stop > first && stop + 2 <= chunkEnd && text[stop] == '.' && IsMissingSpace(text, first, stop, chunkEnd) ? stop + 1 : chunkEnd;
    }

    /// <summary>The end of the run of ASCII letters and look-alike letters (<see cref="Homoglyphs.ToLatin"/>) from <paramref name="k"/>.</summary>
    private static int LatinLettersEnd(ReadOnlySpan<char> text, int k)
    {
        while (k < text.Length && char.IsAsciiLetter(Homoglyphs.ToLatin(text[k])))
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Whether a word in capitals is two words joined by a full stop as <see cref="IsMissingSpace"/> splits them in
    /// capitals ("MATTER.THE"), where a lead mark ("*MATTER.THE") or a look-alike letter kept the split from being read:
    /// shouting, written in lower case (a dotted abbreviation, "U.S.C", is kept), so that the next pass, which does not
    /// split "matter.the", reads the same.
    /// </summary>
    private static bool IsJoinedShout(ReadOnlySpan<char> word)
    {
        var stop = word.IndexOf('.');
        if (stop < 3 || word[(stop + 1)..].Contains('.'))
        {
            return false;
        }

        var next = word[(stop + 1)..];
        return !word[..stop].ContainsAnyExceptInRange('A', 'Z') && !next.ContainsAnyExceptInRange('A', 'Z')
            && (next.Length >= 3 || next is "A" or "I");
    }

    /// <summary>The flags of the tokens <see cref="NoteForPhrasePasses"/> notes (and intensifiers): most tokens have none, and are not passed to it.</summary>
    private const Lexicons.WordFlags NotedForPhrasePasses = Lexicons.WordFlags.SystemPhraseStart | Lexicons.WordFlags.InsultPhraseStart
        | Lexicons.WordFlags.PersonalDataCue | Lexicons.WordFlags.ToneCue | Lexicons.WordFlags.Insult;

    /// <summary>
    /// Gets the end of the run of ASCII letters from <paramref name="k"/>: sixteen characters at a time in a vector
    /// where the text has them (a word's end is then no mispredicted branch), one at a time elsewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LettersEnd(ReadOnlySpan<char> text, int k)
    {
        while (Vector256.IsHardwareAccelerated && k + Vector256<ushort>.Count <= text.Length)
        {
            // (c | 0x20) - 'a' < 26 exactly for the ASCII letters.
            var units = Vector256.Create(MemoryMarshal.Cast<char, ushort>(text.Slice(k, Vector256<ushort>.Count)));
            var letters = Vector256.LessThan((units | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
            var run = System.Numerics.BitOperations.TrailingZeroCount(~letters.ExtractMostSignificantBits());
            if (run < Vector256<ushort>.Count)
            {
                return k + run;
            }

            k += Vector256<ushort>.Count;
        }

        while (k < text.Length && char.IsAsciiLetter(text[k]))
        {
            k++;
        }

        return k;
    }

    /// <summary>Notes the tokens the phrase passes look at, so that they need not read every token.</summary>
    private void NoteForPhrasePasses(in Token token, int index)
    {
        if ((token.Flags & Lexicons.WordFlags.SystemPhraseStart) != 0)
        {
            _notes.SystemStarts.Add(index);
        }

        if ((token.Flags & Lexicons.WordFlags.InsultPhraseStart) != 0)
        {
            _notes.InsultStarts.Add(index);
        }

        if (token.Intensifier)
        {
            _notes.Intensifiers.Add(index);
        }

        if ((token.Flags & Lexicons.WordFlags.PersonalDataCue) != 0)
        {
            _notes.PersonalDataCues.Add(index);
        }

        if ((token.Flags & Lexicons.WordFlags.ToneCue) != 0)
        {
            _notes.ToneCues.Add(index);
        }

        if (token.Dropped && (token.Flags & Lexicons.WordFlags.Insult) != 0)
        {
            _notes.Insults.Add(index);
        }
    }

    /// <summary>
    /// Gets the end of a chunk, scanning from <paramref name="k"/> (a chunk's start, or a place inside it where it is
    /// known to go on): the next white space, or a change into or out of Han, kana or Hangul; <paramref name="cjk"/>
    /// says whether the chunk is of those scripts.
    /// </summary>
    private static int ChunkEnd(ReadOnlySpan<char> text, int k, bool cjk)
    {
        while (k < text.Length)
        {
            if (!cjk)
            {
                // Printable ASCII never ends a chunk that is not CJK: skip it a vector at a time.
                var skip = text[k..].IndexOfAnyExceptInRange('!', '~');
                if (skip < 0)
                {
                    return text.Length;
                }

                k += skip;
            }

            var c = text[k];
            if (char.IsWhiteSpace(c) || Punctuation.IsCjk(c) != cjk)
            {
                return k;
            }

            k++;
        }

        return k;
    }

    /// <summary>Classifies the chunk from <paramref name="chunkStart"/> to <paramref name="chunkEnd"/>, which starts with <paramref name="letters"/> ASCII letters.</summary>
    private void Classify(ref Token token, int chunkStart, int chunkEnd, int letters)
    {
        var text = _text.Chars;
        var chunk = text[chunkStart..chunkEnd];
        if (letters > 0)
        {
            // Most chunks are ASCII letters and at most some sentence punctuation ("report.", "down!!!"): nothing but
            // the word can come of them (no placeholder, emoticon, masked profanity, e-mail, URL or identifier), so
            // the checks below are skipped.
            var rest = chunk[letters..];
            if ((rest.IsEmpty || (IsAllSentencePunctuation(rest) && (chunk.Length > 3 || char.IsAsciiLetterOrDigit(chunk[^1])))))
            {
                token.Start = chunkStart;
                token.End = chunkStart + letters;
                ClassifyLetters(ref token, chunk[..letters]);
                return;
            }
        }

        // Other short chunks ("(", "):", "don't", "500", and ASCII ones of up to 16 characters such as CFPB's
        // "XX/XX/2019"): their classification depends on the chunk alone too.
        if (WordMemo.TryKey(chunk, out var first, out var last)
            || (chunk.Length <= 16 && Ascii.IsValid(chunk) && WordMemo.TryLongKey(chunk, out first, out last)))
        {
            if (_chunkMemo.TryFind(first, last, chunk.Length, out var index))
            {
                ref var slot = ref _chunkMemo.SlotAt(index);
                token.Start = chunkStart + slot.StartOffset;
                token.End = chunkStart + slot.EndOffset;
                Replay(ref token, slot, _chunkMemo, index, text[token.Start..token.End]);
                return;
            }

            var before = _counts;
            ClassifyChunk(ref token, chunkStart, chunkEnd);
            Remember(_chunkMemo, index, first, last, chunk.Length, ref token, before, token.Start - chunkStart, token.End - chunkStart);
            return;
        }

        ClassifyChunk(ref token, chunkStart, chunkEnd);
    }

    /// <summary>Whether every character is one of <see cref="Punctuation.Sentence"/>: a scalar loop, as what follows a word is a character or two.</summary>
    private static bool IsAllSentencePunctuation(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (c is not ('.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\''))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Classifies a chunk that is not a plain word: placeholders, emoticons, masked profanity, identifiers, e-mail, URLs, numbers and punctuation.</summary>
    private void ClassifyChunk(ref Token token, int chunkStart, int chunkEnd)
    {
        var text = _text.Chars;
        var chunk = text[chunkStart..chunkEnd];
        if (Punctuation.IsLead(chunk[0]))
        {
            // A placeholder, or one after opening punctuation ("[[email]", as "[x@y.com" is written).
            for (var p = 0; p < chunk.Length && Punctuation.IsLead(chunk[p]); p++)
            {
                foreach (var placeholder in chunk[p] == '[' ? PersonalData.Placeholders : [])
                {
                    if (chunk[p..].StartsWith(placeholder, StringComparison.Ordinal) && Punctuation.IsAllTrail(chunk[(p + placeholder.Length)..]))
                    {
                        token.Start = chunkStart + p;
                        token.End = token.Start + placeholder.Length;
                        token.Kind = TokenKind.Placeholder;
                        _t.SetForm(ref token, placeholder);
                        return;
                    }
                }
            }
        }

        // An emoticon is read as the canonical text shows it, without Markdown marks at its edges ("*<3" is "<3" there).
        var face = chunk.Trim(Punctuation.MarkdownEdges);
        if (face.Length is > 0 and <= 3 && !(char.IsAsciiLetterOrDigit(face[0]) && char.IsAsciiLetterOrDigit(face[^1])) && Patterns.IsEmoticon(face))
        {
            token.Start = chunkStart;
            token.End = chunkEnd;
            token.Dropped = true;
            _counts.Emoji++;
            return;
        }

        // Masked profanity first: its masks (* ! $) would otherwise be taken for punctuation.
        var lead = 0;
        while (lead < chunk.Length && chunk[lead] is '"' or '\'' or '(' or '[')
        {
            lead++;
        }

        var trail = chunk.Length;
        while (trail > lead && (Punctuation.Sentence.Contains(chunk[trail - 1]) || chunk[trail - 1] == '‽'))
        {
            trail--;
        }

        if (trail > lead && chunk.ContainsAny(MaskCharacters) && IsMaskedProfanity(chunk[lead..trail]))
        {
            token.Start = chunkStart + lead;
            token.End = chunkStart + trail;
            token.Dropped = true;
            _counts.Profanity++;
            return;
        }

        lead = 0;
        while (lead < chunk.Length && Punctuation.IsLead(chunk[lead]))
        {
            lead++;
        }

        trail = chunk.Length;
        while (trail > lead && Punctuation.IsTrail(chunk[trail - 1]))
        {
            trail--;
        }

        token.Start = chunkStart + lead;
        token.End = chunkStart + trail;
        if (trail == lead)
        {
            token.Start = token.End = chunkStart;
            token.Kind = TokenKind.Punctuation;
            return;
        }

        var core = chunk[lead..trail];
        if (core.ContainsAny(MaskCharacters) && IsMaskedProfanity(core))
        {
            // Masked profanity inside Markdown marks ("_f*ck_", "*sh!t*"): the marks go, so it must go too.
            token.Dropped = true;
            _counts.Profanity++;
            return;
        }

        if (!core.ContainsAnyExcept(AsciiLetters))
        {
            // Letters only (most tokens): no e-mail, URL or identifier can be made of them.
            ClassifyWord(ref token, core, ascii: true);
            return;
        }

        ClassifyCore(ref token, core);
    }

    private void ClassifyCore(ref Token token, ReadOnlySpan<char> core)
    {
        if (PersonalData.ClassifyCore(core) is { } personal)
        {
            token.Kind = TokenKind.Placeholder;
            _t.SetForm(ref token, personal);
            if (personal == PersonalData.Email && core.Contains("@[", StringComparison.Ordinal) && token.End < _text.Length && _text[token.End] == ']')
            {
                // An IP-literal domain keeps its closing bracket.
                token.End++;
            }

            return;
        }

        if (Patterns.IsUrl(core))
        {
            token.Kind = TokenKind.Url;
            var hostEnd = Patterns.UrlHostEnd(core);
            var start = _t.BeginForm();
            _t.AppendLower(core[..hostEnd]);
            _t.AppendForm(core[hostEnd..]);
            _t.EndForm(ref token, start);
            return;
        }

        var kind = Patterns.ClassifyIdentifier(core);
        switch (kind)
        {
            case TokenKind.ErrorCode when core.Length > 2 && core[0] == '0' && core[1] is 'x' or 'X':
                token.Kind = kind;
                var start = _t.BeginForm();
                _t.AppendForm("0x");
                _t.AppendUpper(core[2..]);
                _t.EndForm(ref token, start);
                return;
            case TokenKind.ErrorCode or TokenKind.Reference:
                token.Kind = kind;
                start = _t.BeginForm();
                _t.AppendUpper(core);
                _t.EndForm(ref token, start);
                return;
            case TokenKind.Host:
                token.Kind = kind;
                start = _t.BeginForm();
                _t.AppendLower(core);
                _t.EndForm(ref token, start);
                return;
            case TokenKind.Date or TokenKind.Amount or TokenKind.Number or TokenKind.Ordinal or TokenKind.Duration or TokenKind.Identifier:
                token.Kind = kind;
                start = _t.BeginForm();
                if (kind is TokenKind.Ordinal or TokenKind.Duration)
                {
                    _t.AppendLower(core);
                }
                else if (kind == TokenKind.Identifier && IdentifierCase(core) is var upper and not null)
                {
                    // The case of an identifier says nothing of the facts: "1681i" and "1681I", "and/or" and
                    // "AND/OR" are one each (tone invariance).
                    if (upper.Value)
                    {
                        _t.AppendUpper(core);
                    }
                    else
                    {
                        _t.AppendLower(core);
                    }
                }
                else
                {
                    _t.AppendForm(core);
                }

                _t.EndForm(ref token, start);
                if (kind == TokenKind.Identifier && _lex.SystemsLookup.TryGetValue(_t.Lower(core), out var system))
                {
                    token.Kind = TokenKind.System;
                    _t.SetForm(ref token, system);
                }

                return;
            default:
                ClassifyWord(ref token, core, Ascii.IsValid(core));
                return;
        }
    }

    /// <summary>
    /// Classifies a word of ASCII letters, from a memo when the word was seen before: one for words of up to eight
    /// letters, one for words of nine to sixteen. Longer words are classified every time.
    /// </summary>
    private void ClassifyLetters(ref Token token, ReadOnlySpan<char> word)
    {
        WordMemo memo;
        ulong first, last;
        if (WordMemo.TryKey(word, out first, out last))
        {
            memo = _memo;
        }
        else if (WordMemo.TryLongKey(word, out first, out last))
        {
            memo = _longMemo;
        }
        else
        {
            ClassifyWord(ref token, word, ascii: true);
            return;
        }

        if (memo.TryFind(first, last, word.Length, out var index))
        {
            Replay(ref token, memo.SlotAt(index), memo, index, word);
            return;
        }

        var before = _counts;
        ClassifyWord(ref token, word, ascii: true);
        Remember(memo, index, first, last, word.Length, ref token, before, startOffset: 0, endOffset: 0);
    }

    /// <summary>Replays a remembered classification; <paramref name="core"/> is the token's core, which the form is most often made from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Replay(ref Token token, in WordMemo.Slot slot, WordMemo memo, int index, ReadOnlySpan<char> core)
    {
        token.Kind = slot.Kind;
        token.Dropped = slot.Dropped;
        token.Intensifier = slot.Intensifier;
        token.Entry = slot.Entry;
        token.Flags = slot.Flags;
        var start = _t.BeginForm();
        switch (slot.Source)
        {
            case WordMemo.FormSource.Verbatim:
                AppendShort(core, 0);
                break;
            case WordMemo.FormSource.Lower:
                AppendShort(core, LowerMask);
                break;
            case WordMemo.FormSource.System:
                _t.AppendForm(_lex.Words[slot.Entry - 1].System);
                break;
            default:
                ref var kept = ref memo.ExtraAt(index);
                _t.EnsureForms(8);
                var bytes = MemoryMarshal.AsBytes(_t.Forms.AsSpan(start, 8));
                MemoryMarshal.Write(bytes, kept.Form0);
                MemoryMarshal.Write(bytes[8..], kept.Form1);
                _t.FormLength += kept.FormLength;
                break;
        }

        _t.EndForm(ref token, start);
        token.FormHash = slot.FormHash;
        if (slot.HasCounts)
        {
            ref var counts = ref memo.ExtraAt(index);
            _counts.Shouting += counts.Shouting;
            _counts.StretchedLetters += counts.StretchedLetters;
            _counts.Profanity += counts.Profanity;
            _counts.Insults += counts.Insults;
            _counts.Interjections += counts.Interjections;
        }
    }

    /// <summary><c>0x20</c> in each of four characters: set, it puts ASCII letters in lower case.</summary>
    private const ulong LowerMask = 0x0020_0020_0020_0020UL;

    /// <summary>
    /// Appends a core of at most sixteen characters with <paramref name="mask"/> set in each (0 to copy it,
    /// <see cref="LowerMask"/> for lower case): two overlapping moves of eight or four characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AppendShort(ReadOnlySpan<char> core, ulong mask)
    {
        _t.EnsureForms(16);
        var source = MemoryMarshal.AsBytes(core);
        var destination = MemoryMarshal.AsBytes(_t.Forms.AsSpan(_t.FormLength, core.Length));
        if (core.Length >= 8)
        {
            var masks = Vector128.Create(mask).AsByte();
            (Vector128.Create<byte>(source) | masks).CopyTo(destination);
            (Vector128.Create<byte>(source[^16..]) | masks).CopyTo(destination[^16..]);
        }
        else if (core.Length >= 4)
        {
            MemoryMarshal.Write(destination, MemoryMarshal.Read<ulong>(source) | mask);
            MemoryMarshal.Write(destination[^8..], MemoryMarshal.Read<ulong>(source[^8..]) | mask);
        }
        else
        {
            for (var k = 0; k < core.Length; k++)
            {
                _t.Forms[_t.FormLength + k] = (char)(core[k] | (char)mask);
            }
        }

        _t.FormLength += core.Length;
    }

    /// <summary>
    /// Remembers a classification in slot <paramref name="index"/> of <paramref name="memo"/>, unless the replay
    /// could not give it again (something it does not count was counted, a long form that is not a system's name);
    /// <paramref name="startOffset"/> and <paramref name="endOffset"/> place the core in a chunk (0 for a word, which
    /// is its own core).
    /// </summary>
    private void Remember(WordMemo memo, int index, ulong first, ulong last, int length, ref Token token, in NeutralizedCountsBuilder before, int startOffset, int endOffset)
    {
        ref var slot = ref memo.SlotAt(index);
        var after = _counts;
        var (shouting, stretched, profanity, insults, interjections) = (after.Shouting - before.Shouting,
            after.StretchedLetters - before.StretchedLetters, after.Profanity - before.Profanity,
            after.Insults - before.Insults, after.Interjections - before.Interjections);
        var replayed = shouting + stretched + profanity + insults + interjections;
        if (after.Total - before.Total != replayed || !WordMemo.Slot.Fits(token.Entry, token.Flags, startOffset, endOffset))
        {
            // Something the replay does not count (an emoticon, a punctuation run) was counted: not remembered.
            return;
        }

        var form = _t.Form(token);
        var core = _text.Chars[token.Start..token.End];
        ref var extra = ref memo.ExtraAt(index);
        WordMemo.FormSource source;
        if (form.SequenceEqual(core))
        {
            source = WordMemo.FormSource.Verbatim;
        }
        else if (IsLowerOf(form, core))
        {
            source = WordMemo.FormSource.Lower;
        }
        else if (token.Kind == TokenKind.System && token.Entry != 0 && form.SequenceEqual(_lex.Words[token.Entry - 1].System))
        {
            source = WordMemo.FormSource.System;
        }
        else if (form.Length > 8)
        {
            // Only a system's canonical name is longer than the word.
            return;
        }
        else
        {
            Span<char> packed = stackalloc char[8];
            packed.Clear();
            form.CopyTo(packed);
            var bytes = MemoryMarshal.AsBytes(packed);
            source = WordMemo.FormSource.Kept;
            extra.Form0 = MemoryMarshal.Read<ulong>(bytes);
            extra.Form1 = MemoryMarshal.Read<ulong>(bytes[8..]);
            extra.FormLength = (byte)form.Length;
        }

        // The fingerprint needs the form's hash: taken once here, for every time the memo gives the word again.
        if (token.FormHash == 0 && form.Length > 0)
        {
            token.FormHash = Hashing.Hash(form);
        }

        var hasCounts = replayed != 0;
        if (hasCounts)
        {
            (extra.Shouting, extra.StretchedLetters, extra.Profanity, extra.Insults, extra.Interjections) =
                ((byte)shouting, (byte)stretched, (byte)profanity, (byte)insults, (byte)interjections);
        }

        slot.Set(first, last, length, token, startOffset, endOffset, source, hasCounts);

        // Whether the form is the core with 0x20 set in each character, as AppendShort makes it.
        static bool IsLowerOf(ReadOnlySpan<char> form, ReadOnlySpan<char> core)
        {
            if (form.Length != core.Length)
            {
                return false;
            }

            for (var k = 0; k < form.Length; k++)
            {
                if (form[k] != (char)(core[k] | 0x20))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Classifies a word; <paramref name="ascii"/> says it is all ASCII, so no look-alike, folding or recomposition can apply.</summary>
    private void ClassifyWord(ref Token token, ReadOnlySpan<char> core, bool ascii)
    {
        if (((core[0] | 0x20) == 'x' || !ascii)
            && ((core.Length >= 2 && char.IsAsciiLetter(core[0]) && !core.ContainsAnyExcept(RedactionCharacters))
                || (core.StartsWith("XXXX", StringComparison.Ordinal) && (ascii || Ascii.IsValid(core)))))
        {
            // CFPB redactions (XXXX, XX/XX/XXXX) are not shouting.
            token.Kind = Patterns.IsDate(core) ? TokenKind.Date : TokenKind.Redaction;
            var s = _t.BeginForm();
            _t.AppendUpper(core);
            _t.EndForm(ref token, s);
            return;
        }

        scoped ReadOnlySpan<char> repaired = core;
        if (!ascii)
        {
            // A scratch array, not stackalloc: a method with a variable-size stackalloc is compiled once, without the
            // runtime's profile-guided tiers, and this is the hottest method of the normalizer.
            var repairedBuffer = Scratch(ref _scratchWord, core.Length);
            repaired = Homoglyphs.Repair(core, repairedBuffer, out var replaced) ? repairedBuffer : core;
            _counts.Homoglyphs += replaced;
        }

        var start = _t.BeginForm();
        var shape = ascii ? FoldAscii(repaired, start) : FoldUnicode(repaired, start);
        var folded = _t.Forms.AsSpan(start, _t.FormLength - start);
        if (!ascii && folded.Length >= 2 && folded[0] == 'x' && !folded.ContainsAnyExcept(RedactionCharacters))
        {
            // Look-alikes and folding made a redaction ("Χx", Greek Chi, is "xx"): written as one, in capitals, so
            // that normalizing the canonical text again reads the same redaction.
            for (var k = 0; k < folded.Length; k++)
            {
                folded[k] = folded[k] == 'x' ? 'X' : folded[k];
            }

            token.Kind = Patterns.IsDate(folded) ? TokenKind.Date : TokenKind.Redaction;
            _t.EndForm(ref token, start);
            return;
        }

        if (shape.MayBeStretched && Stretch.TryRestore(folded, _lex, out var restoredLength))
        {
            _t.FormLength = start + restoredLength;
            folded = _t.Forms.AsSpan(start, restoredLength);
            _counts.StretchedLetters++;
            shape.Hash = 0;
        }

        _t.EndForm(ref token, start);
        token.Kind = TokenKind.Word;
        token.FormHash = shape.Hash != 0 ? shape.Hash : Hashing.Hash(folded);
        ClassifyFoldedWord(ref token, repaired, folded, shape, ascii);
    }

    /// <summary>What the folding pass of a word saw, and the hash of its folded form (0 when not computed).</summary>
    private struct WordShape
    {
        public int Letters;
        public int Upper;
        public int Lower;
        public bool InteriorUpper;
        public bool MayBeStretched;
        public ulong Hash;
    }

    /// <summary>
    /// Appends an ASCII word in lower case to the forms, in one pass that also counts its letters, hashes it and sees
    /// whether a letter repeats three times (a stretched word).
    /// </summary>
    private WordShape FoldAscii(ReadOnlySpan<char> word, int start)
    {
        _t.EnsureForms(word.Length);
        var forms = _t.Forms.AsSpan(start, word.Length);
        int upper = 0, lower = 0;
        bool interiorUpper = false, stretched = false, previousLower = false;
        char previous = '\0', beforePrevious = '\0';
        var state = Hashing.Seed;
        for (var k = 0; k < word.Length; k++)
        {
            // Without branches on the letters: capitals in mixed-case words would make them mispredicted.
            var c = word[k];
            var isUpper = char.IsAsciiLetterUpper(c);
            var isLower = char.IsAsciiLetterLower(c);
            upper += isUpper ? 1 : 0;
            lower += isLower ? 1 : 0;
            interiorUpper |= isUpper & previousLower;
            previousLower = (previousLower & !isUpper) | isLower;
            c = (char)(c | (isUpper ? 0x20 : 0));
            forms[k] = c;
            state = Hashing.Step(state, c);
            stretched |= (c == previous) & (c == beforePrevious) & (k >= 2);
            beforePrevious = previous;
            previous = c;
        }

        _t.FormLength += word.Length;
        return new WordShape
        {
            Letters = upper + lower,
            Upper = upper,
            Lower = lower,
            InteriorUpper = interiorUpper,
            MayBeStretched = stretched,
            Hash = Hashing.Mix(state),
        };
    }

    /// <summary>Appends a word case folded (full folding from the shipped tables) to the forms and counts its letters.</summary>
    private WordShape FoldUnicode(ReadOnlySpan<char> word, int start)
    {
        var shape = new WordShape { MayBeStretched = true };
        var previousLower = false;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                shape.Letters++;
                if (char.IsUpper(c))
                {
                    shape.Upper++;
                    shape.InteriorUpper |= previousLower;
                    previousLower = false;
                }
                else if (char.IsLower(c))
                {
                    shape.Lower++;
                    previousLower = true;
                }
            }
        }

        AppendFolded(word);
        var folded = _t.Forms.AsSpan(start, _t.FormLength - start);
        if (!Ascii.IsValid(folded))
        {
            // Folding can make a look-alike ("ᲀ" folds to Cyrillic "в"): repair again, so the next pass has nothing to repair.
            var again = Scratch(ref _scratchFold, folded.Length);
            if (Homoglyphs.Repair(folded, again, out var more))
            {
                for (var k = 0; k < folded.Length; k++)
                {
                    folded[k] = char.IsAsciiLetterUpper(again[k]) ? (char)(again[k] | 0x20) : again[k];
                }

                _counts.Homoglyphs += more;
            }
        }

        return shape;
    }

    /// <summary>Looks a folded word up and classifies it: system, dropped tone word, intensifier, abbreviation, acronym, product or word.</summary>
    private void ClassifyFoldedWord(ref Token token, ReadOnlySpan<char> repaired, ReadOnlySpan<char> folded, in WordShape shape, bool ascii)
    {
        var allUpper = shape.Letters >= 2 && shape.Upper == shape.Letters;
        var flags = Lexicons.WordFlags.None;
        if (_lex.Words.TryGetIndex(folded, token.FormHash, out var index, out var tag))
        {
            token.Entry = index + 1;
            flags = (Lexicons.WordFlags)tag;
            token.Flags = flags;
            if ((flags & Lexicons.WordFlags.System) != 0)
            {
                token.Kind = TokenKind.System;
                _t.SetForm(ref token, _lex.Words[index].System);
                return;
            }

            if ((flags & (Lexicons.WordFlags.Profanity | Lexicons.WordFlags.Insult | Lexicons.WordFlags.Interjection)) != 0)
            {
                token.Dropped = true;
                _counts.Profanity += (flags & Lexicons.WordFlags.Profanity) != 0 ? 1 : 0;
                _counts.Insults += (flags & (Lexicons.WordFlags.Profanity | Lexicons.WordFlags.Insult)) == Lexicons.WordFlags.Insult ? 1 : 0;
                _counts.Interjections += (flags & (Lexicons.WordFlags.Profanity | Lexicons.WordFlags.Insult)) == 0 ? 1 : 0;
                return;
            }

            if ((flags & Lexicons.WordFlags.Intensifier) != 0)
            {
                token.Intensifier = true;
                _counts.Shouting += allUpper ? 1 : 0;
                return;
            }
        }

        if (allUpper && repaired.Contains('.') && !IsJoinedShout(repaired))
        {
            // Dotted abbreviations (U.S.C, U.S) are kept as written; they name no system.
            token.Kind = TokenKind.Identifier;
            _t.SetForm(ref token, repaired);
            return;
        }

        if (allUpper && shape.Letters <= 6 && (flags & Lexicons.WordFlags.Known) == 0 && (ascii || Ascii.IsValid(repaired))
            && shape.Letters == repaired.Length - CountSeparators(repaired)
            && !(shape.Letters < repaired.Length && OrdinaryWordsOnly(folded, minimumLength: 1)))
        {
            // (Ordinary words joined by separators, "AND/OR", are shouting.)
            token.Kind = TokenKind.Acronym;
            _t.SetForm(ref token, repaired);
            return;
        }

        if (shape.InteriorUpper && shape.Lower > 0 && !repaired.ContainsAny('-', '\''))
        {
            if ((flags & Lexicons.WordFlags.Known) != 0 || (shape.Letters < repaired.Length && OrdinaryWordsOnly(folded, minimumLength: 2)))
            {
                // Odd casing of an ordinary word ("nOBODY", "WoRkInG") is shouting, not a product name; so are
                // ordinary words joined by a separator, each with its capital ("Collection/Loss").
                _counts.Shouting++;
                return;
            }

            token.Kind = TokenKind.Product;
            _t.SetForm(ref token, repaired);
            return;
        }

        if (allUpper)
        {
            _counts.Shouting++;
        }
    }

    /// <summary>Gets the first <paramref name="length"/> characters of a scratch array, grown when too small.</summary>
    private static Span<char> Scratch(ref char[] scratch, int length)
    {
        if (scratch.Length < length)
        {
            scratch = new char[Math.Max(length, scratch.Length * 2)];
        }

        return scratch.AsSpan(0, length);
    }

    private static int CountSeparators(ReadOnlySpan<char> word)
    {
        var n = 0;
        foreach (var c in word)
        {
            n += c is '.' or '&' or '/' ? 1 : 0;
        }

        return n;
    }

    private bool IsMaskedProfanity(ReadOnlySpan<char> word)
    {
        if (word.Length is < 3 or > 24 || !word.ContainsAny(MaskCharacters) || word.ContainsAnyInRange('\0', ' '))
        {
            return false;
        }

        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else if (!MaskCharacters.Contains(c))
            {
                return false;
            }
        }

        if (letters == 0 || (word[0] == '0' && word.Length > 1 && word[1] is 'x' or 'X'))
        {
            return false;
        }

        foreach (var candidate in _lex.ProfanityList)
        {
            if (candidate.Length != word.Length)
            {
                continue;
            }

            var match = true;
            for (var k = 0; k < word.Length && match; k++)
            {
                var c = word[k];
                var d = c switch
                {
                    '$' or '5' => 's',
                    '1' or '!' => 'i',
                    '0' => 'o',
                    '3' => 'e',
                    '4' or '@' => 'a',
                    '7' => 't',
                    '8' => 'b',
                    '*' or '#' or '%' => '*',
                    _ => (char)(c | 0x20),
                };
                match = d == '*' || d == candidate[k];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    // ---- forms -----------------------------------------------------------------------------------------------------

    /// <summary>Full case folding from the shipped table, then NFKC again where folding produced several code points.</summary>
    private void AppendFolded(ReadOnlySpan<char> text)
    {
        // A case folding makes up to three code points of one (U+0390), each at most as long as the character folded.
        _t.EnsureForms(MaxFoldExpansion * text.Length);
        var start = _t.FormLength;
        var recompose = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                _t.Forms[_t.FormLength++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                continue;
            }

            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(c, text[++i]);
            }

            var folded = UnicodeData.Fold(cp);
            if (folded is null)
            {
                _t.AppendCodePoint(cp);
            }
            else
            {
                recompose |= folded.Length > 1 || UnicodeData.Decompose(folded[0]) is not null;
                foreach (var f in folded)
                {
                    _t.AppendCodePoint(f);
                }
            }
        }

        if (recompose)
        {
            Recompose(start);
        }
    }

    /// <summary>The most UTF-16 characters a case folding makes of one (U+0390 folds to three code points).</summary>
    private const int MaxFoldExpansion = 3;

    /// <summary>Applies NFKC again to the folded form from <paramref name="start"/> on.</summary>
    private void Recompose(int start)
    {
        var segment = _t.Forms.AsSpan(start, _t.FormLength - start);
        var points = _foldPoints;
        points.Clear();
        for (var i = 0; i < segment.Length; i++)
        {
            int cp = segment[i];
            if (char.IsHighSurrogate(segment[i]) && i + 1 < segment.Length && char.IsLowSurrogate(segment[i + 1]))
            {
                cp = char.ConvertToUtf32(segment[i], segment[++i]);
            }

            var d = UnicodeData.Decompose(cp);
            if (d is null)
            {
                points.Add(cp, 0);
            }
            else
            {
                foreach (var x in d)
                {
                    points.Add(x, 0);
                }
            }
        }

        points.Compose();
        _t.FormLength = start;
        foreach (var cp in points.Points)
        {
            _t.AppendCodePoint(cp);
        }
    }
    // ---- multi-word systems ------------------------------------------------------------------------------------------

    public void MergeSystemPhrases()
    {
        // Only the tokens that can start a system phrase, noted by the tokenizer, in order; a merge skips the
        // tokens it takes.
        var resume = 0;
        foreach (var i in _notes.SystemStarts)
        {
            if (i < resume)
            {
                continue;
            }

            ref var first = ref _t.Items[i];
            if (first.Dropped || !first.IsWordLike || (first.Flags & Lexicons.WordFlags.SystemPhraseStart) == 0)
            {
                continue;
            }

            if (!_lex.SystemPhrases.TryGetValue(_t.Lower(_t.Form(first)), out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (i + phrase.Words.Length > _t.Count)
                {
                    continue;
                }

                // Words the tokenizer dropped for tone (profanity, an interjection, an emoji) may stand between the
                // phrase's words, bare of punctuation: "credit f***ing report" is the system "credit report", as
                // "credit report" is (tone invariance). At most MaxToneInPhrase of them.
                var match = true;
                var k = i;
                for (var w = 0; w < phrase.Words.Length && match; w++, k++)
                {
                    var skipped = 0;
                    while (w > 0 && k < _t.Count && _t.Items[k].Dropped && _t.Items[k].Kind != TokenKind.Merged
                        && _t.HasNoLead(_t.Items[k]) && _t.HasNoTrail(_t.Items[k]) && skipped < MaxToneInPhrase)
                    {
                        k++;
                        skipped++;
                    }

                    if (k >= _t.Count)
                    {
                        match = false;
                        break;
                    }

                    ref var t = ref _t.Items[k];
                    match = !t.Dropped && (t.IsWordLike || t.Kind is TokenKind.Number or TokenKind.Identifier)
                        && FoldedEquals(_t.Form(t), phrase.Words[w])
                        && (w == phrase.Words.Length - 1 || _t.HasNoTrail(t))
                        && (w == 0 || _t.HasNoLead(t));
                }

                if (!match)
                {
                    continue;
                }

                ref var last = ref _t.Items[k - 1];
                first.End = last.End;
                first.ChunkEnd = last.ChunkEnd;
                first.Kind = TokenKind.System;
                first.Intensifier = false;
                _t.SetForm(ref first, phrase.Canonical);
                for (var w = i + 1; w < k; w++)
                {
                    _t.Items[w].Kind = TokenKind.Merged;
                }

                resume = k;
                break;
            }
        }
    }

    /// <summary>
    /// The case an identifier is written in: capitals when it holds a digit ("1681I", "604A", "1099-C", as references
    /// are); lower case when its letters are ordinary words only ("and/or", "told-"); <see langword="null"/> (as
    /// written) otherwise ("Chase/JP").
    /// </summary>
    private bool? IdentifierCase(ReadOnlySpan<char> core)
    {
        if (core.IndexOfAnyInRange('0', '9') >= 0)
        {
            // Digits with ordinary words are lower case ("30-day"), with code letters capitals ("1681s-2", "2fa").
            return core.ContainsAnyInRange('a', 'z') || core.ContainsAnyInRange('A', 'Z') ? !OrdinaryWordsOnly(core, minimumLength: 2) : null;
        }

        return OrdinaryWordsOnly(core, minimumLength: 1) ? false : null;
    }

    /// <summary>
    /// Whether every run of ASCII letters in <paramref name="text"/> is an ordinary word ("and/or", "TOLD-") of at least
    /// <paramref name="minimumLength"/> letters, and there is one.
    /// </summary>
    private bool OrdinaryWordsOnly(ReadOnlySpan<char> text, int minimumLength)
    {
        Span<char> lower = stackalloc char[32];
        var k = 0;
        var words = 0;
        while (k < text.Length)
        {
            if (!char.IsAsciiLetter(text[k]))
            {
                k++;
                continue;
            }

            var end = LettersEnd(text, k + 1);
            if (end - k > lower.Length || end - k < minimumLength)
            {
                return false;
            }

            var word = lower[..(end - k)];
            Ascii.ToLower(text[k..end], word, out _);
            if (!_lex.CommonLookup.Contains(word))
            {
                return false;
            }

            words++;
            k = end;
        }

        return words > 0;
    }

    /// <summary>The most tone-dropped tokens that may stand between two words of a system phrase.</summary>
    private const int MaxToneInPhrase = 2;

    private static bool FoldedEquals(ReadOnlySpan<char> form, string word) => form.Equals(word, StringComparison.OrdinalIgnoreCase);
}
