namespace ServiceQuality.Scoring;

/// <summary>The Net Promoter category of one response.</summary>
public enum NpsCategory
{
    /// <summary>A detractor: a rating from the scale's minimum to the detractor maximum.</summary>
    Detractor = 0,

    /// <summary>A passive: a rating above the detractor maximum up to the passive maximum.</summary>
    Passive = 1,

    /// <summary>A promoter: a rating above the passive maximum.</summary>
    Promoter = 2,
}

/// <summary>
/// Classifies ratings on any integer scale into detractors, passives and promoters, with the four break points of R
/// <c>NPS</c>'s <c>breaks = c(0, 6, 8, 10)</c>: the scale's minimum, the highest detractor rating, the highest passive
/// rating and the scale's maximum (R <c>NPS</c> accepts e.g. a 1-15 scale: <c>c(1, 9, 12, 15)</c>).
/// </summary>
public readonly record struct NpsClassifier
{
    /// <summary>Gets the standard breaks on the 0-10 scale: 0-6 detractors, 7-8 passives, 9-10 promoters.</summary>
    public static NpsClassifier Standard { get; } = new() { Minimum = 0, DetractorMaximum = 6, PassiveMaximum = 8, Maximum = 10 };

    /// <summary>Gets the lowest rating of the scale.</summary>
    public required int Minimum { get; init; }

    /// <summary>Gets the highest rating counted as a detractor, ≥ <see cref="Minimum"/>.</summary>
    public required int DetractorMaximum { get; init; }

    /// <summary>Gets the highest rating counted as a passive, ≥ <see cref="DetractorMaximum"/> (equal: no passives).</summary>
    public required int PassiveMaximum { get; init; }

    /// <summary>Gets the highest rating of the scale, &gt; <see cref="PassiveMaximum"/>.</summary>
    public required int Maximum { get; init; }

    /// <summary>Throws unless Minimum ≤ DetractorMaximum ≤ PassiveMaximum &lt; Maximum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The break points are out of order; the message names them.</exception>
    public void Validate()
    {
        if (!(Minimum <= DetractorMaximum && DetractorMaximum <= PassiveMaximum && PassiveMaximum < Maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(DetractorMaximum), this, $"The breaks ({Minimum}, {DetractorMaximum}, {PassiveMaximum}, {Maximum}) must satisfy Minimum ≤ DetractorMaximum ≤ PassiveMaximum < Maximum.");
        }
    }

    /// <summary>The category of one rating.</summary>
    /// <param name="rating">A rating on the scale.</param>
    /// <returns>Detractor, passive or promoter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale (the message names the range), or the breaks are out of order.</exception>
    public NpsCategory Classify(int rating)
    {
        Validate();
        Check.InRange(rating, Minimum, Maximum, nameof(rating));
        return rating <= DetractorMaximum ? NpsCategory.Detractor : rating <= PassiveMaximum ? NpsCategory.Passive : NpsCategory.Promoter;
    }
}
