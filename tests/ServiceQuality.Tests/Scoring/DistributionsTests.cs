using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring;

/// <summary>
/// Reference values: R (qnorm, qt, qf, pnorm) as quoted in the brief and in R's documentation; Python 3.11's
/// statistics.NormalDist.inv_cdf (Wichura's AS241, an independent algorithm) and math.erfc/lgamma; closed forms
/// (Cauchy = t₁, t₂, chi-square with 2 df, F(1, d) = t², integer-parameter beta via the binomial sum).
/// </summary>
public sealed class DistributionsTests
{
    private const double Tol = 1e-9;

    [Theory]
    [InlineData(0.975, 1.959963984540054)] // R qnorm(0.975)
    [InlineData(0.95, 1.6448536269514715)] // Python NormalDist().inv_cdf(0.95)
    [InlineData(0.995, 2.5758293035489)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.3, -0.5244005127080407)]
    public void NormalQuantile_MatchesReference(double p, double expected) =>
        Assert.Equal(expected, Distributions.NormalQuantile(p), Tol);

    [Theory]
    [InlineData(1.96, 0.9750021048517795)] // R pnorm(1.96); Python 0.5*erfc(-x/sqrt 2)
    [InlineData(-1, 0.15865525393145707)]
    [InlineData(1, 0.8413447460685429)]
    public void NormalCdf_MatchesReference(double x, double expected) =>
        Assert.Equal(expected, Distributions.NormalCdf(x), 1e-14);

    [Theory]
    [InlineData(-5, 2.866515718791946e-07)]
    [InlineData(-10, 7.619853024160593e-24)]
    public void NormalCdf_FarTail_IsRelativelyAccurate(double x, double expected) =>
        Assert.Equal(1, Distributions.NormalCdf(x) / expected, 1e-12);

    [Fact]
    public void LogGamma_MatchesPython()
    {
        Assert.Equal(13.48203678613836, Distributions.LogGamma(10.3), 1e-12);
        Assert.Equal(2.2527126517342055, Distributions.LogGamma(0.1), 1e-12);
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), Distributions.LogGamma(0.5), 1e-14);
    }

    [Fact]
    public void StudentT_MatchesReferenceAndClosedForms()
    {
        Assert.Equal(2.228138851986274, Distributions.StudentTQuantile(0.975, 10), Tol); // R qt(0.975, 10)
        Assert.Equal(3.077683537175253, Distributions.StudentTQuantile(0.9, 1), Tol); // Cauchy: tan(π(p - ½))
        Assert.Equal(2.9199855803537242, Distributions.StudentTQuantile(0.95, 2), Tol); // t₂: (2p-1)/√(2p(1-p))
        Assert.Equal(-2.228138851986274, Distributions.StudentTQuantile(0.025, 10), Tol);
        Assert.Equal(0.975, Distributions.StudentTCdf(2.228138851986274, 10), 1e-12);
        Assert.Equal(0.5 + (1.5 / (2 * Math.Sqrt(2 + 2.25))), Distributions.StudentTCdf(1.5, 2), 1e-13);
    }

    [Fact]
    public void F_MatchesReferenceAndClosedForms()
    {
        Assert.Equal(3.098391212407592, Distributions.FQuantile(0.95, 3, 20), Tol); // R qf(0.95, 3, 20)
        Assert.Equal(0.95, Distributions.FCdf(3.098391212407592, 3, 20), 1e-10); // the quoted quantile is itself rounded
        var t = 2.228138851986274;
        Assert.Equal(t * t, Distributions.FQuantile(0.95, 1, 10), 1e-8); // F(1, d) = t_d²
        Assert.Equal(0.05, Distributions.FUpperTail(t * t, 1, 10), 1e-12);
    }

    [Fact]
    public void ChiSquareBetaPoisson_MatchClosedForms()
    {
        Assert.Equal(5.99146454710798, Distributions.ChiSquareQuantile(0.95, 2), Tol); // -2 ln(0.05)
        Assert.Equal(3.8414588206941236, Distributions.ChiSquareQuantile(0.95, 1), Tol); // qnorm(0.975)²
        Assert.Equal(0.6875, Distributions.RegularizedBeta(0.5, 2, 3), 1e-14); // P(Bin(4, ½) ≥ 2) = 11/16
        Assert.Equal(0.3, Distributions.BetaQuantile(Math.Pow(0.3, 2.5), 2.5, 1), 1e-12); // Beta(a, 1): x^a
        Assert.Equal(0.3208471988621341, Distributions.PoissonCdf(2, 3.5), 1e-13); // Σ e^-λ λ^k/k!
        Assert.Equal(Math.Exp(-3.5), Distributions.PoissonCdf(0, 3.5), 1e-15);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Quantiles_InvertTheirCdfs(double p)
    {
        Assert.Equal(p, Distributions.BetaQuantile(p, 0.7, 3.2) is var b ? Distributions.RegularizedBeta(b, 0.7, 3.2) : 0, 1e-12);
        Assert.Equal(p, Distributions.FCdf(Distributions.FQuantile(p, 5, 13.4), 5, 13.4), 1e-12);
        Assert.Equal(p, Distributions.StudentTCdf(Distributions.StudentTQuantile(p, 3.7), 3.7), 1e-12);
        Assert.Equal(p, Distributions.ChiSquareCdf(Distributions.ChiSquareQuantile(p, 7), 7), 1e-12);
        Assert.Equal(p, Distributions.NormalCdf(Distributions.NormalQuantile(p)), 1e-14);
    }
}
