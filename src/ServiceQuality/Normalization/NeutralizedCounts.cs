namespace ServiceQuality.Normalization;

/// <summary>
/// What the normalizer removed or rewrote, counted by kind: a record of what was neutralised, not a sentiment score.
/// </summary>
/// <param name="Shouting">Words written in capitals that were case folded (acronyms and redaction tokens such as <c>XXXX</c> are not counted).</param>
/// <param name="PunctuationRuns">Runs of <c>! ? ‽</c> removed, and runs of a repeated punctuation mark collapsed.</param>
/// <param name="StretchedLetters">Words with stretched letters (<c>sooooo</c>) restored.</param>
/// <param name="Intensifiers">Intensifiers removed from adverb position (<c>extremely</c> slow).</param>
/// <param name="Profanity">Profanities removed, including masked (<c>f*cking</c>, <c>$h1t</c>) and split spellings.</param>
/// <param name="Insults">Insults removed (<c>idiots</c>, <c>useless</c>).</param>
/// <param name="Interjections">Interjections removed (<c>ugh</c>, <c>omg</c>).</param>
/// <param name="Emoji">Emoji and emoticons removed (a keycap keeps its digit).</param>
/// <param name="InvisibleCharacters">Invisible, bidi, control characters and terminal escape sequences removed.</param>
/// <param name="CompatibilityCharacters">Compatibility characters folded by NFKC (fullwidth, mathematical, ligatures, superscripts).</param>
/// <param name="Homoglyphs">Cyrillic or Greek look-alike letters inside Latin words replaced by their Latin letter.</param>
public readonly record struct NeutralizedCounts(
    int Shouting,
    int PunctuationRuns,
    int StretchedLetters,
    int Intensifiers,
    int Profanity,
    int Insults,
    int Interjections,
    int Emoji,
    int InvisibleCharacters,
    int CompatibilityCharacters,
    int Homoglyphs)
{
    /// <summary>Gets the number of sarcastic sentences removed ("Thanks for the great service.", "Well done.").</summary>
    /// <value>0 when none.</value>
    public int Sarcasm { get; init; }

    /// <summary>Gets the number of sentences removed that threaten to leave or to tell others (see <see cref="NormalizedComplaint.Signals"/>).</summary>
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
/// <param name="ThreatToLeave">The client says they will leave: switch provider, cancel, close the account, take their business elsewhere.</param>
/// <param name="WordOfMouthThreat">The client says they will tell others: everyone they know, friends, reviews, social media.</param>
public readonly record struct ToneSignals(bool ThreatToLeave, bool WordOfMouthThreat);

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
