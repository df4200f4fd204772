using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceQuality.Diagnostics;

/// <summary>
/// The SDK's instruments: one <see cref="System.Diagnostics.Metrics.Meter"/> named <see cref="MeterName"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/> named <see cref="ActivitySourceName"/>, so OpenTelemetry (or any
/// <see cref="MeterListener"/> / <see cref="ActivityListener"/>) picks them up with no dependency in the core.
/// </summary>
/// <remarks>
/// Hosts using dependency injection get one instance created through their <see cref="IMeterFactory"/>; code without a
/// host can use <see cref="Shared"/>. Instrument names follow the OpenTelemetry conventions (lower case, dot-separated)
/// and are listed in <see cref="ServiceQualityMetricNames"/>.
/// </remarks>
public sealed class ServiceQualityInstrumentation : IDisposable
{
    private readonly bool _ownsMeter;

    /// <summary>Creates the instruments on a new meter that this instance owns and disposes.</summary>
    public ServiceQualityInstrumentation()
        : this(null)
    {
    }

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (which owns it), or on a new meter when it is <see langword="null"/>.</summary>
    /// <param name="meterFactory">The host's meter factory, or <see langword="null"/>.</param>
    public ServiceQualityInstrumentation(IMeterFactory? meterFactory)
    {
        var version = typeof(ServiceQualityInstrumentation).Assembly.GetName().Version?.ToString();
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(new MeterOptions(MeterName) { Version = version }) ?? new Meter(MeterName, version);
        ActivitySource = new ActivitySource(ActivitySourceName, version);

        ComplaintsReceived = Meter.CreateCounter<long>(ServiceQualityMetricNames.ComplaintsReceived, "{complaint}", "Complaints received, by channel and priority.");
        CommandsAccepted = Meter.CreateCounter<long>(ServiceQualityMetricNames.CommandsAccepted, "{command}", "Complaint commands accepted, by command.");
        CommandsRefused = Meter.CreateCounter<long>(ServiceQualityMetricNames.CommandsRefused, "{command}", "Complaint commands refused by the workflow, by command and state.");
        SlaAtRisk = Meter.CreateCounter<long>(ServiceQualityMetricNames.SlaAtRisk, "{clock}", "SLA clocks that became at risk, by clock.");
        SlaBreached = Meter.CreateCounter<long>(ServiceQualityMetricNames.SlaBreached, "{clock}", "SLA clocks that breached, by clock.");
        NormalizationDuration = Meter.CreateHistogram<double>(ServiceQualityMetricNames.NormalizationDuration, "s", "Time to normalize one complaint text.");
        TimeToAcknowledge = Meter.CreateHistogram<double>(ServiceQualityMetricNames.TimeToAcknowledge, "s", "Wall time from a complaint's receipt to its acknowledgement.");
        TimeToResolve = Meter.CreateHistogram<double>(ServiceQualityMetricNames.TimeToResolve, "s", "Wall time from a complaint's receipt to its resolution.");
    }

    /// <summary>The name of the meter.</summary>
    public const string MeterName = "ServiceQuality";

    /// <summary>The name of the activity source.</summary>
    public const string ActivitySourceName = "ServiceQuality";

    /// <summary>Gets an instance for code that runs without a host (created on first use, never disposed).</summary>
    public static ServiceQualityInstrumentation Shared => SharedHolder.Instance;

    /// <summary>Gets the meter.</summary>
    public Meter Meter { get; }

    /// <summary>Gets the activity source (store operations and normalization).</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Gets the counter of complaints received (tags: <c>channel</c>, <c>priority</c>).</summary>
    public Counter<long> ComplaintsReceived { get; }

    /// <summary>Gets the counter of accepted commands (tag: <c>command</c>).</summary>
    public Counter<long> CommandsAccepted { get; }

    /// <summary>Gets the counter of refused commands (tags: <c>command</c>, <c>state</c>).</summary>
    public Counter<long> CommandsRefused { get; }

    /// <summary>Gets the counter of SLA clocks that became at risk (tag: <c>clock</c>).</summary>
    public Counter<long> SlaAtRisk { get; }

    /// <summary>Gets the counter of SLA clocks that breached (tag: <c>clock</c>).</summary>
    public Counter<long> SlaBreached { get; }

    /// <summary>Gets the histogram of normalization durations, in seconds.</summary>
    public Histogram<double> NormalizationDuration { get; }

    /// <summary>Gets the histogram of times to acknowledge, in seconds.</summary>
    public Histogram<double> TimeToAcknowledge { get; }

    /// <summary>Gets the histogram of times to resolve, in seconds.</summary>
    public Histogram<double> TimeToResolve { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    private static class SharedHolder
    {
        public static readonly ServiceQualityInstrumentation Instance = new();
    }
}

/// <summary>The names of the SDK's instruments on the <see cref="ServiceQualityInstrumentation.MeterName"/> meter.</summary>
public static class ServiceQualityMetricNames
{
    /// <summary><c>servicequality.complaints.received</c>: counter of complaints received.</summary>
    public const string ComplaintsReceived = "servicequality.complaints.received";

    /// <summary><c>servicequality.commands.accepted</c>: counter of complaint commands accepted.</summary>
    public const string CommandsAccepted = "servicequality.commands.accepted";

    /// <summary><c>servicequality.commands.refused</c>: counter of complaint commands refused.</summary>
    public const string CommandsRefused = "servicequality.commands.refused";

    /// <summary><c>servicequality.sla.at_risk</c>: counter of SLA clocks that became at risk.</summary>
    public const string SlaAtRisk = "servicequality.sla.at_risk";

    /// <summary><c>servicequality.sla.breached</c>: counter of SLA clocks that breached.</summary>
    public const string SlaBreached = "servicequality.sla.breached";

    /// <summary><c>servicequality.normalization.duration</c>: histogram of normalization durations in seconds.</summary>
    public const string NormalizationDuration = "servicequality.normalization.duration";

    /// <summary><c>servicequality.complaints.time_to_acknowledge</c>: histogram of times to acknowledge in seconds.</summary>
    public const string TimeToAcknowledge = "servicequality.complaints.time_to_acknowledge";

    /// <summary><c>servicequality.complaints.time_to_resolve</c>: histogram of times to resolve in seconds.</summary>
    public const string TimeToResolve = "servicequality.complaints.time_to_resolve";
}
