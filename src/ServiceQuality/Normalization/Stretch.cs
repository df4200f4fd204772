namespace ServiceQuality.Normalization;

/// <summary>Stretched letters ("sooooo", "downnnn"): runs of three or more of one letter are shortened to a known word.</summary>
internal static class Stretch
{
    /// <summary>
    /// Restores a stretched, case-folded word in place: runs shortened to two letters if that makes a frequent word, else to one if that does,
    /// else to two if that makes an English word, otherwise to one. Words with a single distinct letter (<c>www</c>, <c>zzz</c>) are not stretched.
    /// </summary>
    public static bool TryRestore(Span<char> word, Lexicons lexicons, out int length)
    {
        length = word.Length;
        if (word.Length < 3)
        {
            return false;
        }

        var hasRun = false;
        var distinct = false;
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsLetter(word[i]))
            {
                return false;
            }

            distinct |= word[i] != word[0];
            hasRun |= i >= 2 && word[i] == word[i - 1] && word[i] == word[i - 2];
        }

        if (!hasRun || !distinct)
        {
            return false;
        }

        Span<char> two = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        Span<char> one = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var twoLength = Collapse(word, two, 2);
        var oneLength = Collapse(word, one, 1);
        // A frequent word wins over a rare one ("buttt" is "but", "goood" is "good"), two letters over one.
        var twoForm = two[..twoLength];
        var oneForm = one[..oneLength];
        var chosen = lexicons.IsFrequentWord(twoForm) || lexicons.SystemsLookup.ContainsKey(twoForm) ? twoForm
            : lexicons.IsFrequentWord(oneForm) ? oneForm
            : lexicons.IsKnownWord(twoForm) ? twoForm
            : oneForm;
        chosen.CopyTo(word);
        length = chosen.Length;
        return true;
    }

    /// <summary>Copies <paramref name="word"/> with every run of three or more letters cut to <paramref name="keep"/>.</summary>
    private static int Collapse(ReadOnlySpan<char> word, Span<char> destination, int keep)
    {
        var n = 0;
        var i = 0;
        while (i < word.Length)
        {
            var j = i;
            while (j < word.Length && word[j] == word[i])
            {
                j++;
            }

            var run = j - i;
            var copy = run >= 3 ? keep : run;
            for (var k = 0; k < copy; k++)
            {
                destination[n++] = word[i];
            }

            i = j;
        }

        return n;
    }
}
