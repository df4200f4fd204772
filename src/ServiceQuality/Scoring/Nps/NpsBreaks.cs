namespace ServiceQuality.Scoring;

/// <summary>
/// Where the 0-10 likelihood-to-recommend scale is cut into detractors, passives and promoters (R <c>NPS</c>'s
/// <c>breaks</c>). The standard Net Promoter breaks are 0-6 detractors, 7-8 passives, 9-10 promoters.
/// </summary>
/// <param name="DetractorMaximum">The highest rating counted as a detractor; 6 by default.</param>
/// <param name="PromoterMinimum">The lowest rating counted as a promoter; 9 by default.</param>
public readonly record struct NpsBreaks(int DetractorMaximum, int PromoterMinimum)
{
    /// <summary>Gets the standard breaks: 0-6 detractors, 7-8 passives, 9-10 promoters.</summary>
    public static NpsBreaks Standard { get; } = new(6, 9);

    /// <summary>Throws when the breaks are not 0 ≤ <see cref="DetractorMaximum"/> &lt; <see cref="PromoterMinimum"/> ≤ 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The breaks are out of order or off the scale.</exception>
    public void Validate() => Validate(0, 10);

    /// <summary>Throws unless minimum ≤ DetractorMaximum &lt; PromoterMinimum ≤ maximum for the scale in use.</summary>
    internal void Validate(int minimum, int maximum)
    {
        if (DetractorMaximum < minimum || PromoterMinimum > maximum || DetractorMaximum >= PromoterMinimum)
        {
            throw new ArgumentOutOfRangeException(nameof(DetractorMaximum), this, $"The breaks ({DetractorMaximum}, {PromoterMinimum}) must satisfy {minimum} ≤ DetractorMaximum < PromoterMinimum ≤ {maximum}.");
        }
    }
}
