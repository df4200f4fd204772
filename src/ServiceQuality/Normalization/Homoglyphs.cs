using System.Collections.Frozen;
using System.Globalization;

namespace ServiceQuality.Normalization;

/// <summary>
/// Cyrillic and Greek letters that look like Latin ones (Unicode confusables), replaced inside words that also contain
/// Latin letters ("VРN" with a Cyrillic Р is "VPN"); words written wholly in another script are left alone.
/// </summary>
internal static class Homoglyphs
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        ['а'] = 'a', ['в'] = 'B', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i',
        ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['һ'] = 'h', ['к'] = 'k', ['м'] = 'm', ['т'] = 't',
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C',
        ['Т'] = 'T', ['Х'] = 'X', ['У'] = 'Y', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S', ['Ԁ'] = 'D', ['Ԛ'] = 'Q', ['Ԝ'] = 'W',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['ο'] = 'o', ['α'] = 'a', ['ν'] = 'v', ['ρ'] = 'p',
        ['ι'] = 'i', ['κ'] = 'k', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x',
    }.ToFrozenDictionary();

    /// <summary>The Latin letter <paramref name="c"/> looks like, or <paramref name="c"/> itself.</summary>
    public static char ToLatin(char c) => c >= 0x370 && Map.TryGetValue(c, out var latin) ? latin : c;

    /// <summary>
    /// The Latin word of one letter (<c>a</c>, <c>I</c>, <c>o</c>) that <paramref name="c"/> looks like, or <c>'\0'</c>:
    /// Cyrillic а, А, і, І, о, О and Greek Α, Ι, Ο, ο.
    /// </summary>
    public static char LoneLetter(char c) => c switch
    {
        'а' => 'a',
        'А' or 'Α' => 'A',
        'і' => 'i',
        'І' or 'Ι' => 'I',
        'о' or 'ο' => 'o',
        'О' or 'Ο' => 'O',
        _ => '\0',
    };

    /// <summary>Writes <paramref name="word"/> with its look-alikes replaced into <paramref name="destination"/>.</summary>
    /// <returns><see langword="true"/> when something was replaced.</returns>
    public static bool Repair(ReadOnlySpan<char> word, Span<char> destination, out int replaced)
    {
        replaced = 0;
        var latin = false;
        var lookAlike = false;
        foreach (var c in word)
        {
            latin |= char.IsAsciiLetter(c);
            lookAlike |= c >= 0x370 && Map.ContainsKey(c);
        }

        if (!latin || !lookAlike)
        {
            return false;
        }

        // Only when every non-Latin letter of the word is a look-alike: genuine mixed words stay as they are.
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsAscii(c) && !Map.ContainsKey(c))
            {
                return false;
            }
        }

        for (var i = 0; i < word.Length; i++)
        {
            // A look-alike with a combining mark after it stays: the Latin letter and the mark would compose ("а\u0301"
            // would be "á" when the canonical text is read again), the look-alike and the mark do not.
            if (Map.TryGetValue(word[i], out var latinLetter)
                && !(i + 1 < word.Length && CharUnicodeInfo.GetUnicodeCategory(word[i + 1]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                destination[i] = latinLetter;
                replaced++;
            }
            else
            {
                destination[i] = word[i];
            }
        }

        return true;
    }
}
