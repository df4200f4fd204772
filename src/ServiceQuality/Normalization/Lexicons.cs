using System.Collections.Frozen;
using System.Reflection;

namespace ServiceQuality.Normalization;

/// <summary>The lexicons of one normalizer: the embedded lists merged with the options' additions, frozen.</summary>
internal sealed class Lexicons
{
    public Lexicons(NormalizationOptions options)
    {
        CoreWords = Set(Load("common-words.txt").Concat(options.CommonWords));
        CommonWords = Set(CoreWords.Concat(Load("english-words.txt")));
        Intensifiers = Set(Load("intensifiers.txt").Concat(options.Intensifiers));
        Profanity = Set(Load("profanity.txt").Concat(options.Profanity));
        var insults = Load("insults.txt").Concat(options.Insults).ToList();
        Insults = Set(insults.Where(w => !w.Trim().Contains(' ', StringComparison.Ordinal)));
        var insultPhrases = insults.Select(SplitWords).Where(w => w.Length > 1).Select(w => new Phrase(w, string.Join(' ', w))).ToList();
        InsultPhrases = ByFirstWord(insultPhrases);
        Interjections = Set(Load("interjections.txt").Concat(options.Interjections));
        ProfanityList = [.. Profanity.Items];

        var singles = new Dictionary<string, string>(StringComparer.Ordinal);
        var phrases = new List<Phrase>();
        foreach (var system in Load("systems.txt").Concat(options.Systems))
        {
            var words = SplitWords(system);
            if (words.Length == 1)
            {
                singles.TryAdd(words[0], system.Trim());
            }
            else
            {
                phrases.Add(new Phrase(words, system.Trim()));
            }
        }

        Systems = singles.ToFrozenDictionary(StringComparer.Ordinal);
        SystemsLookup = new WordTable<string>(Systems);
        SystemPhrases = ByFirstWord(phrases);

        var areaTerms = new List<(string Area, string Term)>();
        var areaSenses = new List<(string Area, string Term, string Context)>();
        foreach (var line in Load("areas.txt"))
        {
            // "Area|term", or "Area|term|context words": a sense of the term, taken where a context word is near it.
            var fields = line.Split('|');
            if (fields.Length == 3)
            {
                areaSenses.Add((fields[0], fields[1], fields[2]));
            }
            else
            {
                areaTerms.Add((fields[0], fields[1]));
            }
        }

        var categories = new List<string>(ServiceAreas.ClientWants);
        foreach (var (name, terms) in options.Categories)
        {
            if (!categories.Contains(name))
            {
                categories.Add(name);
            }

            areaTerms.AddRange(terms.Select(t => (name, t)));
        }

        Categories = [.. categories];
        var areaSingles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var areaPhrases = new List<Phrase>();
        foreach (var (area, term) in areaTerms)
        {
            var index = categories.IndexOf(area);
            var words = SplitWords(term);
            if (words.Length == 1)
            {
                if (!areaSingles.TryGetValue(words[0], out var list))
                {
                    areaSingles[words[0]] = list = [];
                }

                if (!list.Contains(index))
                {
                    list.Add(index);
                }
            }
            else
            {
                areaPhrases.Add(new Phrase(words, string.Join(' ', words), index));
            }
        }

        foreach (var (area, term, context) in areaSenses)
        {
            // A sense is matched as a phrase (of one word or more), so that its context is looked at where it is found;
            // the area "-" (index -1) is none: the term is no evidence where the context is. Context written after
            // "<" is looked for before the term only (a negation: "never told", not "told them i did not"), after ">"
            // after it only ("failed to provide" is an obligation unmet, not a system failing).
            var side = context.StartsWith('<') ? -1 : context.StartsWith('>') ? 1 : 0;
            areaPhrases.Add(new Phrase(SplitWords(term), string.Join(' ', SplitWords(term)), categories.IndexOf(area), SplitWords(side == 0 ? context : context[1..]), side));
        }

        AreaWords = areaSingles.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        AreaWordsLookup = AreaWords.GetAlternateLookup<ReadOnlySpan<char>>();
        AreaPhrases = ByFirstWord(areaPhrases);
        var entries = new Dictionary<string, WordEntry>(StringComparer.Ordinal);
        WordEntry Entry(string word) => entries.TryGetValue(word, out var e) ? e : entries[word] = new WordEntry(word);
        foreach (var w in CommonWords)
        {
            Entry(w).Flags |= WordFlags.Common;
        }

        foreach (var w in CoreWords)
        {
            Entry(w).Flags |= WordFlags.Core;
        }

        foreach (var w in Intensifiers)
        {
            Entry(w).Flags |= WordFlags.Intensifier;
        }

        foreach (var w in Profanity)
        {
            Entry(w).Flags |= WordFlags.Profanity;
        }

        foreach (var w in Insults)
        {
            Entry(w).Flags |= WordFlags.Insult;
        }

        foreach (var w in Interjections)
        {
            Entry(w).Flags |= WordFlags.Interjection;
        }

        foreach (var (w, canonical) in Systems)
        {
            Entry(w).System = canonical;
            Entry(w).Flags |= WordFlags.System;
        }

        foreach (var phrase in phrases)
        {
            Entry(phrase.Words[0]).Flags |= WordFlags.SystemPhraseStart;
        }

        foreach (var phrase in insultPhrases)
        {
            Entry(phrase.Words[0]).Flags |= WordFlags.InsultPhraseStart;
        }

        foreach (var (word, areas) in areaSingles)
        {
            Entry(word).Areas = [.. areas];
            Entry(word).Flags |= WordFlags.AreaTerm;
        }

        foreach (var phrase in areaPhrases)
        {
            Entry(phrase.Words[0]).Flags |= WordFlags.AreaPhraseStart;
        }

        foreach (var rule in FactExtractor.WordRules)
        {
            foreach (var word in rule.Words)
            {
                // The rules of a word, in the table's order: the flag and the rules come from one table.
                var entry = Entry(word);
                entry.Flags |= WordFlags.FactTrigger;
                entry.FactRules = [.. entry.FactRules, rule];
            }
        }

        foreach (var word in FactExtractor.MonthWords)
        {
            Entry(word).Flags |= WordFlags.Month;
        }

        foreach (var (word, _) in PersonalData.CueWords)
        {
            Entry(word).Flags |= WordFlags.PersonalDataCue;
        }

        foreach (var word in ToneNeutralizer.ToneCueWords)
        {
            Entry(word).Flags |= WordFlags.ToneCue;
        }

        foreach (var word in ToneNeutralizer.FrameWords)
        {
            Entry(word).Flags |= WordFlags.Frame;
        }

        foreach (var word in Fingerprinter.StopWords)
        {
            Entry(word).Flags |= WordFlags.StopWord;
        }

        foreach (var code in Load("codes.txt"))
        {
            Entry(Fold(code)).Flags |= WordFlags.Code;
        }

        // The words only in the English list (60,000 of them) are looked up rarely: the others, the frequent ones,
        // get a small table of their own that stays in the processor's cache.
        Words = new WordTable<WordEntry>(entries, static e => e.Flags != WordFlags.Common, static e => (int)e.Flags);
        CommonLookup = CommonWords.GetAlternateLookup<ReadOnlySpan<char>>();
        IntensifierLookup = Intensifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        ProfanityLookup = Profanity.GetAlternateLookup<ReadOnlySpan<char>>();
        InsultLookup = Insults.GetAlternateLookup<ReadOnlySpan<char>>();
        InterjectionLookup = Interjections.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the ordinary words: <see cref="CoreWords"/> and the English word list.</summary>
    public FrozenSet<string> CommonWords { get; }

    /// <summary>Gets the frequent words of complaints (common-words.txt and the options' additions).</summary>
    public FrozenSet<string> CoreWords { get; }

    public FrozenSet<string> Intensifiers { get; }

    public FrozenSet<string> Profanity { get; }

    public FrozenSet<string> Insults { get; }

    public FrozenSet<string> Interjections { get; }

    public string[] ProfanityList { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IntensifierLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ProfanityLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InsultLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InterjectionLookup { get; }

    /// <summary>Gets single-word systems: lower-case form to canonical spelling.</summary>
    public FrozenDictionary<string, string> Systems { get; }

    public WordTable<string> SystemsLookup { get; }

    /// <summary>Gets multi-word systems by their first word, longest first.</summary>
    public FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> SystemPhrases { get; }

    /// <summary>Gets multi-word insults ("this is a joke", "pathetic service") by their first word, longest first.</summary>
    public FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> InsultPhrases { get; }

    /// <summary>Gets the area names: the seven client wants, then host categories.</summary>
    public string[] Categories { get; }

    public FrozenDictionary<string, int[]> AreaWords { get; }

    public FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> AreaWordsLookup { get; }

    /// <summary>Gets multi-word area terms by their first word, longest first.</summary>
    public FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> AreaPhrases { get; }

    /// <summary>Gets every single-word lexicon entry in one table: one lookup a word.</summary>
    public WordTable<WordEntry> Words { get; }

    /// <summary>Gets whether a lower-case word is known (common, or in a tone lexicon).</summary>
    public bool IsKnownWord(ReadOnlySpan<char> word) => (FlagsOf(word) & WordFlags.Known) != 0;

    /// <summary>Gets whether a lower-case word is a frequent complaint word or in a tone lexicon (not only in the English list).</summary>
    public bool IsFrequentWord(ReadOnlySpan<char> word) =>
        (FlagsOf(word) & (WordFlags.Known & ~WordFlags.Common | WordFlags.Core)) != 0;

    /// <summary>Gets the flags of a lower-case word (kept in the table's slot), or none when it is in no lexicon.</summary>
    public WordFlags FlagsOf(ReadOnlySpan<char> word) => Words.TryGetIndex(word, Hashing.Hash(word), out _, out var tag) ? (WordFlags)tag : WordFlags.None;

    private static FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> ByFirstWord(IEnumerable<Phrase> phrases) =>
        phrases.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> Set(IEnumerable<string> words) =>
        words.Select(w => Fold(w.Trim())).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);

    private static string[] SplitWords(string phrase) =>
        phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Fold).ToArray();

    /// <summary>Case folds a lexicon entry with the shipped tables (never the current culture).</summary>
    internal static string Fold(string word)
    {
        var builder = new System.Text.StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            var folded = UnicodeData.Fold(rune.Value);
            if (folded is null)
            {
                builder.Append(rune.ToString());
            }
            else
            {
                foreach (var cp in folded)
                {
                    builder.Append(char.ConvertFromUtf32(cp));
                }
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ServiceQuality.Normalization.Lexicons." + name)
            ?? throw new InvalidOperationException($"The embedded lexicon {name} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>What a single word is in the lexicons.</summary>
    internal sealed class WordEntry(string word)
    {
        /// <summary>Gets the word, as the table keys it.</summary>
        public string Word { get; } = word;

        public WordFlags Flags { get; set; }

        public string? System { get; set; }

        /// <summary>Gets or sets the fact rules the word starts, in the order they are tried (<see cref="FactExtractor.WordRules"/>); set exactly when it is flagged <see cref="WordFlags.FactTrigger"/>.</summary>
        public FactExtractor.FactRule[] FactRules { get; set; } = [];

        /// <summary>Gets or sets the indices of the areas this word is evidence for.</summary>
        public int[]? Areas { get; set; }
    }

    /// <summary>The lexicons a word belongs to.</summary>
    [Flags]
    internal enum WordFlags
    {
        None = 0,
        Common = 1,
        Intensifier = 2,
        Profanity = 4,
        Insult = 8,
        Interjection = 16,
        Known = Common | Intensifier | Profanity | Insult | Interjection,
        SystemPhraseStart = 32,
        AreaPhraseStart = 64,
        FactTrigger = 128,
        StopWord = 256,
        Core = 512,
        InsultPhraseStart = 1024,
        AreaTerm = 2048,

        /// <summary>A code that names no system (a US state, a currency, "IBAN": Lexicons/codes.txt): in capitals it is kept as written but is no System fact.</summary>
        Code = 4096,

        /// <summary>A month name or abbreviation.</summary>
        Month = 32768,

        /// <summary>A single-word system (<see cref="WordEntry.System"/> is set).</summary>
        System = 65536,

        /// <summary>A word after which context decides what is personal data (<see cref="PersonalData.CueWords"/>).</summary>
        PersonalDataCue = 1 << 17,

        /// <summary>A word a sentence rule of the tone stage starts from (<see cref="ToneNeutralizer.ToneCueWords"/>).</summary>
        ToneCue = 1 << 18,

        /// <summary>A word that says nothing alone (<see cref="ToneNeutralizer.FrameWords"/>): a sentence of these only is left out.</summary>
        Frame = 1 << 19,
    }

    /// <summary>
    /// A phrase of lower-case words, its canonical text and, for areas, the area index and, for a sense of an area
    /// term, the context words of which one must be near it (<see cref="AreaClassifier.SenseWindow"/> words before or
    /// after; before only when <paramref name="Side"/> is -1: "never told", "no one ever told"; after only when it is 1:
    /// "failed to provide"); where a sense is taken, the term is evidence of no other area there.
    /// </summary>
    internal sealed record Phrase(string[] Words, string Canonical, int Area = -1, string[]? Context = null, int Side = 0);
}
