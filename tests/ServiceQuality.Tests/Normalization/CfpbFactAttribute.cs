namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// A test that reads the CFPB sample (../shared/data/cfpb_complaints_sample.csv): skipped, with the reason shown, when
/// the file is missing on a developer's machine; run (and so failed, by <see cref="NormalizationAssert.RequireCfpbSample"/>)
/// when it is missing and <c>CI=true</c>, so that CI never passes without the data.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CfpbFactAttribute : FactAttribute
{
    public CfpbFactAttribute()
    {
        if (NormalizationAssert.FindCfpbSample() is null && !NormalizationAssert.IsCi)
        {
            Skip = "The CFPB sample (shared/data/cfpb_complaints_sample.csv above the repository) is missing; with CI=true this test fails instead.";
        }
    }
}
