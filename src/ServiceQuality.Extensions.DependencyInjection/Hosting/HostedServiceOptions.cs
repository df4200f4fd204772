using System.Globalization;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>How the hosted SLA monitor runs (<c>.AddSlaMonitor()</c>; section <c>ServiceQuality:SlaMonitor</c>).</summary>
public sealed class SlaMonitorOptions
{
    internal const string DefaultActor = "system";

    /// <summary>Gets or sets the time between two sweeps of what is due (the first runs when the host starts).</summary>
    /// <value>1 minute. Valid: 100 milliseconds to 1 day.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how far behind the monitor may fall (time since its last completed sweep) before its health check reports it unhealthy.</summary>
    /// <value>5 minutes. Valid: at least <see cref="Interval"/>, at most 7 days.</value>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the actor recorded on the SLA alert events (<c>SlaAlertRecorded</c>) the monitor appends.</summary>
    /// <value><c>system</c>. Valid: not blank.</value>
    public string Actor { get; set; } = DefaultActor;

    internal IEnumerable<string> GetProblems(string path)
    {
        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromDays(1))
        {
            yield return $"{path}:{nameof(Interval)} is {C(Interval)}; valid: 00:00:00.1 to 1.00:00:00.";
        }

        if (MaxLag < Interval || MaxLag > TimeSpan.FromDays(7))
        {
            yield return $"{path}:{nameof(MaxLag)} is {C(MaxLag)}; valid: from {path}:{nameof(Interval)} ({C(Interval)}) to 7.00:00:00.";
        }

        if (string.IsNullOrWhiteSpace(Actor))
        {
            yield return $"{path}:{nameof(Actor)} is blank; valid: who records the alerts, e.g. 'system'.";
        }
    }

    internal static string C(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}

/// <summary>How the hosted auto-close runs (<c>.AddAutoClose()</c>; section <c>ServiceQuality:AutoClose</c>).</summary>
public sealed class AutoCloseOptions
{
    /// <summary>Gets or sets the time between two sweeps of what is due (the first runs when the host starts).</summary>
    /// <value>15 minutes. Valid: 1 second to 1 day.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the actor recorded on the events of complaints it closes.</summary>
    /// <value><c>system</c>. Valid: not blank.</value>
    public string Actor { get; set; } = SlaMonitorOptions.DefaultActor;

    internal IEnumerable<string> GetProblems(string path)
    {
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromDays(1))
        {
            yield return $"{path}:{nameof(Interval)} is {SlaMonitorOptions.C(Interval)}; valid: 00:00:01 to 1.00:00:00.";
        }

        if (string.IsNullOrWhiteSpace(Actor))
        {
            yield return $"{path}:{nameof(Actor)} is blank; valid: who closes, e.g. 'system'.";
        }
    }
}
