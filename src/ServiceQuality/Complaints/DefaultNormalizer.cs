using ServiceQuality.Normalization;

namespace ServiceQuality.Complaints;

/// <summary>One normalizer for every lifecycle and service that is not given one: it is thread-safe, and each normalizing thread keeps its own working memory.</summary>
internal static class DefaultNormalizer
{
    public static readonly ComplaintNormalizer Instance = new();
}
