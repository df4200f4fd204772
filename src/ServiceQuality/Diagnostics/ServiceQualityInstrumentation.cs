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
    private readonly InstrumentSet _shared;
    private readonly KeyValuePair<string, object?>? _tenant;

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
        var meter = meterFactory?.Create(new MeterOptions(MeterName) { Version = version }) ?? new Meter(MeterName, version);
        _shared = new InstrumentSet(meter, new ActivitySource(ActivitySourceName, version));
        Meter = meter;
        ActivitySource = _shared.ActivitySource;
        NormalizationDuration = meter.CreateHistogram(
            ServiceQualityMetricNames.NormalizationDuration, "s", "Time to normalize one complaint text.", tags: null, Advice(NormalizationBuckets));
        (ComplaintsReceived, CommandsAccepted, CommandsRefused, SlaAtRisk, SlaBreached, TimeToAcknowledge, TimeToResolve, TimeToAcknowledgeBusiness, TimeToResolveBusiness) =
            Wrap(_shared, null);
    }

    private ServiceQualityInstrumentation(ServiceQualityInstrumentation shared, string tenant)
    {
        _shared = shared._shared;
        _tenant = new KeyValuePair<string, object?>(TenantTag, tenant);
        Tenant = tenant;
        Meter = shared.Meter;
        ActivitySource = shared.ActivitySource;
        NormalizationDuration = shared.NormalizationDuration;
        (ComplaintsReceived, CommandsAccepted, CommandsRefused, SlaAtRisk, SlaBreached, TimeToAcknowledge, TimeToResolve, TimeToAcknowledgeBusiness, TimeToResolveBusiness) =
            Wrap(_shared, _tenant);
    }

    /// <summary>The name of the meter.</summary>
    public const string MeterName = "ServiceQuality";

    /// <summary>The name of the activity source.</summary>
    public const string ActivitySourceName = "ServiceQuality";

    /// <summary>The tag a keyed tenant's measurements carry, with the tenant's key as its value: <c>servicequality.tenant</c>.</summary>
    public const string TenantTag = "servicequality.tenant";

    /// <summary>Gets an instance for code that runs without a host (created on first use, never disposed).</summary>
    public static ServiceQualityInstrumentation Shared => SharedHolder.Instance;

    /// <summary>
    /// Gets the bucket boundaries advised for times to acknowledge and to resolve, in seconds: 1, 5, 15 and 30 minutes,
    /// 1, 2, 4 and 8 hours, 1, 2 and 4 days, 1, 2 and 4 weeks (the defaults, made for request latencies in
    /// milliseconds, would put every complaint in the last bucket).
    /// </summary>
    public static IReadOnlyList<double> DurationBuckets { get; } =
        [60, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400, 172_800, 345_600, 604_800, 1_209_600, 2_419_200];

    /// <summary>
    /// Gets the bucket boundaries advised for normalization durations, in seconds: 1, 2.5, 5, 10, 25, 50, 100, 250 and
    /// 500 microseconds, then 1, 2.5, 5, 10, 25 and 50 milliseconds (a complaint normalizes in tens of microseconds).
    /// </summary>
    public static IReadOnlyList<double> NormalizationBuckets { get; } =
        [1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 2.5e-2, 5e-2];

    /// <summary>Gets the tenant whose measurements these instruments tag, or <see langword="null"/> for the default registration.</summary>
    public string? Tenant { get; }

    /// <summary>Gets the meter.</summary>
    public Meter Meter { get; }

    /// <summary>Gets the activity source (store operations and normalization).</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Gets the counter of complaints received (tags: <c>channel</c>, <c>priority</c>).</summary>
    public ServiceQualityCounter<long> ComplaintsReceived { get; }

    /// <summary>Gets the counter of accepted commands (tag: <c>command</c>).</summary>
    public ServiceQualityCounter<long> CommandsAccepted { get; }

    /// <summary>Gets the counter of refused commands (tags: <c>command</c>, <c>state</c>).</summary>
    public ServiceQualityCounter<long> CommandsRefused { get; }

    /// <summary>Gets the counter of SLA clocks that became at risk (tag: <c>clock</c>).</summary>
    public ServiceQualityCounter<long> SlaAtRisk { get; }

    /// <summary>Gets the counter of SLA clocks that breached (tag: <c>clock</c>).</summary>
    public ServiceQualityCounter<long> SlaBreached { get; }

    /// <summary>Gets the histogram of normalization durations, in seconds (no tenant tag: normalizing does not depend on the tenant), with <see cref="NormalizationBuckets"/> advised.</summary>
    public Histogram<double> NormalizationDuration { get; }

    /// <summary>Gets the histogram of wall times to acknowledge, in seconds, with <see cref="DurationBuckets"/> advised.</summary>
    public ServiceQualityHistogram<double> TimeToAcknowledge { get; }

    /// <summary>Gets the histogram of wall times to resolve, in seconds, with <see cref="DurationBuckets"/> advised.</summary>
    public ServiceQualityHistogram<double> TimeToResolve { get; }

    /// <summary>Gets the histogram of business times to acknowledge (the acknowledge clock's elapsed time: the calendar's working hours only, paused time excluded), in seconds.</summary>
    public ServiceQualityHistogram<double> TimeToAcknowledgeBusiness { get; }

    /// <summary>Gets the histogram of business times to resolve (the resolve clock's elapsed time), in seconds.</summary>
    public ServiceQualityHistogram<double> TimeToResolveBusiness { get; }

    /// <summary>
    /// Gets the instruments of one keyed tenant: the same meter, instruments and activity source, every measurement
    /// tagged <see cref="TenantTag"/> = <paramref name="tenant"/>. Disposing the result disposes nothing shared.
    /// </summary>
    /// <param name="tenant">The tenant's key.</param>
    /// <returns>The tenant's instruments.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is null, empty or white space.</exception>
    public ServiceQualityInstrumentation ForTenant(string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return new ServiceQualityInstrumentation(this, tenant);
    }

    /// <summary>
    /// Adds a source of the <c>servicequality.complaints.open</c> gauge (open complaints, by <c>state</c> and
    /// <c>priority</c>): called each time the gauge is observed, it returns the current counts, to which this
    /// instance's tenant tag is added. The source must be cheap (counts kept up to date elsewhere, not a query).
    /// </summary>
    /// <param name="observe">Returns the counts, each with its tags.</param>
    /// <returns>Removes the source when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observe"/> is <see langword="null"/>.</exception>
    public IDisposable AddOpenBacklogSource(Func<IEnumerable<Measurement<long>>> observe)
    {
        ArgumentNullException.ThrowIfNull(observe);
        var tenant = _tenant;
        Func<IEnumerable<Measurement<long>>> source = tenant is not { } t ? observe : () => observe().Select(m => WithTenant(m, t));
        return _shared.AddBacklogSource(source);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_tenant is not null)
        {
            return;
        }

        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    private static InstrumentAdvice<double> Advice(IReadOnlyList<double> buckets) => new() { HistogramBucketBoundaries = buckets };

    private static Measurement<long> WithTenant(Measurement<long> measurement, KeyValuePair<string, object?> tenant)
    {
        var tags = new TagList(measurement.Tags) { tenant };
        return new Measurement<long>(measurement.Value, in tags);
    }

    private static (ServiceQualityCounter<long>, ServiceQualityCounter<long>, ServiceQualityCounter<long>, ServiceQualityCounter<long>, ServiceQualityCounter<long>,
        ServiceQualityHistogram<double>, ServiceQualityHistogram<double>, ServiceQualityHistogram<double>, ServiceQualityHistogram<double>) Wrap(InstrumentSet s, KeyValuePair<string, object?>? tenant) =>
        (new(s.ComplaintsReceived, tenant), new(s.CommandsAccepted, tenant), new(s.CommandsRefused, tenant), new(s.SlaAtRisk, tenant), new(s.SlaBreached, tenant),
         new(s.TimeToAcknowledge, tenant), new(s.TimeToResolve, tenant), new(s.TimeToAcknowledgeBusiness, tenant), new(s.TimeToResolveBusiness, tenant));

    /// <summary>What the default registration and every tenant share: the instruments and the gauge's sources.</summary>
    private sealed class InstrumentSet
    {
        private readonly Lock _gate = new();
        private List<Func<IEnumerable<Measurement<long>>>> _backlogSources = [];

        public InstrumentSet(Meter meter, ActivitySource activitySource)
        {
            ActivitySource = activitySource;
            ComplaintsReceived = meter.CreateCounter<long>(ServiceQualityMetricNames.ComplaintsReceived, "{complaint}", "Complaints received, by channel and priority.");
            CommandsAccepted = meter.CreateCounter<long>(ServiceQualityMetricNames.CommandsAccepted, "{command}", "Complaint commands accepted, by command.");
            CommandsRefused = meter.CreateCounter<long>(ServiceQualityMetricNames.CommandsRefused, "{command}", "Complaint commands refused by the workflow, by command and state.");
            SlaAtRisk = meter.CreateCounter<long>(ServiceQualityMetricNames.SlaAtRisk, "{clock}", "SLA clocks that became at risk, by clock.");
            SlaBreached = meter.CreateCounter<long>(ServiceQualityMetricNames.SlaBreached, "{clock}", "SLA clocks that breached, by clock.");
            var durations = Advice(DurationBuckets);
            TimeToAcknowledge = meter.CreateHistogram(ServiceQualityMetricNames.TimeToAcknowledge, "s", "Wall time from a complaint's receipt to its acknowledgement.", null, durations);
            TimeToResolve = meter.CreateHistogram(ServiceQualityMetricNames.TimeToResolve, "s", "Wall time from a complaint's receipt to its resolution.", null, durations);
            TimeToAcknowledgeBusiness = meter.CreateHistogram(
                ServiceQualityMetricNames.TimeToAcknowledgeBusiness, "s", "Business time (working hours, pauses excluded) from a complaint's receipt to its acknowledgement.", null, durations);
            TimeToResolveBusiness = meter.CreateHistogram(
                ServiceQualityMetricNames.TimeToResolveBusiness, "s", "Business time (working hours, pauses excluded) from a complaint's receipt to its resolution.", null, durations);
            meter.CreateObservableGauge(ServiceQualityMetricNames.OpenComplaints, ObserveBacklog, "{complaint}", "Open complaints, by state and priority.");
        }

        public ActivitySource ActivitySource { get; }

        public Counter<long> ComplaintsReceived { get; }

        public Counter<long> CommandsAccepted { get; }

        public Counter<long> CommandsRefused { get; }

        public Counter<long> SlaAtRisk { get; }

        public Counter<long> SlaBreached { get; }

        public Histogram<double> TimeToAcknowledge { get; }

        public Histogram<double> TimeToResolve { get; }

        public Histogram<double> TimeToAcknowledgeBusiness { get; }

        public Histogram<double> TimeToResolveBusiness { get; }

        public IDisposable AddBacklogSource(Func<IEnumerable<Measurement<long>>> source)
        {
            lock (_gate)
            {
                _backlogSources = [.. _backlogSources, source];
            }

            return new Removal(this, source);
        }

        private IEnumerable<Measurement<long>> ObserveBacklog()
        {
            var sources = Volatile.Read(ref _backlogSources);
            return sources.Count switch
            {
                0 => [],
                1 => sources[0](),
                _ => sources.SelectMany(static s => s()),
            };
        }

        private void Remove(Func<IEnumerable<Measurement<long>>> source)
        {
            lock (_gate)
            {
                _backlogSources = [.. _backlogSources.Where(s => !ReferenceEquals(s, source))];
            }
        }

        private sealed class Removal(InstrumentSet shared, Func<IEnumerable<Measurement<long>>> source) : IDisposable
        {
            public void Dispose() => shared.Remove(source);
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

    /// <summary><c>servicequality.complaints.time_to_acknowledge.business</c>: histogram of business times to acknowledge in seconds.</summary>
    public const string TimeToAcknowledgeBusiness = "servicequality.complaints.time_to_acknowledge.business";

    /// <summary><c>servicequality.complaints.time_to_resolve.business</c>: histogram of business times to resolve in seconds.</summary>
    public const string TimeToResolveBusiness = "servicequality.complaints.time_to_resolve.business";

    /// <summary><c>servicequality.complaints.open</c>: gauge of open complaints by state and priority.</summary>
    public const string OpenComplaints = "servicequality.complaints.open";
}
