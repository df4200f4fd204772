using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// The word memo replays a word's classification: it must key every word exactly and give, warm, the record a cold
/// normalizer gives.
/// </summary>
public class WordMemoTests
{
    /// <summary>Words and chunks whose classification has side effects the memos must replay: counts, dropped, kept as written, systems, offsets.</summary>
    private static readonly string[] TrickyWords =
    [
        "the", "The", "THE", "tHe", "XXXX", "xx", "XX", "sooooo", "SOOOOO", "downnnn", "idiots", "IDIOTS", "ugh", "UGH", "omg",
        "fucking", "damn", "extremely", "EXTREMELY", "really", "not", "NOT", "VPN", "vpn", "Vpn", "SSO", "Outlook", "OUTLOOK",
        "outlook", "SharePoint", "sharepoint", "nOBODY", "WoRkInG", "FCRA", "DOWN", "down", "Down", "a", "A", "I", "i", "www",
        "AAA", "zzz", "useless", "joke", "this", "is", "Teams", "teams", "email", "EMAIL", "again", "twice", "whole", "team",

        // Words of nine to sixteen letters, remembered by the long-word memo: as written, capitalised, shouted, stretched.
        "information", "INFORMATION", "Information", "reporting", "soooooooooo", "incompetent", "absolutely", "ABSOLUTELY",
        "SharePointOnline", "unacceptable", "everything", "EVERYTHING", "everybody", "transunion", "TransUnion",

        // Chunks that are not plain words, remembered by the chunk memo with the offsets of their core.
        "(", "):", "(down)", "\"VPN\"", "don't", "DON'T", "f*cking", "$h1t", "sh!t", "500", ":(", "D:", "[email]", "U.S.C",
        "e-mail", "#12345", "INC-4471", "3rd", "2h30m", "$5.00", "*down*", "...", "?!",

        // ASCII chunks of nine to sixteen characters, remembered by the chunk memo too: redacted dates, amounts,
        // identifiers, e-mail addresses and URLs, with punctuation around them.
        "XX/XX/2019", "XX/XX/XXXX", "(XX/XX/2019).", "{$500.00}", "$1,000,000", "0x80070005", "0x80070005.", "ERR_CONN_RESET",
        "INC-4471,", "a@example.com", "http://x.com/a", "f*cking!!!", "DON'T!!!!", "\"XXXX\",", "soooooooo.",

        // Chunks whose characters agree in their low bytes: only ASCII chunks get a key of a byte a character.
        "A-A-A-A-A", "Ł-Ł-Ł-Ł-Ł",
    ];

    private static readonly string[] Separators = [" ", " ", " ", ". ", "!!! ", ", ", "\n", "\n> ", "\nOn Mon, Bob wrote:\n"];

    private delegate bool KeyOf(ReadOnlySpan<char> word, out ulong first, out ulong last);

    [Fact]
    public void TryKey_DistinctWordsOfUpToEightLetters_HaveDistinctKeys() =>
        AssertDistinctKeys(1, 8, WordMemo.TryKey, minimumCount: 50_000);

    [Fact]
    public void TryLongKey_DistinctWordsOfNineToSixteenLetters_HaveDistinctKeys()
    {
        AssertDistinctKeys(9, 16, WordMemo.TryLongKey, minimumCount: 40_000);
        Assert.False(WordMemo.TryLongKey("eightchr", out _, out _));
        Assert.False(WordMemo.TryLongKey("seventeenletterss", out _, out _));
    }

    /// <summary>Every lexicon word of the lengths, in lower case, upper case and capitalised, gets a key of its own.</summary>
    private static void AssertDistinctKeys(int minLength, int maxLength, KeyOf keyOf, int minimumCount)
    {
        var lexicons = new Lexicons(new NormalizationOptions());
        var words = lexicons.CommonWords.Where(w => w.Length >= minLength && w.Length <= maxLength && w.All(char.IsAsciiLetter))
            .SelectMany(w => new[] { w, w.ToUpperInvariant(), char.ToUpperInvariant(w[0]) + w[1..] })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var keys = new Dictionary<(ulong, ulong, int), string>();
        foreach (var word in words)
        {
            Assert.True(keyOf(word, out var first, out var last), $"'{word}' has no key");
            var key = (first, last, word.Length);
            Assert.True(keys.TryAdd(key, word), $"'{word}' and '{keys.GetValueOrDefault(key)}' share a key");
        }

        Assert.True(keys.Count > minimumCount, $"only {keys.Count} words were checked");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public void WordMemo_BitsOutOfRange_Throws(int bits) => Assert.Throws<ArgumentOutOfRangeException>(() => new WordMemo(bits));

    [Theory]
    [InlineData("")]
    [InlineData("verylongword")]
    [InlineData("ninechars")]
    public void TryKey_EmptyOrLongerThanEight_IsNotMemoised(string word) => Assert.False(WordMemo.TryKey(word, out _, out _));

    [Fact]
    public void TryKey_EightLetters_UsesEveryLetter()
    {
        // The windows of an eight-letter word do not overlap; every letter is in the key.
        Assert.True(WordMemo.TryKey("abcdefgh", out var first, out var last));
        Assert.True(WordMemo.TryKey("abcdefgx", out var first2, out var last2));
        Assert.True(WordMemo.TryKey("xbcdefgh", out var first3, out var last3));
        Assert.Equal(first, first2);
        Assert.NotEqual(last, last2);
        Assert.NotEqual(first, first3);
        Assert.Equal(last, last3);
    }

    [Fact]
    public void Normalize_WordFirstSeenInQuotedReply_CountedWhenItComesAgain()
    {
        // The first "ugh" and "IDIOTS" are in a quoted reply, so not counted; the memo must count them the second time.
        var normalizer = new ComplaintNormalizer();
        var record = normalizer.Normalize("> ugh IDIOTS\n\nugh IDIOTS the VPN is down");
        Assert.Equal((1, 1, 0), (record.Neutralized.Interjections, record.Neutralized.Insults, record.Neutralized.Shouting));
        Assert.Equal("the VPN is down", record.CanonicalText);
    }

    [Property(MaxTest = 150)]
    public Property Normalize_WithWarmMemo_EqualsColdNormalizer() =>
        Prop.ForAll(Gen.Choose(0, (TrickyWords.Length * Separators.Length) - 1).ArrayOf().Where(a => a.Length is >= 1 and <= 40).ToArbitrary(), parts =>
        {
            var text = string.Concat(parts.Select(p => TrickyWords[p % TrickyWords.Length] + Separators[p / TrickyWords.Length]));

            // The shared normalizer has seen every other test's texts on this thread; a new thread starts a run with
            // an empty memo.
            var warm = Describe(Normalizer.Normalize(text));
            var cold = string.Empty;
            var thread = new Thread(() => cold = Describe(Normalizer.Normalize(text)));
            thread.Start();
            thread.Join();
            return (warm == cold).Label(Escape($"'{text}': warm {warm} || cold {cold}"));
        });

    /// <summary>
    /// A run whose memos have four slots each, kept across the cases of <see cref="Normalize_WithTinyMemos_EqualsNormalizer"/>
    /// (FsCheck builds the property once per case).
    /// </summary>
    private static readonly (NormalizerRun Run, Lexicons Lexicons, NormalizationOptions Options) Tiny =
        (new NormalizerRun(wordMemoBits: 2, longMemoBits: 2, chunkMemoBits: 2), new Lexicons(new NormalizationOptions()), new NormalizationOptions());

    [Property(MaxTest = 150)]
    public Property Normalize_WithTinyMemos_EqualsNormalizer() =>
        // Nearly every word evicts, moves or swaps another, with what it keeps aside (forms, counts), and every replay
        // must still give the record of the normalizer.
        Prop.ForAll(Gen.Choose(0, (TrickyWords.Length * Separators.Length) - 1).ArrayOf().Where(a => a.Length is >= 1 and <= 40).ToArbitrary(), parts =>
        {
            var text = string.Concat(parts.Select(p => TrickyWords[p % TrickyWords.Length] + Separators[p / TrickyWords.Length]));
            var context = new NormalizationContext { ReferenceDate = new DateOnly(2024, 3, 20) };
            var tiny = Describe(Tiny.Run.Run(Tiny.Lexicons, Tiny.Options, text, context));
            var expected = Describe(Normalizer.Normalize(text, context));
            return (tiny == expected).Label(Escape($"'{text}': tiny {tiny} || normalizer {expected}"));
        });

    [Fact]
    public void TryFind_TwoWordsOfOneBucket_BothStayUntilAThirdComes()
    {
        var memo = new WordMemo(bits: 2);
        var lexicons = new Lexicons(new NormalizationOptions());
        memo.Use(lexicons);
        var keys = new[] { "down", "slow", "again", "outage", "broken", "late", "twice" }
            .Select(w => (Ok: WordMemo.TryKey(w, out var first, out var last), First: first, Last: last, w.Length))
            .GroupBy(k => memo.BucketOf(k.First, k.Last, k.Length)).First(g => g.Count() >= 3).ToArray();
        Assert.All(keys, k => Assert.True(k.Ok));

        void Put(int k, int entry)
        {
            Assert.False(memo.TryFind(keys[k].First, keys[k].Last, keys[k].Length, out var index));
            memo.SlotAt(index).Set(keys[k].First, keys[k].Last, keys[k].Length, new Token { Entry = entry, Kind = TokenKind.Word }, 0, 0, WordMemo.FormSource.Lower, false);
        }

        int Find(int k) => memo.TryFind(keys[k].First, keys[k].Last, keys[k].Length, out var index) ? memo.SlotAt(index).Entry : -1;

        Put(0, 10);
        Put(1, 11);
        Assert.Equal((10, 11), (Find(0), Find(1)));

        // The second word was used last, so the first goes when the third comes.
        Put(2, 12);
        Assert.Equal((11, 12), (Find(1), Find(2)));
        Assert.Equal(-1, Find(0));

        // A miss makes room in first place (emptied): the third word, used last, stays; the second goes.
        Assert.Equal((12, -1, -1), (Find(2), Find(1), Find(0)));
    }

    /// <summary>The memo's packed slot: no two fields share a bit, and every value of each field's type fits.</summary>
    [Fact]
    public void SlotLayout_FieldsDoNotOverlapAndEveryValueFits()
    {
        (int Shift, int Bits)[] entryWord =
        [
            (WordMemo.Slot.EntryShift, WordMemo.Slot.EntryBits), (WordMemo.Slot.StartShift, WordMemo.Slot.OffsetBits),
            (WordMemo.Slot.EndShift, WordMemo.Slot.OffsetBits), (WordMemo.Slot.SourceShift, WordMemo.Slot.SourceBits),
            (WordMemo.Slot.CountsShift, 1), (WordMemo.Slot.DroppedShift, 1), (WordMemo.Slot.IntensifierShift, 1),
        ];
        (int Shift, int Bits)[] packedWord =
        [
            (WordMemo.Slot.FlagShift, WordMemo.Slot.FlagBits), (WordMemo.Slot.KindShift, WordMemo.Slot.KindBits),
            (WordMemo.Slot.LengthShift, WordMemo.Slot.LengthBits),
        ];
        foreach (var fields in new[] { entryWord, packedWord })
        {
            ulong used = 0;
            foreach (var (shift, bits) in fields)
            {
                var mask = ((1UL << bits) - 1) << shift;
                Assert.Equal(0UL, used & mask);
                used |= mask;
            }

            Assert.True(used <= uint.MaxValue, "a field runs past the slot's 32 bits");
        }

        var allFlags = Enum.GetValues<Lexicons.WordFlags>().Aggregate(0L, (a, f) => a | (long)f);
        Assert.True(allFlags < 1L << WordMemo.Slot.FlagBits, $"the word flags ({allFlags:X}) need more than {WordMemo.Slot.FlagBits} bits");
        Assert.True((int)Enum.GetValues<TokenKind>().Max() < 1 << WordMemo.Slot.KindBits);
        Assert.True((int)Enum.GetValues<WordMemo.FormSource>().Max() < 1 << WordMemo.Slot.SourceBits);
        Assert.True(16 < 1 << WordMemo.Slot.LengthBits, "the longest memoised chunk has 16 characters");
        Assert.True(15 < 1 << WordMemo.Slot.OffsetBits, "a core's offsets in a chunk of 16 characters");
        var lexicons = new Lexicons(new NormalizationOptions());
        Assert.True(lexicons.Words.Count < 1 << WordMemo.Slot.EntryBits, $"{lexicons.Words.Count} lexicon entries");

        // Every field at its largest value, the others at theirs: each reads back what was written.
        var token = new Token
        {
            Entry = (1 << WordMemo.Slot.EntryBits) - 1, Flags = (Lexicons.WordFlags)allFlags, Kind = Enum.GetValues<TokenKind>().Max(),
            Dropped = true, Intensifier = true, FormHash = 42,
        };
        var slot = default(WordMemo.Slot);
        slot.Set(1, 2, 16, token, 15, 14, WordMemo.FormSource.Kept, hasCounts: true);
        Assert.Equal((token.Entry, 15, 14, token.Flags, token.Kind, true, true, WordMemo.FormSource.Kept, true),
            (slot.Entry, slot.StartOffset, slot.EndOffset, slot.Flags, slot.Kind, slot.Dropped, slot.Intensifier, slot.Source, slot.HasCounts));
        Assert.True(slot.Holds(1, 2, 16));
        slot.Set(1, 2, 1, default, 0, 0, WordMemo.FormSource.Verbatim, hasCounts: false);
        Assert.Equal((0, 0, 0, Lexicons.WordFlags.None, TokenKind.Word, false, false, WordMemo.FormSource.Verbatim, false),
            (slot.Entry, slot.StartOffset, slot.EndOffset, slot.Flags, slot.Kind, slot.Dropped, slot.Intensifier, slot.Source, slot.HasCounts));
    }

    private static string Describe(NormalizedComplaint record) =>
        $"{Signature(record)} {record.Neutralized} {string.Join('|', record.Facts)} {record.Recurrence}";

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
