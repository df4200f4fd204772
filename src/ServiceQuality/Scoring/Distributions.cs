namespace ServiceQuality.Scoring;

/// <summary>
/// The distribution functions the scoring models need (normal, Student t, F, chi-square, beta, gamma, Poisson),
/// implemented with the BCL only. Accuracy is about 1e-13 relative or better in the ranges the models use; the tests
/// check each function against published values and closed forms.
/// </summary>
/// <remarks>
/// Methods: the log-gamma function by the Lanczos approximation (g = 7, 9 terms); the regularized incomplete beta by
/// the continued fraction of Numerical Recipes (modified Lentz); the regularized incomplete gamma by its series and
/// continued fraction; the normal quantile by Acklam's rational approximation refined by two Halley steps against the
/// accurate CDF; the other quantiles by safeguarded Newton iteration inside a bisection bracket.
/// </remarks>
internal static class Distributions
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 10_000;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        return HalfLogTwoPi + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>The regularized incomplete beta function I_x(a, b).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp((a * Math.Log(x)) + (b * double.LogP1(-x)) - LogBeta(a, b));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1 - (front * BetaContinuedFraction(1 - x, b, a) / b);
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= MaxIterations; m++)
        {
            var m2 = 2 * m;
            h *= LentzStep(m * (b - m) * x / ((qam + m2) * (a + m2)), 1, ref c, ref d);
            var delta = LentzStep(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)), 1, ref c, ref d);
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>One step of the modified Lentz method for a continued fraction with terms a/(b + …): returns the factor of the convergent.</summary>
    private static double LentzStep(double a, double b, ref double c, ref double d)
    {
        d = b + (a * d);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        c = b + (a / c);
        c = Math.Abs(c) < Tiny ? Tiny : c;
        d = 1 / d;
        return d * c;
    }

    /// <summary>The density of the beta distribution.</summary>
    public static double BetaDensity(double x, double a, double b) =>
        x <= 0 || x >= 1 ? 0 : Math.Exp(((a - 1) * Math.Log(x)) + ((b - 1) * double.LogP1(-x)) - LogBeta(a, b));

    /// <summary>The quantile of the beta distribution: x with I_x(a, b) = p.</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        return Invert(p, a / (a + b), 0, 1, new BetaShape(a, b));
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x).</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        return x < a + 1 ? GammaSeries(a, x) : 1 - GammaContinuedFraction(a, x);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x).</summary>
    public static double RegularizedGammaQ(double a, double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        return x < a + 1 ? 1 - GammaSeries(a, x) : GammaContinuedFraction(a, x);
    }

    private static double GammaSeries(double a, double x)
    {
        var ap = a;
        var sum = 1 / a;
        var del = sum;
        for (var n = 0; n < MaxIterations; n++)
        {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.Abs(del) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    private static double GammaContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i <= MaxIterations; i++)
        {
            b += 2;
            var delta = LentzStep(-i * (i - a), b, ref c, ref d);
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }

    /// <summary>The standard normal CDF Φ(x).</summary>
    public static double NormalCdf(double x)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1 : 0;
        }

        // Φ(x) = erfc(-x/√2)/2 and erfc(z) = Q(1/2, z²) for z ≥ 0.
        var z = x / Math.Sqrt(2);
        return x < 0 ? 0.5 * RegularizedGammaQ(0.5, z * z) : 1 - (0.5 * RegularizedGammaQ(0.5, z * z));
    }

    /// <summary>The upper tail of the standard normal, 1 - Φ(x), accurate in the far tail.</summary>
    public static double NormalUpperTail(double x) => NormalCdf(-x);

    /// <summary>The standard normal density.</summary>
    public static double NormalDensity(double x) => Math.Exp((-0.5 * x * x) - HalfLogTwoPi);

    /// <summary>The standard normal quantile Φ⁻¹(p).</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        const double pLow = 0.02425;
        double x;
        if (p < pLow)
        {
            x = AcklamTail(Math.Sqrt(-2 * Math.Log(p)));
        }
        else if (p <= 1 - pLow)
        {
            var q = p - 0.5;
            var r = q * q;
            var num = (((((AcklamA[0] * r) + AcklamA[1]) * r + AcklamA[2]) * r + AcklamA[3]) * r + AcklamA[4]) * r + AcklamA[5];
            var den = (((((AcklamB[0] * r) + AcklamB[1]) * r + AcklamB[2]) * r + AcklamB[3]) * r + AcklamB[4]) * r + 1;
            x = num * q / den;
        }
        else
        {
            x = -AcklamTail(Math.Sqrt(-2 * Math.Log(1 - p)));
        }

        // Two Halley steps against the accurate CDF bring the error to about one unit in the last place.
        for (var i = 0; i < 2; i++)
        {
            var e = x < 0 ? NormalCdf(x) - p : (1 - p) - NormalUpperTail(x);
            var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
            x -= u / (1 + (x * u / 2));
        }

        return x;
    }

    private static readonly double[] AcklamA =
    [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00,
    ];

    private static readonly double[] AcklamB =
    [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01,
    ];

    private static readonly double[] AcklamC =
    [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00,
    ];

    private static readonly double[] AcklamD =
    [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    ];

    private static double AcklamTail(double q)
    {
        var num = (((((AcklamC[0] * q) + AcklamC[1]) * q + AcklamC[2]) * q + AcklamC[3]) * q + AcklamC[4]) * q + AcklamC[5];
        var den = ((((AcklamD[0] * q) + AcklamD[1]) * q + AcklamD[2]) * q + AcklamD[3]) * q + 1;
        return num / den;
    }

    /// <summary>The CDF of Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTCdf(double t, double df)
    {
        var tail = 0.5 * RegularizedBeta(df / (df + (t * t)), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The quantile of Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        if (p == 0.5)
        {
            return 0;
        }

        var q = Math.Min(p, 1 - p);

        // x = df/(df+t²) has I_x(df/2, 1/2) = 2q; 1 - x = t²/(df+t²) has I_{1-x}(1/2, df/2) = 1 - 2q.
        double t;
        if (2 * q < 0.5)
        {
            var x = BetaQuantile(2 * q, df / 2, 0.5);
            t = Math.Sqrt(df * (1 - x) / x);
        }
        else
        {
            var y = BetaQuantile(1 - (2 * q), 0.5, df / 2);
            t = Math.Sqrt(df * y / (1 - y));
        }

        return p < 0.5 ? -t : t;
    }

    /// <summary>The CDF of the F distribution with (<paramref name="df1"/>, <paramref name="df2"/>) degrees of freedom.</summary>
    public static double FCdf(double f, double df1, double df2) =>
        f <= 0 ? 0 : RegularizedBeta(df1 * f / ((df1 * f) + df2), df1 / 2, df2 / 2);

    /// <summary>The upper tail 1 - CDF of the F distribution, accurate for small p-values.</summary>
    public static double FUpperTail(double f, double df1, double df2) =>
        f <= 0 ? 1 : RegularizedBeta(df2 / ((df1 * f) + df2), df2 / 2, df1 / 2);

    /// <summary>The quantile of the F distribution.</summary>
    public static double FQuantile(double p, double df1, double df2)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        if (p <= 0.5)
        {
            var y = BetaQuantile(p, df1 / 2, df2 / 2);
            return df2 * y / (df1 * (1 - y));
        }

        var z = BetaQuantile(1 - p, df2 / 2, df1 / 2);
        return df2 * (1 - z) / (df1 * z);
    }

    /// <summary>The CDF of the chi-square distribution with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareCdf(double x, double df) => RegularizedGammaP(df / 2, x / 2);

    /// <summary>The upper tail of the chi-square distribution.</summary>
    public static double ChiSquareUpperTail(double x, double df) => RegularizedGammaQ(df / 2, x / 2);

    /// <summary>The quantile of the chi-square distribution.</summary>
    public static double ChiSquareQuantile(double p, double df) => 2 * GammaQuantile(p, df / 2);

    /// <summary>The quantile of the gamma distribution with shape <paramref name="a"/> and scale 1.</summary>
    public static double GammaQuantile(double p, double a)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        var hi = Math.Max(1, a);
        while (RegularizedGammaP(a, hi) < p)
        {
            hi *= 2;
        }

        return Invert(p, Math.Max(a, hi / 2), 0, hi, new GammaShape(a));
    }

    /// <summary>P(X ≤ k) for X ~ Poisson(λ).</summary>
    public static double PoissonCdf(long k, double lambda) => k < 0 ? 0 : RegularizedGammaQ(k + 1, lambda);

    /// <summary>A distribution to invert: its CDF and density (a struct, so inverting allocates nothing).</summary>
    private interface IContinuous
    {
        double Cdf(double x);

        double Density(double x);
    }

    private readonly struct BetaShape(double a, double b) : IContinuous
    {
        public double Cdf(double x) => RegularizedBeta(x, a, b);

        public double Density(double x) => BetaDensity(x, a, b);
    }

    private readonly struct GammaShape(double a) : IContinuous
    {
        public double Cdf(double x) => RegularizedGammaP(a, x);

        public double Density(double x) => Math.Exp(((a - 1) * Math.Log(x)) - x - LogGamma(a));
    }

    /// <summary>Solves cdf(x) = p for x in [lo, hi] by Newton steps kept inside a shrinking bisection bracket.</summary>
    private static double Invert<T>(double p, double x, double lo, double hi, T distribution)
        where T : struct, IContinuous
    {
        if (!(x > lo && x < hi))
        {
            x = 0.5 * (lo + hi);
        }

        for (var i = 0; i < 400; i++)
        {
            var f = distribution.Cdf(x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var dens = distribution.Density(x);
            var next = dens > 0 ? x - (f / dens) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 2e-16 * Math.Abs(x) || hi - lo <= 2e-16 * Math.Abs(hi))
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
