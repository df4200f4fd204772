namespace ServiceQuality.Normalization;

/// <summary>
/// What the normalizer removed or rewrote, counted by kind: a record of what was neutralised, not a sentiment score.
/// </summary>
public readonly record struct NeutralizedCounts
{
    internal NeutralizedCounts(int shouting, int punctuationRuns, int stretchedLetters, int intensifiers, int profanity, int insults, int interjections, int emoji, int invisibleCharacters, int compatibilityCharacters, int homoglyphs)
    {
        Shouting = shouting;
        PunctuationRuns = punctuationRuns;
        StretchedLetters = stretchedLetters;
        Intensifiers = intensifiers;
        Profanity = profanity;
        Insults = insults;
        Interjections = interjections;
        Emoji = emoji;
        InvisibleCharacters = invisibleCharacters;
        CompatibilityCharacters = compatibilityCharacters;
        Homoglyphs = homoglyphs;
    }

    /// <summary>Gets how many words written in capitals that were case folded (acronyms and redaction tokens such as <c>XXXX</c> are not counted).</summary>
    public int Shouting { get; }

    /// <summary>Gets how many runs of <c>! ? ‽</c> removed, and runs of a repeated punctuation mark collapsed.</summary>
    public int PunctuationRuns { get; }

    /// <summary>Gets how many words with stretched letters (<c>sooooo</c>) restored.</summary>
    public int StretchedLetters { get; }

    /// <summary>Gets how many intensifiers removed from adverb position (<c>extremely</c> slow).</summary>
    public int Intensifiers { get; }

    /// <summary>Gets how many profanities removed, including masked (<c>f*cking</c>, <c>$h1t</c>) and split spellings.</summary>
    public int Profanity { get; }

    /// <summary>Gets how many insults removed (<c>idiots</c>, <c>useless</c>).</summary>
    public int Insults { get; }

    /// <summary>Gets how many interjections removed (<c>ugh</c>, <c>omg</c>).</summary>
    public int Interjections { get; }

    /// <summary>Gets how many emoji and emoticons removed (a keycap keeps its digit).</summary>
    public int Emoji { get; }

    /// <summary>Gets how many invisible, bidi, control characters and terminal escape sequences removed.</summary>
    public int InvisibleCharacters { get; }

    /// <summary>Gets how many compatibility characters folded by NFKC (fullwidth, mathematical, ligatures, superscripts).</summary>
    public int CompatibilityCharacters { get; }

    /// <summary>Gets how many Cyrillic or Greek look-alike letters inside Latin words replaced by their Latin letter.</summary>
    public int Homoglyphs { get; }

    /// <summary>Gets the number of sarcastic sentences removed ("Thanks for the great service.", "Well done.").</summary>
    /// <value>0 when none.</value>
    public int Sarcasm { get; init; }

    /// <summary>Gets the number of sentences removed that threaten to leave or to tell others (see <see cref="NormalizedComplaint.ToneSignals"/>).</summary>
    /// <value>0 when none.</value>
    public int Threats { get; init; }

    /// <summary>Gets the sum of all counts.</summary>
    public int Total => Shouting + PunctuationRuns + StretchedLetters + Intensifiers + Profanity + Insults + Interjections
        + Emoji + InvisibleCharacters + CompatibilityCharacters + Homoglyphs + Sarcasm + Threats;
}

/// <summary>
/// What a complaint threatens, recorded beside the neutralised counts and removed from the canonical text: signals for
/// the word-of-mouth insight, never part of the facts or the impact ("I will tell everyone I know" affects no one).
/// </summary>
public readonly record struct ToneSignals
{
    internal ToneSignals(bool threatToLeave, bool wordOfMouthThreat)
    {
        ThreatToLeave = threatToLeave;
        WordOfMouthThreat = wordOfMouthThreat;
    }

    /// <summary>Gets a value indicating whether the client says they will leave: switch provider, cancel, close the account, take their business elsewhere.</summary>
    public bool ThreatToLeave { get; }

    /// <summary>Gets a value indicating whether the client says they will tell others: everyone they know, friends, reviews, social media.</summary>
    public bool WordOfMouthThreat { get; }
}

/// <summary>The mutable counters filled while one text is normalized.</summary>
internal struct NeutralizedCountsBuilder
{
    public int Shouting;
    public int PunctuationRuns;
    public int StretchedLetters;
    public int Intensifiers;
    public int Profanity;
    public int Insults;
    public int Interjections;
    public int Emoji;
    public int InvisibleCharacters;
    public int CompatibilityCharacters;
    public int Homoglyphs;

    /// <summary>Adds the counts of another stage.</summary>
    public void Add(in NeutralizedCountsBuilder other)
    {
        Shouting += other.Shouting;
        PunctuationRuns += other.PunctuationRuns;
        StretchedLetters += other.StretchedLetters;
        Intensifiers += other.Intensifiers;
        Profanity += other.Profanity;
        Insults += other.Insults;
        Interjections += other.Interjections;
        Emoji += other.Emoji;
        InvisibleCharacters += other.InvisibleCharacters;
        CompatibilityCharacters += other.CompatibilityCharacters;
        Homoglyphs += other.Homoglyphs;
    }

    /// <summary>Gets the sum of all counts (they only grow, so an unchanged sum means nothing was counted).</summary>
    public readonly int Total => Build().Total;

    public readonly NeutralizedCounts Build() => new(
        Shouting, PunctuationRuns, StretchedLetters, Intensifiers, Profanity, Insults, Interjections, Emoji,
        InvisibleCharacters, CompatibilityCharacters, Homoglyphs);
}
