using System.Globalization;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>How the runtime's metrics are produced (section <c>ServiceQuality:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// Gets or sets how old the counts behind the <c>servicequality.complaints.open</c> gauge may be: when the gauge is
    /// observed with older counts, they are recounted from the store in the background (one query of the open
    /// complaints' summaries), and the gauge reports the older counts meanwhile.
    /// </summary>
    /// <value>1 minute. Valid: 1 second to 1 hour.</value>
    public TimeSpan BacklogRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lists every invalid setting.</summary>
    /// <param name="path">The configuration path of these options, for the messages.</param>
    /// <returns>The problems; empty when valid.</returns>
    internal IEnumerable<string> GetProblems(string path)
    {
        if (BacklogRefreshInterval < TimeSpan.FromSeconds(1) || BacklogRefreshInterval > TimeSpan.FromHours(1))
        {
            yield return $"{path}:{nameof(BacklogRefreshInterval)} is {BacklogRefreshInterval.ToString("c", CultureInfo.InvariantCulture)}; valid: 00:00:01 to 01:00:00.";
        }
    }
}
