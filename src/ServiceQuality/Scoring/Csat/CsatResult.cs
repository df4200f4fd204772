using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>A customer-satisfaction result: the top-box share (the CSAT score) and the mean rating.</summary>
public readonly record struct CsatResult
{
    [JsonConstructor]
    internal CsatResult(ProportionResult topBox, MeanResult mean)
    {
        TopBox = topBox;
        Mean = mean;
    }

    /// <summary>Gets the share of ratings at or above the top-box minimum, with its interval.</summary>
    public ProportionResult TopBox { get; }

    /// <summary>Gets the mean rating on 1-5 with its t interval.</summary>
    public MeanResult Mean { get; }

    /// <summary>Gets whether there is a score (at least one rating).</summary>
    public bool HasValue => TopBox.HasValue;

    /// <summary>Gets why there is no score: <see cref="UndefinedReason.NoObservations"/> with no ratings; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined => TopBox.Undefined;
}
