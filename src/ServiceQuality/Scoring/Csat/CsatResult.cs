using ServiceQuality.Scoring.Means;
using ServiceQuality.Scoring.Proportions;

namespace ServiceQuality.Scoring.Csat;

/// <summary>A customer-satisfaction result: the top-box share (the CSAT score) and the mean rating.</summary>
/// <param name="TopBox">The share of ratings at or above the top-box minimum, with its interval.</param>
/// <param name="Mean">The mean rating on 1-5 with its t interval.</param>
public readonly record struct CsatResult(ProportionResult TopBox, MeanResult Mean)
{
    /// <summary>Gets whether there is a score (at least one rating).</summary>
    public bool HasValue => TopBox.HasValue;

    /// <summary>Gets why there is no score: <see cref="UndefinedReason.NoObservations"/> with no ratings; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined => TopBox.Undefined;
}
