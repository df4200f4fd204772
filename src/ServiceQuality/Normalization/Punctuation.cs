using System.Buffers;

namespace ServiceQuality.Normalization;

/// <summary>
/// The punctuation sets every stage reads a chunk with: what leads and trails a word, what the canonical text leaves
/// out, what ends a sentence. One place, so that the tokenizer, the phrase and tone passes and the canonical writer
/// agree on what a chunk shows.
/// </summary>
internal static class Punctuation
{
    /// <summary>Punctuation a chunk may start with before its core.</summary>
    public static readonly SearchValues<char> Lead = SearchValues.Create("\"'([{<*_~`");

    /// <summary>Punctuation a chunk may end with after its core.</summary>
    public static readonly SearchValues<char> Trail = SearchValues.Create(".,;:!?)]}>\"'*_~`+");

    /// <summary>What may follow a plain word in a chunk that is still only the word ("report.", "down!!!").</summary>
    public static readonly SearchValues<char> Sentence = SearchValues.Create(".,;:!?)]\"'");

    /// <summary>Punctuation the canonical text leaves out (Markdown marks, braces, inverted marks).</summary>
    public static readonly SearchValues<char> DroppedMarks = SearchValues.Create("{}*_~`¿¡");

    /// <summary>The Markdown marks and braces the canonical text leaves out at a chunk's edges, as a span to trim.</summary>
    public const string MarkdownEdges = "{}*_~`¿¡";

    /// <summary>A run of <c>! ? ‽</c> with Markdown marks: all the canonical text keeps of it is a full stop, where it ends a sentence.</summary>
    public static readonly SearchValues<char> EmphaticMarks = SearchValues.Create("!?‽{}*_~`¿¡");

    /// <summary>Han, kana and Hangul are written without spaces: a chunk ends where such a script starts or stops.</summary>
    public static bool IsCjk(char c) => Patterns.IsCjk(c);

    /// <summary>Whether a character may lead a chunk's core.</summary>
    public static bool IsLead(char c) => Lead.Contains(c) || c is '¿' or '¡';

    /// <summary>Whether a character may trail a chunk's core.</summary>
    public static bool IsTrail(char c) => Trail.Contains(c) || c == '‽';

    /// <summary>Whether <paramref name="text"/> holds a full stop, semicolon or ellipsis: a scalar loop, as the punctuation after a word is a character or two.</summary>
    public static bool HasStop(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '.' or ';' or '…')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> holds <c>! ? ‽</c> (see <see cref="HasStop"/>).</summary>
    public static bool HasEmphatic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '!' or '?' or '‽')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the last <c>. , ; : …</c> in <paramref name="text"/>, or -1 (see <see cref="HasStop"/>).</summary>
    public static int LastSentenceMark(ReadOnlySpan<char> text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] is '.' or ',' or ';' or ':' or '…')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether every character of <paramref name="text"/> may trail a core.</summary>
    public static bool IsAllTrail(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsTrail(c))
            {
                return false;
            }
        }

        return true;
    }
}
