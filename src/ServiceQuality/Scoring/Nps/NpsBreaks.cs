using System.Diagnostics.CodeAnalysis;

namespace ServiceQuality.Scoring;

/// <summary>
/// Where the 0-10 likelihood-to-recommend scale is cut into detractors, passives and promoters (R <c>NPS</c>'s
/// <c>breaks</c>). The standard Net Promoter breaks are 0-6 detractors, 7-8 passives, 9-10 promoters.
/// </summary>
public readonly record struct NpsBreaks
{
    /// <summary>Initializes breaks from the highest detractor rating and the lowest promoter rating (checked by <see cref="Validate()"/>).</summary>
    /// <param name="detractorMaximum">The highest rating counted as a detractor (6 in the standard breaks).</param>
    /// <param name="promoterMinimum">The lowest rating counted as a promoter (9 in the standard breaks).</param>
    [SetsRequiredMembers]
    public NpsBreaks(int detractorMaximum, int promoterMinimum)
    {
        DetractorMaximum = detractorMaximum;
        PromoterMinimum = promoterMinimum;
    }

    /// <summary>Gets the highest rating counted as a detractor (6 in the standard breaks).</summary>
    public required int DetractorMaximum { get; init; }

    /// <summary>Gets the lowest rating counted as a promoter (9 in the standard breaks).</summary>
    public required int PromoterMinimum { get; init; }

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
