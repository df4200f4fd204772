namespace ServiceQuality.Scoring;

/// <summary>How the confidence interval of a Net Promoter Score is computed (Rocks 2016, "Interval estimation for the 'Net Promoter Score'", The American Statistician 70(4)).</summary>
public enum NpsIntervalMethod
{
    /// <summary>
    /// The adjusted Wald interval: add 3 pseudo-responses (¾ of a detractor, 1½ passives, ¾ of a promoter) and take the
    /// Wald interval of the adjusted score with n + 3 responses. Rocks (2016) found it among the best performers; the
    /// default. The interval is centred on the adjusted score, so for a single response it can exclude the raw score
    /// (one promoter: score 1, interval about [-0.49, 0.99]); from two responses on it contains it (checked for every
    /// split of n = 2..119 responses).
    /// </summary>
    AdjustedWald = 0,

    /// <summary>The Wald interval NPS ± z·√(var/n), as R <c>NPS::nps_ci</c>/<c>nps_test</c> computes it.</summary>
    Wald = 1,
}
