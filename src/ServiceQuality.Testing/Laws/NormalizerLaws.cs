using ServiceQuality.Normalization;

namespace ServiceQuality.Testing;

/// <summary>What the normalization laws compare of a normalized complaint: what must not change under a tone edit, and must change with a fact.</summary>
public sealed record NormalizedView
{
    /// <summary>Gets the canonical text.</summary>
    public required string CanonicalText { get; init; }

    /// <summary>Gets the facts as <c>Kind:Value</c>, in order (positions left out: a tone edit moves them).</summary>
    public required IReadOnlyList<string> Facts { get; init; }

    /// <summary>Gets the service areas with their evidence terms, as <c>Area=term,term</c>.</summary>
    public required IReadOnlyList<string> Areas { get; init; }

    /// <summary>Gets the exact incident key, as <see cref="NormalizedComplaint.IncidentKey"/> writes it (16 hex digits).</summary>
    public required string IncidentKey { get; init; }

    /// <summary>Gets the near-duplicate fingerprint, as <see cref="NormalizedComplaint.Fingerprint"/> writes it (16 hex digits).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Takes the view of a normalized complaint.</summary>
    /// <param name="record">The normalized complaint.</param>
    /// <returns>The view.</returns>
    public static NormalizedView Of(NormalizedComplaint record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new()
        {
            CanonicalText = record.CanonicalText,
            Facts = [.. record.Facts.Select(f => $"{f.Kind}:{f.Value}")],
            Areas = [.. record.Areas.Select(a => a.Area + "=" + string.Join(',', a.Evidence))],
            IncidentKey = record.IncidentKey,
            Fingerprint = record.Fingerprint,
        };
    }

    /// <summary>Tells whether two views are the same in every part.</summary>
    /// <param name="other">The other view.</param>
    /// <returns><see langword="true"/> when canonical text, facts, areas, incident key and fingerprint are all equal.</returns>
    public bool Matches(NormalizedView other) =>
        other is not null && CanonicalText == other.CanonicalText && Facts.SequenceEqual(other.Facts) && Areas.SequenceEqual(other.Areas)
        && IncidentKey == other.IncidentKey && Fingerprint == other.Fingerprint;

    /// <inheritdoc />
    public override string ToString() =>
        $"canonical \"{LawCheck.Escape(CanonicalText)}\", facts [{string.Join(", ", Facts)}], areas [{string.Join("; ", Areas)}], key {IncidentKey}, fingerprint {Fingerprint}";
}

/// <summary>
/// The laws of normalization (tone invariance, facts extracted, fact sensitivity, idempotence) for a normalizer built
/// from the host's options and lexicons, or for any normalizing function of the host's: each law is checked on
/// complaints of a <see cref="ComplaintTextGenerator"/> and reports a shrunk counterexample (fewest parts, fewest edits).
/// </summary>
/// <example>
/// <code>
/// var options = new NormalizationOptions();
/// options.Profanity.Add("frick");
/// new NormalizerLaws(options).CheckAll();   // throws LawViolationException with the minimal complaint that breaks a law
/// </code>
/// </example>
public sealed class NormalizerLaws
{
    private readonly Func<string, NormalizedView> _normalize;

    /// <summary>Creates the laws for a normalizer built from the host's options, under every tone edit; the generator uses the host's lexicon entries too.</summary>
    /// <param name="options">The host's normalization options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid.</exception>
    public NormalizerLaws(NormalizationOptions options)
        : this(options, ToneEdits.All)
    {
    }

    /// <summary>Creates the laws for a normalizer built from the host's options; the generator uses the host's lexicon entries too.</summary>
    /// <param name="options">The host's normalization options.</param>
    /// <param name="edits">The tone edits that must leave the record unchanged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid.</exception>
    public NormalizerLaws(NormalizationOptions options, ToneEdits edits)
        : this(Build(options), new ComplaintTextGenerator(options, edits))
    {
    }

    /// <summary>Creates the laws for a normalizer.</summary>
    /// <param name="normalizer">The normalizer.</param>
    /// <param name="generator">The complaints to check it on.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public NormalizerLaws(ComplaintNormalizer normalizer, ComplaintTextGenerator generator)
        : this(NormalizeWith(normalizer), generator)
    {
    }

    /// <summary>Creates the laws for any normalizing function (a host's own normalizer, or ours behind the host's pre-processing).</summary>
    /// <param name="normalize">Normalizes a text into the view the laws compare.</param>
    /// <param name="generator">The complaints to check it on.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public NormalizerLaws(Func<string, NormalizedView> normalize, ComplaintTextGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(normalize);
        ArgumentNullException.ThrowIfNull(generator);
        _normalize = normalize;
        Generator = generator;
    }

    /// <summary>Gets the generator the laws draw complaints from.</summary>
    public ComplaintTextGenerator Generator { get; }

    /// <summary>Gets how many complaints each law is tried on, and the seed.</summary>
    /// <value><see cref="LawCheckOptions.Default"/>.</value>
    public LawCheckOptions Options { get; init; } = LawCheckOptions.Default;

    /// <summary>Checks every law.</summary>
    /// <exception cref="LawViolationException">A law does not hold; the exception carries the minimal counterexample.</exception>
    public void CheckAll()
    {
        ToneInvariance();
        FactsAreExtracted();
        FactSensitivity();
        Idempotence();
    }

    /// <summary>
    /// Tone invariance: a complaint told angrily (any of the generator's tone edits) normalizes to the same canonical
    /// text, facts, areas, incident key and fingerprint as told calmly. The counterexample is a <see cref="GeneratedComplaint"/>.
    /// </summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void ToneInvariance() => LawCheck.Run("tone invariance", Generator.Arbitrary, complaint =>
    {
        var calm = _normalize(complaint.Calm);
        var angry = _normalize(complaint.Angry);
        LawCheck.That(calm.Matches(angry), () => $"calm:  {calm}{Environment.NewLine}angry: {angry}");
    }, Options);

    /// <summary>
    /// Facts are extracted: every fact the generator put in (system, error code, reference, duration, people affected,
    /// date, amount) is among the facts of the calm complaint and of the angry one. The counterexample is a <see cref="GeneratedComplaint"/>.
    /// </summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void FactsAreExtracted() => LawCheck.Run("facts are extracted", Generator.Arbitrary, complaint =>
    {
        foreach (var text in new[] { complaint.Calm, complaint.Angry })
        {
            var view = _normalize(text);
            var missing = complaint.Facts.Select(f => f.ToString()).Where(f => !view.Facts.Contains(f)).ToArray();
            LawCheck.That(missing.Length == 0, () => $"missing [{string.Join(", ", missing)}] in \"{LawCheck.Escape(text)}\": {view}");
        }
    }, Options);

    /// <summary>
    /// Fact sensitivity: changing a number, a system, an error code or a reference, or negating a statement, changes
    /// the facts and the canonical text; changing a system, an error code or a reference changes the incident key too.
    /// The counterexample is a <see cref="FactChange"/>.
    /// </summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void FactSensitivity() => LawCheck.Run("fact sensitivity", Generator.FactChangeArbitrary, change =>
    {
        var before = _normalize(change.Original.Calm);
        var after = _normalize(change.Changed.Calm);
        LawCheck.That(!before.Facts.SequenceEqual(after.Facts), () => $"the facts did not change: {after}");
        LawCheck.That(before.CanonicalText != after.CanonicalText, () => $"the canonical text did not change: {after}");
        LawCheck.That(!change.ChangesIncidentKey || before.IncidentKey != after.IncidentKey, () => $"the incident key did not change: {after}");
    }, Options);

    /// <summary>Idempotence: normalizing the canonical text of an angry complaint again gives the same record. The counterexample is a <see cref="GeneratedComplaint"/>.</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void Idempotence() => LawCheck.Run("idempotence", Generator.Arbitrary, complaint =>
    {
        var once = _normalize(complaint.Angry);
        var twice = _normalize(once.CanonicalText);
        LawCheck.That(once.Matches(twice), () => $"once:  {once}{Environment.NewLine}twice: {twice}");
    }, Options);

    private static Func<string, NormalizedView> NormalizeWith(ComplaintNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        return text => NormalizedView.Of(normalizer.Normalize(text));
    }

    private static ComplaintNormalizer Build(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ComplaintNormalizer(options);
    }
}
