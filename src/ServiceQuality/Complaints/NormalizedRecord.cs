using System.Globalization;
using System.Text.Json.Serialization;
using ServiceQuality.Normalization;

namespace ServiceQuality.Complaints;

/// <summary>
/// The normalized record of a complaint as it is stored with <see cref="ComplaintReceived"/>: what the
/// <see cref="ComplaintNormalizer"/> made of the client's words at intake, so recurring problems, areas and incident
/// keys can be read from the store without normalizing again. Plain serializable data with value equality.
/// </summary>
public sealed record NormalizedRecord
{
    [JsonConstructor]
    internal NormalizedRecord(
        string canonicalText,
        IReadOnlyList<NormalizedFact> facts,
        IReadOnlyList<NormalizedArea> areas,
        ImpactLevel impact,
        bool isRecurring,
        int? statedOccurrences,
        string incidentKey,
        string fingerprint,
        IReadOnlyDictionary<string, int> toneSignals)
    {
        CanonicalText = canonicalText;
        Facts = facts;
        Areas = areas;
        Impact = impact;
        IsRecurring = isRecurring;
        StatedOccurrences = statedOccurrences;
        IncidentKey = incidentKey;
        Fingerprint = fingerprint;
        ToneSignals = toneSignals;
    }

    /// <summary>Gets the canonical text: tone neutralised, personal data masked (still the client's words: erased with them).</summary>
    public string CanonicalText { get; internal init; }

    /// <summary>Gets the facts, as kind and normalized value, in order of appearance.</summary>
    public IReadOnlyList<NormalizedFact> Facts { get; internal init; }

    /// <summary>Gets the service areas with their evidence terms.</summary>
    public IReadOnlyList<NormalizedArea> Areas { get; internal init; }

    /// <summary>Gets how widely the problem reaches, from the people-affected facts.</summary>
    public ImpactLevel Impact { get; internal init; }

    /// <summary>Gets a value indicating whether an occurrence fact says the problem happened before.</summary>
    public bool IsRecurring { get; internal init; }

    /// <summary>Gets the highest number of occurrences stated ("3rd time": 3), or <see langword="null"/>.</summary>
    public int? StatedOccurrences { get; internal init; }

    /// <summary>Gets the exact incident key, 16 lower-case hexadecimal digits.</summary>
    public string IncidentKey { get; internal init; }

    /// <summary>Gets the near-duplicate fingerprint (SimHash), 16 lower-case hexadecimal digits.</summary>
    public string Fingerprint { get; internal init; }

    /// <summary>Gets what was neutralised, by kind (only kinds that occurred): a record of the tone removed, never a score.</summary>
    public IReadOnlyDictionary<string, int> ToneSignals { get; internal init; }

    /// <summary>Gets the incident key as a number (<see cref="NormalizedComplaint.IncidentKeyValue"/>).</summary>
    [JsonIgnore]
    public ulong IncidentKeyValue => ulong.Parse(IncidentKey, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Gets the fingerprint as a number, for <see cref="RecurrenceIndex"/> and <see cref="ComplaintNormalizer.HammingDistance"/>.</summary>
    [JsonIgnore]
    public ulong FingerprintValue => ulong.Parse(Fingerprint, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>
    /// Gets the areas ranked by the weight of their evidence, the strongest first (<see cref="NormalizedComplaint.RankedAreas"/>);
    /// a record stored before areas were weighed keeps the order of <see cref="Areas"/>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<NormalizedArea> RankedAreas => NormalizedComplaint.Rank(Areas, static a => a.Weight ?? 0);

    /// <summary>
    /// Gets the primary area (<see cref="NormalizedComplaint.PrimaryArea"/>), or <see langword="null"/> when there is
    /// none or the record was stored before areas were weighed (no area has a <see cref="NormalizedArea.Weight"/>).
    /// </summary>
    [JsonIgnore]
    public string? PrimaryArea => Areas.Any(a => a.Weight is not null) ? RankedAreas[0].Area : null;

    /// <summary>Creates the stored record from the normalizer's output.</summary>
    /// <param name="normalized">The normalizer's output.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="normalized"/> is <see langword="null"/>.</exception>
    public static NormalizedRecord From(NormalizedComplaint normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var n = normalized.Neutralized;
        var tone = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Add(nameof(n.Shouting), n.Shouting);
        Add(nameof(n.PunctuationRuns), n.PunctuationRuns);
        Add(nameof(n.StretchedLetters), n.StretchedLetters);
        Add(nameof(n.Intensifiers), n.Intensifiers);
        Add(nameof(n.Profanity), n.Profanity);
        Add(nameof(n.Insults), n.Insults);
        Add(nameof(n.Interjections), n.Interjections);
        Add(nameof(n.Emoji), n.Emoji);
        Add(nameof(n.InvisibleCharacters), n.InvisibleCharacters);
        Add(nameof(n.CompatibilityCharacters), n.CompatibilityCharacters);
        Add(nameof(n.Homoglyphs), n.Homoglyphs);
        return new NormalizedRecord(
            normalized.CanonicalText,
            [.. normalized.Facts.Select(f => new NormalizedFact(f.Kind, f.Value))],
            [.. normalized.Areas.Select(a => new NormalizedArea(a.Area, [.. a.Evidence], a.Weight))],
            normalized.Impact,
            normalized.Recurrence.IsRecurring,
            normalized.Recurrence.StatedCount,
            normalized.IncidentKey,
            normalized.Fingerprint,
            tone);

        void Add(string kind, int count)
        {
            if (count != 0)
            {
                tone[kind] = count;
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(NormalizedRecord? other) =>
        other is not null
        && string.Equals(CanonicalText, other.CanonicalText, StringComparison.Ordinal)
        && Facts.SequenceEqual(other.Facts)
        && Areas.SequenceEqual(other.Areas)
        && Impact == other.Impact
        && IsRecurring == other.IsRecurring
        && StatedOccurrences == other.StatedOccurrences
        && string.Equals(IncidentKey, other.IncidentKey, StringComparison.Ordinal)
        && string.Equals(Fingerprint, other.Fingerprint, StringComparison.Ordinal)
        && Values.SameEntries(ToneSignals, other.ToneSignals);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CanonicalText, IncidentKey, Fingerprint, Facts.Count, Areas.Count);

    /// <summary>Returns the record with the client's words (the canonical text) erased; facts, areas and keys are kept.</summary>
    /// <returns>The erased copy.</returns>
    internal NormalizedRecord WithTextErased() => this with { CanonicalText = ComplaintEvent.ErasedText };
}

/// <summary>A fact of a complaint as stored: its kind and normalized value (e.g. <c>ErrorCode</c>, <c>0x80070005</c>).</summary>
public readonly record struct NormalizedFact
{
    [JsonConstructor]
    internal NormalizedFact(FactKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets what kind of fact it is.</summary>
    public FactKind Kind { get; }

    /// <summary>Gets the normalized value.</summary>
    public string Value { get; }
}

/// <summary>A service area of a complaint as stored, with the terms that were its evidence.</summary>
public sealed record NormalizedArea
{
    [JsonConstructor]
    internal NormalizedArea(string area, IReadOnlyList<string> evidence, double? weight = null)
    {
        Area = area;
        Evidence = evidence;
        Weight = weight;
    }

    /// <summary>Gets the area: a client want or a host-defined category.</summary>
    public string Area { get; internal init; }

    /// <summary>Gets the distinct evidence terms, in order of first appearance.</summary>
    public IReadOnlyList<string> Evidence { get; internal init; }

    /// <summary>
    /// Gets the weight of the evidence (<see cref="ServiceAreaMatch.Weight"/>), which ranks the areas; an optional
    /// field of the stored JSON, left out when <see langword="null"/>.
    /// </summary>
    /// <value><see langword="null"/> for a record stored before areas were weighed.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Weight { get; internal init; }

    /// <inheritdoc />
    public bool Equals(NormalizedArea? other) =>
        other is not null && string.Equals(Area, other.Area, StringComparison.Ordinal) && Evidence.SequenceEqual(other.Evidence, StringComparer.Ordinal)
        && Weight == other.Weight;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Area, Evidence.Count);
}
