
namespace ServiceQuality.Scoring;

/// <summary>Customer satisfaction (CSAT) results from a <c>RatingAccumulator&lt;CsatScale&gt;</c>.</summary>
public static class CustomerSatisfaction
{
    /// <summary>The top-box share (the CSAT score, top-2-box by default) and the mean rating.</summary>
    /// <param name="ratings">The 1-5 ratings.</param>
    /// <param name="options">The top-box threshold and proportion options; the defaults when <see langword="null"/>.</param>
    /// <returns>The result; no score when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static CsatResult GetCsat(this in RatingAccumulator<CsatScale> ratings, CsatOptions? options = null)
    {
        options ??= CsatOptions.Default;
        options.Validate();
        return new CsatResult(ratings.GetShare(options.TopBoxMinimum, CsatScale.Maximum, options.Proportion), ratings.GetMean(options.Proportion.ConfidenceLevel));
    }
}
