namespace ServiceQuality.Normalization;

/// <summary>
/// The tokens each pass after the tokenizer visits, noted by the tokenizer from the lexicon flags of their words, in
/// order: a pass costs nothing on a text that holds nothing for it. A token that is not noted is never visited, so a
/// new cue word must get its lexicon flag (<see cref="Lexicons.WordFlags"/>).
/// </summary>
internal sealed class TokenNotes
{
    /// <summary>Gets the tokens that can start a multi-word system (<see cref="Lexicons.WordFlags.SystemPhraseStart"/>).</summary>
    public List<int> SystemStarts { get; } = [];

    /// <summary>Gets the tokens that can start a multi-word insult (<see cref="Lexicons.WordFlags.InsultPhraseStart"/>).</summary>
    public List<int> InsultStarts { get; } = [];

    /// <summary>Gets the intensifiers.</summary>
    public List<int> Intensifiers { get; } = [];

    /// <summary>Gets the personal-data cues (<see cref="Lexicons.WordFlags.PersonalDataCue"/>).</summary>
    public List<int> PersonalDataCues { get; } = [];

    /// <summary>Gets the words the sentence rules of the tone stage start from (<see cref="Lexicons.WordFlags.ToneCue"/>).</summary>
    public List<int> ToneCues { get; } = [];

    /// <summary>Gets the dropped insults: noted by the tokenizer, then by the insult-phrase pass (which sorts them).</summary>
    public List<int> Insults { get; } = [];

    /// <summary>Forgets the tokens of the last text.</summary>
    public void Clear()
    {
        SystemStarts.Clear();
        InsultStarts.Clear();
        Intensifiers.Clear();
        PersonalDataCues.Clear();
        ToneCues.Clear();
        Insults.Clear();
    }
}
