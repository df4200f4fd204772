
namespace ServiceQuality.Scoring;

/// <summary>Options for a CSAT result on the 1-5 scale.</summary>
public sealed class CsatOptions
{
    /// <summary>Gets the default options.</summary>
    public static CsatOptions Default { get; } = new();

    /// <summary>Gets or sets the lowest rating counted as satisfied: 4 is top-2-box (4 and 5), 5 is top-box.</summary>
    /// <value>4 (top-2-box).</value>
    public int TopBoxMinimum { get; set; } = 4;

    /// <summary>Gets or sets the options of the top-box proportion.</summary>
    /// <value><see cref="ProportionOptions.Default"/>: Wilson, 95%, clipped.</value>
    public ProportionOptions Proportion { get; set; } = ProportionOptions.Default;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its valid range.</exception>
    public void Validate()
    {
        Check.InRange(TopBoxMinimum, CsatScale.Minimum, CsatScale.Maximum, nameof(TopBoxMinimum));
        ArgumentNullException.ThrowIfNull(Proportion);
        Proportion.Validate();
    }
}
