using System.Globalization;
using ServiceQuality.Normalization;

namespace ServiceQuality.Testing;

/// <summary>The kinds of tone edit a <see cref="ComplaintTextGenerator"/> applies: none of them may change the facts, areas, canonical text or keys of a normalized complaint.</summary>
[Flags]
public enum ToneEdits
{
    /// <summary>No edit.</summary>
    None = 0,

    /// <summary>Shouting case: a word in capitals ("DOWN"), capitalised ("Down") or odd case ("dOWN").</summary>
    Shouting = 1 << 0,

    /// <summary>A run of <c>! ? ‽</c> after a word ("down!!!"), where it does not start a new sentence.</summary>
    PunctuationRun = 1 << 1,

    /// <summary>A stretched letter ("sloooow").</summary>
    StretchedLetters = 1 << 2,

    /// <summary>An intensifier in adverb position ("really slow"), never right after a negator.</summary>
    Intensifier = 1 << 3,

    /// <summary>A profanity ("damn").</summary>
    Profanity = 1 << 4,

    /// <summary>A masked profanity ("f*cking", "sh!t", "$h1t").</summary>
    MaskedProfanity = 1 << 5,

    /// <summary>An insult ("useless", "idiots").</summary>
    Insult = 1 << 6,

    /// <summary>An interjection with a shout ("ugh!!!").</summary>
    Interjection = 1 << 7,

    /// <summary>An emoji or emoticon.</summary>
    Emoji = 1 << 8,

    /// <summary>Unicode look-alikes: fullwidth letters, mathematical bold letters, Cyrillic homoglyphs.</summary>
    LookAlikes = 1 << 9,

    /// <summary>Invisible characters: a zero-width space inside a word, bidi controls around a fact.</summary>
    Invisible = 1 << 10,

    /// <summary>Other white space between words (tabs, line breaks, no-break spaces, runs).</summary>
    Whitespace = 1 << 11,

    /// <summary>A sarcastic sentence or a bare verdict added ("Thanks for the great service.", "Absolutely ridiculous!").</summary>
    Sarcasm = 1 << 12,

    /// <summary>A threat added, to leave or to tell others ("I'm switching providers.", "I will tell everyone I know.").</summary>
    Threat = 1 << 13,

    /// <summary>Every edit of a single word or its surroundings (all but <see cref="Sarcasm"/> and <see cref="Threat"/>, which add sentences).</summary>
    WordLevel = Shouting | PunctuationRun | StretchedLetters | Intensifier | Profanity | MaskedProfanity | Insult | Interjection | Emoji | LookAlikes | Invisible | Whitespace,

    /// <summary>Every edit.</summary>
    All = WordLevel | Sarcasm | Threat,
}

/// <summary>A fact the generator put into a complaint, as the normalizer reports it (<see cref="ComplaintFact.Kind"/> and <see cref="ComplaintFact.Value"/>).</summary>
public readonly record struct ExpectedFact
{
    /// <summary>Gets the kind of fact.</summary>
    public required FactKind Kind { get; init; }

    /// <summary>Gets its normalized value (<c>PT3H</c>, <c>INC-4471</c>, <c>USD 500.00</c>...).</summary>
    public required string Value { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Value}";
}

/// <summary>One part of a generated complaint: a plain word, or a fact with the value the normalizer must extract.</summary>
public readonly record struct ComplaintPart
{
    /// <summary>Gets the text of the part, as a calm client writes it.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the fact it states.</summary>
    /// <value><see langword="null"/>: a plain word.</value>
    public ExpectedFact? Fact { get; init; }

    /// <summary>Gets a value indicating whether the part is a plain word (tone edits change plain words; facts stay as written).</summary>
    public bool IsPlain => Fact is null;

    /// <inheritdoc />
    public override string ToString() => Fact is { } fact ? $"{Text} ({fact})" : Text;
}

/// <summary>One tone edit of a generated complaint.</summary>
public readonly record struct ToneEdit
{
    /// <summary>Gets the kind of edit (a single flag of <see cref="ToneEdits"/>).</summary>
    public required ToneEdits Kind { get; init; }

    /// <summary>Gets the index of the part it applies to (or, for an added sentence, where nothing else matters).</summary>
    public required int Position { get; init; }

    /// <summary>Gets which variant of the edit (which word, which emoji...), any non-negative number.</summary>
    public required int Variant { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}@{Position}#{Variant}");
}

/// <summary>A complaint the generator wrote: its parts (with the facts it put in) and the tone edits of its angry version.</summary>
public sealed class GeneratedComplaint
{
    private readonly ComplaintTextGenerator _generator;

    internal GeneratedComplaint(ComplaintTextGenerator generator, IReadOnlyList<ComplaintPart> parts, IReadOnlyList<ToneEdit> edits)
    {
        _generator = generator;
        Parts = parts;
        Edits = edits;
        Calm = generator.WriteCalm(parts);
        Angry = generator.WriteAngry(parts, edits);
    }

    /// <summary>Gets the parts, in order.</summary>
    public IReadOnlyList<ComplaintPart> Parts { get; }

    /// <summary>Gets the tone edits of <see cref="Angry"/>.</summary>
    public IReadOnlyList<ToneEdit> Edits { get; }

    /// <summary>Gets the complaint as a calm client writes it.</summary>
    public string Calm { get; }

    /// <summary>Gets the same complaint with the tone edits applied: the same facts, told angrily.</summary>
    public string Angry { get; }

    /// <summary>Gets the facts the generator put in, in order.</summary>
    public IReadOnlyList<ExpectedFact> Facts => [.. Parts.Where(p => p.Fact is not null).Select(p => p.Fact!.Value)];

    /// <summary>Returns the same complaint with other parts or edits (what shrinking does).</summary>
    /// <param name="parts">The parts.</param>
    /// <param name="edits">The edits.</param>
    /// <returns>The complaint.</returns>
    public GeneratedComplaint With(IReadOnlyList<ComplaintPart> parts, IReadOnlyList<ToneEdit> edits) => new(_generator, parts, edits);

    /// <inheritdoc />
    public override string ToString() =>
        $"calm \"{LawCheck.Escape(Calm)}\", edits [{string.Join(", ", Edits)}], angry \"{LawCheck.Escape(Angry)}\"";
}

/// <summary>A change of one fact of a complaint, which must change what the normalizer records.</summary>
public enum FactChangeKind
{
    /// <summary>A number changes (a duration, a count of people, a date's day, an amount).</summary>
    Number,

    /// <summary>Another system is named.</summary>
    System,

    /// <summary>Another error code.</summary>
    ErrorCode,

    /// <summary>Another ticket reference.</summary>
    Reference,

    /// <summary>A statement is negated ("not down").</summary>
    Negation,
}

/// <summary>A complaint and the same complaint with one fact changed.</summary>
public sealed record FactChange
{
    /// <summary>Gets the complaint.</summary>
    public required GeneratedComplaint Original { get; init; }

    /// <summary>Gets the complaint with one fact changed (the calm versions are compared).</summary>
    public required GeneratedComplaint Changed { get; init; }

    /// <summary>Gets what changed.</summary>
    public required FactChangeKind Kind { get; init; }

    /// <summary>Gets the index of the part that changed (for a negation: the word negated).</summary>
    public required int Position { get; init; }

    /// <summary>Gets a value indicating whether the change must change the incident key too (systems, error codes, references).</summary>
    public bool ChangesIncidentKey => Kind is FactChangeKind.System or FactChangeKind.ErrorCode or FactChangeKind.Reference;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} at part {Position}: \"{LawCheck.Escape(Original.Calm)}\" -> \"{LawCheck.Escape(Changed.Calm)}\"";
}
