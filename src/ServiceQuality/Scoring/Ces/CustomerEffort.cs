using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>Options for a customer-effort (CES) result on the 1-7 scale.</summary>
public sealed class CesOptions
{
    /// <summary>Gets the default options: CES 2.0, top-3 box.</summary>
    public static CesOptions Default { get; } = new();

    /// <summary>
    /// Gets or sets which end of the scale is easy. CES 2.0 asks for agreement with "the company made it easy for me to
    /// handle my issue" (7 = strongly agree); CES 1.0 asked how much effort it took (1 = very low effort).
    /// </summary>
    /// <value><see cref="RatingDirection.HigherIsBetter"/> (CES 2.0).</value>
    public RatingDirection Direction { get; set; } = RatingDirection.HigherIsBetter;

    /// <summary>Gets or sets how many points at the easy end count as "easy": 3 is 5-7 with CES 2.0 (agree in any degree), 1-3 with CES 1.0.</summary>
    /// <value>3. Valid: 1 to 6.</value>
    public int EasyBox { get; set; } = 3;

    /// <summary>Gets or sets the options of the easy share.</summary>
    /// <value><see cref="ProportionOptions.Default"/>: Wilson, 95%, clipped.</value>
    public ProportionOptions Proportion { get; set; } = ProportionOptions.Default;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its valid range; the message names it.</exception>
    public void Validate()
    {
        Check.Defined(Direction, nameof(Direction));
        Check.InRange(EasyBox, 1, CesScale.Maximum - CesScale.Minimum, nameof(EasyBox));
        ArgumentNullException.ThrowIfNull(Proportion);
        Proportion.Validate();
    }
}

/// <summary>A customer-effort result: the mean rating and the share of responses at the easy end.</summary>
public readonly record struct CesResult
{
    [JsonConstructor]
    internal CesResult(MeanResult mean, ProportionResult easy, RatingDirection direction)
    {
        Mean = mean;
        Easy = easy;
        Direction = direction;
    }

    /// <summary>Gets the mean rating on 1-7 with its t interval (read it with <see cref="Direction"/>).</summary>
    public MeanResult Mean { get; }

    /// <summary>Gets the share of ratings in the easy box, with its interval.</summary>
    public ProportionResult Easy { get; }

    /// <summary>Gets which end of the scale is easy.</summary>
    public RatingDirection Direction { get; }

    /// <summary>Gets whether there is a score (at least one rating).</summary>
    public bool HasValue => Easy.HasValue;

    /// <summary>Gets why there is no score: <see cref="UndefinedReason.NoObservations"/> with no ratings; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined => Easy.Undefined;
}

/// <summary>Customer effort (CES) results from a <c>RatingAccumulator&lt;CesScale&gt;</c>, in either direction of the scale.</summary>
public static class CustomerEffort
{
    /// <summary>The mean effort rating and the easy share (top-3 box at the easy end by default).</summary>
    /// <param name="ratings">The 1-7 ratings.</param>
    /// <param name="options">The direction, the easy box and the proportion options; CES 2.0, top-3 box when <see langword="null"/>.</param>
    /// <returns>The result; no score when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static CesResult GetCes(this in RatingAccumulator<CesScale> ratings, CesOptions? options = null)
    {
        options ??= CesOptions.Default;
        options.Validate();
        var (low, high) = options.Direction == RatingDirection.HigherIsBetter
            ? (CesScale.Maximum - options.EasyBox + 1, CesScale.Maximum)
            : (CesScale.Minimum, CesScale.Minimum + options.EasyBox - 1);
        return new CesResult(ratings.GetMean(options.Proportion.ConfidenceLevel), ratings.GetShare(low, high, options.Proportion), options.Direction);
    }
}
