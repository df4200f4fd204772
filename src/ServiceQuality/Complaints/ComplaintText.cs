using System.Globalization;

namespace ServiceQuality.Complaints;

/// <summary>
/// The rule for text that goes into a complaint's history: it must be well-formed UTF-16. A lone surrogate (half of a
/// pair, usually left by cutting a string in the middle of an emoji) cannot be written as UTF-8, so a database, a JSON
/// writer or a network protocol would silently replace it with U+FFFD. ServiceQuality refuses it at intake with an
/// <see cref="ArgumentException"/> that says where it is, so what is stored is always exactly what was received.
/// </summary>
public static class ComplaintText
{
    /// <summary>Finds the first lone surrogate in <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The index of the first high surrogate not followed by a low one, or low surrogate not preceded by a high one; -1 when the text is well-formed.</returns>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return -1;
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                i += 2;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
            else
            {
                i++;
            }

            int next = text[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (next < 0)
            {
                return -1;
            }

            i += next;
        }

        return -1;
    }

    /// <summary>Tells whether <paramref name="text"/> is well-formed UTF-16 (no lone surrogate).</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when every surrogate is half of a pair.</returns>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => IndexOfLoneSurrogate(text) < 0;

    /// <summary>Refuses a lone surrogate in <paramref name="text"/> (a <see langword="null"/> passes: check it separately).</summary>
    /// <param name="text">The text.</param>
    /// <param name="paramName">The parameter it came from, named in the exception.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> has a lone surrogate; the message says where.</exception>
    public static void ThrowIfIllFormed(string? text, string? paramName)
    {
        if (text is not null && IndexOfLoneSurrogate(text) is var i and >= 0)
        {
            throw new ArgumentException(Describe(text, i), paramName);
        }
    }

    /// <summary>Refuses text that is <see langword="null"/>, empty, white space, or not well-formed UTF-16.</summary>
    /// <param name="text">The text.</param>
    /// <param name="paramName">The parameter it came from, named in the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space, or has a lone surrogate (the message says where).</exception>
    public static void ThrowIfInvalid(string? text, string? paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, paramName);
        ThrowIfIllFormed(text, paramName);
    }

    /// <summary>Refuses an identifier (of a complaint, a client, an incident, an assignee) that is null, empty, white space, ill-formed or holds U+0000, which databases cannot keep in a text column.</summary>
    internal static void ThrowIfInvalidIdentifier(string? text, string? paramName)
    {
        ThrowIfInvalid(text, paramName);
        if (text!.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The identifier has a U+0000 (NUL) character at index {text.IndexOf('\0', StringComparison.Ordinal)}, which a database cannot keep in a text column. Valid: well-formed text without NUL.", paramName);
        }
    }

    private static string Describe(string text, int index) => string.Create(
        CultureInfo.InvariantCulture,
        $"The text has a lone surrogate U+{(int)text[index]:X4} at index {index}: it is not well-formed UTF-16 (half of a character, usually from cutting a string inside an emoji), and would not be stored as it was received. Valid: text whose surrogates all come in high-low pairs.");
}
