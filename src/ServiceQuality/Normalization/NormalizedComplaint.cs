using System.Globalization;

namespace ServiceQuality.Normalization;

/// <summary>
/// The impersonal, trackable record of a complaint: the same facts give the same record, however angrily they were
/// written.
/// </summary>
public sealed class NormalizedComplaint
{
    private IReadOnlyList<ServiceAreaMatch>? _ranked;

    internal NormalizedComplaint(
        string canonicalText,
        IReadOnlyList<ComplaintFact> facts,
        IReadOnlyList<ServiceAreaMatch> areas,
        ImpactLevel impact,
        RecurrenceSignal recurrence,
        NeutralizedCounts neutralized,
        ulong incidentKey,
        ulong fingerprint,
        NormalizationContext context,
        ToneSignals toneSignals = default)
    {
        ToneSignals = toneSignals;
        CanonicalText = canonicalText;
        Facts = facts;
        Areas = areas;
        Impact = impact;
        Recurrence = recurrence;
        Neutralized = neutralized;
        IncidentKeyValue = incidentKey;
        FingerprintValue = fingerprint;
        Context = context;
    }

    /// <summary>Gets the canonical text: tone neutralised, case folded except protected identifiers, runs collapsed, personal data masked.</summary>
    public string CanonicalText { get; }

    /// <summary>Gets the facts, in order of their position in the original text (quoted replies and signatures excluded).</summary>
    public IReadOnlyList<ComplaintFact> Facts { get; }

    /// <summary>Gets the service areas, in the order of <see cref="ServiceAreas.ClientWants"/> then host categories (<see cref="RankedAreas"/> ranks them).</summary>
    public IReadOnlyList<ServiceAreaMatch> Areas { get; }

    /// <summary>
    /// Gets the service areas ranked by the weight of their evidence (<see cref="ServiceAreaMatch.Weight"/>), the
    /// strongest first; equal weights keep the order of <see cref="Areas"/>.
    /// </summary>
    public IReadOnlyList<ServiceAreaMatch> RankedAreas => _ranked ??= Rank(Areas);

    /// <summary>Gets the primary area, the first of <see cref="RankedAreas"/>, or <see langword="null"/> when the complaint has no area.</summary>
    public ServiceAreaMatch? PrimaryArea => Areas.Count == 0 ? null : RankedAreas[0];

    /// <summary>Gets the impact, derived from the people-affected facts.</summary>
    public ImpactLevel Impact { get; }

    /// <summary>Gets what the occurrence facts say about recurrence.</summary>
    public RecurrenceSignal Recurrence { get; }

    /// <summary>Gets what the complaint threatens (to leave, to tell others): removed from the canonical text, recorded here.</summary>
    public ToneSignals ToneSignals { get; }

    /// <summary>Gets what was neutralised, counted by kind.</summary>
    public NeutralizedCounts Neutralized { get; }

    /// <summary>
    /// Gets the exact incident key as a number: a 64-bit hash of the areas (first-time fix, the client's framing of
    /// recurrence, left out), systems, error codes and references. <see cref="IncidentKey"/> is its text.
    /// </summary>
    public ulong IncidentKeyValue { get; }

    /// <summary>
    /// Gets the near-duplicate fingerprint as a number: a 64-bit SimHash of the canonical words and word pairs, for
    /// <see cref="RecurrenceIndex"/> and <see cref="ComplaintNormalizer.HammingDistance"/>. <see cref="Fingerprint"/> is its text.
    /// </summary>
    public ulong FingerprintValue { get; }

    /// <summary>Gets the context the complaint was normalized with.</summary>
    public NormalizationContext Context { get; }

    /// <summary>
    /// Gets the exact incident key as 16 lower-case hexadecimal digits: the identity a host stores and queries
    /// (<see cref="Complaints.NormalizedRecord.IncidentKey"/>, <see cref="Complaints.ComplaintQuery.ByIncidentKey"/>).
    /// </summary>
    public string IncidentKey => IncidentKeyValue.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Gets the near-duplicate fingerprint as 16 lower-case hexadecimal digits (<see cref="Complaints.NormalizedRecord.Fingerprint"/>).</summary>
    public string Fingerprint => FingerprintValue.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Ranks areas by weight, the strongest first; a stable sort, so equal weights keep their order.</summary>
    internal static IReadOnlyList<T> Rank<T>(IReadOnlyList<T> areas, Func<T, double> weight) =>
        areas.Count < 2 ? areas : [.. areas.OrderByDescending(weight)];

    private static IReadOnlyList<ServiceAreaMatch> Rank(IReadOnlyList<ServiceAreaMatch> areas) => Rank(areas, static a => a.Weight);

    /// <summary>Gets the facts of one kind.</summary>
    /// <param name="kind">The kind of fact.</param>
    /// <returns>The facts of that kind, in order.</returns>
    public IEnumerable<ComplaintFact> FactsOf(FactKind kind) => Facts.Where(f => f.Kind == kind);
}
