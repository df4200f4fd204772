using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Normalization;

/// <summary>Shared helpers of the normalization tests.</summary>
internal static class NormalizationAssert
{
    public static ComplaintNormalizer Normalizer { get; } = new();

    /// <summary>The facts without their positions: what must not change under a tone edit.</summary>
    public static string[] FactValues(NormalizedComplaint record) => [.. record.Facts.Select(f => $"{f.Kind}:{f.Value}")];

    public static string[] AreaNames(NormalizedComplaint record) => [.. record.Areas.Select(a => a.Area)];

    /// <summary>Everything tone invariance and idempotence compare, as one string (readable in a failure message): the areas ranked, with their weights.</summary>
    public static string Signature(NormalizedComplaint record) =>
        $"{record.CanonicalText}\n{string.Join('|', FactValues(record))}\n"
        + $"{string.Join('|', record.RankedAreas.Select(a => FormattableString.Invariant($"{a.Area}@{a.Weight}=") + string.Join(',', a.Evidence)))}\n"
        + $"{record.Impact} {record.IncidentKey} {record.Fingerprint}";

    /// <summary>True when the string has no lone surrogate.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWellFormed(NormalizedComplaint record) =>
        IsWellFormed(record.CanonicalText) && record.Facts.All(f => IsWellFormed(f.Value))
        && record.Areas.All(a => a.Evidence.All(IsWellFormed));

    /// <summary>Finds ../shared/data/cfpb_complaints_sample.csv from the repository, or returns null.</summary>
    public static string? FindCfpbSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "cfpb_complaints_sample.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Gets whether the tests run in CI (<c>CI=true</c>), where missing data is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the CFPB sample, or fails the test saying where it was looked for (see <see cref="CfpbFactAttribute"/>).</summary>
    public static string RequireCfpbSample() => FindCfpbSample()
        ?? throw new Xunit.Sdk.XunitException("The CFPB sample shared/data/cfpb_complaints_sample.csv was not found above " + AppContext.BaseDirectory
            + (IsCi ? "; CI=true, so a test that needs it fails." : "."));
}
