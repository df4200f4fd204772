using System.Text.Json.Serialization;

namespace ServiceQuality.Normalization;

/// <summary>
/// The names of the seven things clients want, the built-in classification targets of normalization. Hosts add
/// their own categories with <see cref="NormalizationOptions.Categories"/>.
/// </summary>
public static class ServiceAreas
{
    /// <summary>Focus on the client's priorities.</summary>
    public const string FocusOnPriorities = nameof(FocusOnPriorities);

    /// <summary>Anticipate the client's needs.</summary>
    public const string AnticipateNeeds = nameof(AnticipateNeeds);

    /// <summary>Be responsive.</summary>
    public const string Responsiveness = nameof(Responsiveness);

    /// <summary>Communicate (no "black hole").</summary>
    public const string Communication = nameof(Communication);

    /// <summary>Uptime and availability.</summary>
    public const string Availability = nameof(Availability);

    /// <summary>Cost effectiveness.</summary>
    public const string CostEffectiveness = nameof(CostEffectiveness);

    /// <summary>Fix it right the first time.</summary>
    public const string FirstTimeFix = nameof(FirstTimeFix);

    /// <summary>Gets the seven client wants, in the order the sources list them.</summary>
    public static IReadOnlyList<string> ClientWants { get; } =
        [FocusOnPriorities, AnticipateNeeds, Responsiveness, Communication, Availability, CostEffectiveness, FirstTimeFix];
}

/// <summary>A service area a complaint was classified into, with the terms that placed it there.</summary>
public sealed class ServiceAreaMatch
{
    internal ServiceAreaMatch(string area, IReadOnlyList<string> evidence)
    {
        Area = area;
        Evidence = evidence;
    }

    /// <summary>Gets the area: one of <see cref="ServiceAreas"/> or a host-defined category.</summary>
    public string Area { get; }

    /// <summary>Gets the distinct evidence terms, in order of first appearance.</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>
    /// Gets the weight of the evidence, which ranks the areas of a complaint (<see cref="NormalizedComplaint.RankedAreas"/>):
    /// the sum over every occurrence of an evidence term of its cue strength (one for each of its words, at most three)
    /// times a position factor, 1.5 at the start of the canonical text down to 1 at its end; an occurrence fact counts
    /// 1.25. Rounded to two decimals.
    /// </summary>
    /// <value>Greater than zero for an area the normalizer found; 0 when the match was made by other code without one.</value>
    public double Weight { get; init; }

    /// <summary>
    /// Gets the client want the area is, or <see langword="null"/> for a host-defined category: the link from a
    /// complaint's classification to the rating dimensions of surveys and importance-performance analysis.
    /// </summary>
    public ClientWant? Want => Area switch
    {
        ServiceAreas.FocusOnPriorities => ClientWant.FocusOnPriorities,
        ServiceAreas.AnticipateNeeds => ClientWant.AnticipateNeeds,
        ServiceAreas.Responsiveness => ClientWant.Responsiveness,
        ServiceAreas.Communication => ClientWant.Communication,
        ServiceAreas.Availability => ClientWant.Availability,
        ServiceAreas.CostEffectiveness => ClientWant.CostEffectiveness,
        ServiceAreas.FirstTimeFix => ClientWant.FirstTimeFix,
        _ => null,
    };
}

/// <summary>How widely a complaint says the problem reaches, derived from the people-affected facts only.</summary>
public enum ImpactLevel
{
    /// <summary>No fact says anyone but the author is affected.</summary>
    Individual,

    /// <summary>A team or a group of people (from 2 up to <see cref="NormalizationOptions.OrganizationThreshold"/>).</summary>
    Team,

    /// <summary>
    /// The whole organization, everyone, or at least <see cref="NormalizationOptions.OrganizationThreshold"/> people.
    /// Written <c>"Organisation"</c> in JSON (stored normalized records), as before 1.0.
    /// </summary>
    [JsonStringEnumMemberName("Organisation")]
    Organization,
}

/// <summary>What the occurrence facts say about recurrence.</summary>
public readonly record struct RecurrenceSignal
{
    internal RecurrenceSignal(bool isRecurring, int? statedCount)
    {
        IsRecurring = isRecurring;
        StatedCount = statedCount;
    }

    /// <summary>Gets a value indicating whether an occurrence fact says the problem happened before.</summary>
    public bool IsRecurring { get; }

    /// <summary>Gets the highest number of occurrences stated ("3rd time": 3, "twice": 2), or <see langword="null"/> when none is given.</summary>
    public int? StatedCount { get; }
}

/// <summary>Optional context of a complaint.</summary>
public readonly record struct NormalizationContext
{
    /// <summary>Gets the date the complaint was written, against which "since Monday" and dates without a year are resolved.</summary>
    /// <value><see langword="null"/>: none.</value>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>Gets the client who complained (carried to the recurrence index).</summary>
    /// <value><see langword="null"/>: unknown.</value>
    public string? Client { get; init; }

    /// <summary>Gets the channel it came through (e-mail, phone, portal...).</summary>
    /// <value><see langword="null"/>: unknown.</value>
    public string? Channel { get; init; }
}
