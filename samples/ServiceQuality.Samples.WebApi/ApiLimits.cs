namespace ServiceQuality.Samples.WebApi;

/// <summary>The limits of the API's input.</summary>
internal static class ApiLimits
{
    /// <summary>The largest request body: 1 MB.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;
}

/// <summary>How many requests a caller may make (section <c>RateLimiting</c>): a token bucket per API key holder.</summary>
public sealed class RateLimits
{
    public const string SectionName = "RateLimiting";

    /// <summary>Gets or sets the requests a caller may make each second, on average.</summary>
    /// <value>50. Valid: 1 to 1,000,000.</value>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Gets or sets the requests a caller may make at once, after a quiet spell.</summary>
    /// <value>100. Valid: from <see cref="PermitsPerSecond"/> to 1,000,000.</value>
    public int Burst { get; set; } = 100;

    public void Validate()
    {
        if (PermitsPerSecond is < 1 or > 1_000_000 || Burst < PermitsPerSecond || Burst > 1_000_000)
        {
            throw new InvalidOperationException(
                $"RateLimiting:PermitsPerSecond is {PermitsPerSecond} and RateLimiting:Burst is {Burst}; valid: PermitsPerSecond 1 to 1000000, Burst from PermitsPerSecond to 1000000.");
        }
    }
}
