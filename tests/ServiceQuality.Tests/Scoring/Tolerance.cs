using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring;

/// <summary>Comparisons of floating-point results within a tolerance, for the laws that hold up to rounding.</summary>
internal static class Tolerance
{
    /// <summary>Whether two results agree: the same counts and undefined statistics, values within a relative <paramref name="tolerance"/>.</summary>
    internal static bool Same(MeanResult a, MeanResult b, double tolerance = 1e-12) =>
        a.SampleSize == b.SampleSize && a.Undefined == b.Undefined && Close(a.Estimate, b.Estimate, tolerance) && Close(a.Variance, b.Variance, tolerance)
        && Close(a.EffectiveSampleSize, b.EffectiveSampleSize, tolerance);

    /// <summary>|a - b| ≤ tolerance·max(1, |a|, |b|): relative for large values, absolute below 1; both null counts as equal.</summary>
    internal static bool Close(double? a, double? b, double tolerance) =>
        (a, b) is (null, null) || (a is { } x && b is { } y && Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))));

    /// <summary>|a - b| ≤ tolerance·max(|a|, |b|); both null counts as equal.</summary>
    internal static bool CloseRelative(double? a, double? b, double tolerance) =>
        (a, b) is (null, null) || (a is { } x && b is { } y && Math.Abs(x - y) <= tolerance * Math.Max(Math.Abs(x), Math.Abs(y)));
}
