using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>Options for the word-of-mouth reach model.</summary>
public sealed class WordOfMouthOptions
{
    /// <summary>
    /// Gets or sets how many people hear about one negative experience. The source documents: "Make a client angry
    /// and he or she tells at least 20 other people!" (TARP's studies are quoted with 9-15 on average and 20 for one
    /// in five or 13% of unhappy customers).
    /// </summary>
    /// <value>20.</value>
    public double NegativeAmplification { get; set; } = 20;

    /// <summary>
    /// Gets or sets how many people hear about one positive experience. TARP's studies as quoted in "Four customer
    /// service truths that can make or break you" (Plumbing &amp; Mechanical, pmmag.com): a satisfied customer tells
    /// about 3 people, a dissatisfied one about 15 — bad service spreads faster than good. Other quotes of TARP give 5
    /// for a complainer whose problem was solved on the spot.
    /// </summary>
    /// <value>3.</value>
    public double PositiveAmplification { get; set; } = 3;

    /// <summary>Gets or sets the confidence level of the interval.</summary>
    /// <value>0.95.</value>
    public double ConfidenceLevel { get; set; } = 0.95;
}

/// <summary>The estimated reach of word of mouth.</summary>
public readonly record struct WordOfMouthResult
{
    [JsonConstructor]
    internal WordOfMouthResult(long sampleSize, long positive, long negative, double positiveReach, double negativeReach, double netReach, ConfidenceInterval? interval)
    {
        SampleSize = sampleSize;
        Positive = positive;
        Negative = negative;
        PositiveReach = positiveReach;
        NegativeReach = negativeReach;
        NetReach = netReach;
        Interval = interval;
    }

    /// <summary>Gets all experiences counted (positive, neutral and negative).</summary>
    public long SampleSize { get; }

    /// <summary>Gets the positive experiences.</summary>
    public long Positive { get; }

    /// <summary>Gets the negative experiences.</summary>
    public long Negative { get; }

    /// <summary>Gets the positive reach, Positive × positive amplification.</summary>
    public double PositiveReach { get; }

    /// <summary>Gets the negative reach, Negative × negative amplification.</summary>
    public double NegativeReach { get; }

    /// <summary>Gets the net reach PositiveReach - NegativeReach: below 0, more people hear bad than good.</summary>
    public double NetReach { get; }

    /// <summary>Gets the interval of the net reach; <see langword="null"/> with no experiences.</summary>
    public ConfidenceInterval? Interval { get; }
}

/// <summary>
/// Word-of-mouth reach: negative experiences are amplified more than positive ones (see <see cref="WordOfMouthOptions"/>).
/// The interval treats the experiences as n independent draws of +P (positive), 0 (neutral) or -N (negative) —
/// the NPS variance with those values — conditioned on n: NetReach ± z·√(n·var).
/// </summary>
public static class WordOfMouth
{
    /// <summary>Estimates the reach.</summary>
    /// <param name="positive">The positive experiences, ≥ 0.</param>
    /// <param name="neutral">The neutral experiences, ≥ 0.</param>
    /// <param name="negative">The negative experiences, ≥ 0.</param>
    /// <param name="options">The amplifications and level; the defaults when <see langword="null"/>.</param>
    /// <returns>The reach.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or an amplification is negative, or the level is outside (0, 1).</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static WordOfMouthResult Estimate(long positive, long neutral, long negative, WordOfMouthOptions? options = null)
    {
        options ??= new WordOfMouthOptions();
        Check.NonNegative(positive, nameof(positive));
        Check.NonNegative(neutral, nameof(neutral));
        Check.NonNegative(negative, nameof(negative));
        Check.Weight(options.PositiveAmplification, nameof(options.PositiveAmplification));
        Check.Weight(options.NegativeAmplification, nameof(options.NegativeAmplification));
        Check.Level(options.ConfidenceLevel, nameof(options.ConfidenceLevel));
        var n = Check.Sum(Check.Sum(positive, neutral, "experiences"), negative, "experiences");
        var pr = positive * options.PositiveAmplification;
        var nr = negative * options.NegativeAmplification;
        if (n == 0)
        {
            return new WordOfMouthResult(0, 0, 0, 0, 0, 0, null);
        }

        double pp = (double)positive / n, pn = (double)negative / n;
        var mean = (options.PositiveAmplification * pp) - (options.NegativeAmplification * pn);
        var variance = Math.Max(0, (options.PositiveAmplification * options.PositiveAmplification * pp) + (options.NegativeAmplification * options.NegativeAmplification * pn) - (mean * mean));
        var half = Check.Z(options.ConfidenceLevel) * Math.Sqrt(n * variance);
        var net = pr - nr;
        return new WordOfMouthResult(n, positive, negative, pr, nr, net, new ConfidenceInterval(net - half, net + half, options.ConfidenceLevel));
    }
}
