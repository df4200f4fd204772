using System.Collections.Concurrent;
using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>A clock of an open complaint that is at risk or breached, as found by <see cref="SlaMonitor.CheckAsync"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="ClientId">Its client.</param>
/// <param name="Clock">The clock.</param>
/// <param name="Status">At risk or breached.</param>
/// <param name="BreachAt">When it breached, or will breach if nothing happens (<see langword="null"/> while paused).</param>
/// <param name="IsNew">Whether the clock reached this status since the previous check (only new alerts are counted in the metrics).</param>
public readonly record struct SlaAlert(string ComplaintId, string ClientId, SlaClockKind Clock, SlaStatus Status, DateTimeOffset? BreachAt, bool IsNew);

/// <summary>
/// Watches the SLA clocks of open complaints. SLA status is a pure function of a history and an instant, so a clock
/// goes at risk or breaches as time passes, with no event: a host calls <see cref="CheckAsync"/> on a timer (or on
/// demand), gets every at-risk or breached clock, and each change of status is counted once on the
/// <c>servicequality.sla.at_risk</c> and <c>servicequality.sla.breached</c> counters.
/// </summary>
/// <remarks>Thread-safe; concurrent checks may both report a change as new, so call it from one timer.</remarks>
public sealed class SlaMonitor
{
    private readonly ComplaintService _service;
    private readonly TimeProvider _timeProvider;
    private readonly ServiceQualityInstrumentation _instrumentation;
    private readonly ConcurrentDictionary<(string ComplaintId, SlaClockKind Clock), SlaStatus> _lastStatus = new();

    /// <summary>Creates a monitor.</summary>
    /// <param name="service">The complaints to watch (its store and lifecycle).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="instrumentation">Where status changes are counted.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SlaMonitor(ComplaintService service, TimeProvider timeProvider, ServiceQualityInstrumentation instrumentation)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(instrumentation);
        _service = service;
        _timeProvider = timeProvider;
        _instrumentation = instrumentation;
    }

    /// <summary>Evaluates every open complaint now and returns the clocks at risk or breached.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The alerts, ordered by complaint and clock.</returns>
    public async Task<IReadOnlyList<SlaAlert>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var alerts = new List<SlaAlert>();
        var seen = new HashSet<(string, SlaClockKind)>();
        await foreach (var info in _service.Store.GetByStateAsync(ComplaintState.Open, cancellationToken).ConfigureAwait(false))
        {
            var complaint = await _service.LoadAsync(info.ComplaintId, cancellationToken).ConfigureAwait(false);
            if (complaint is null)
            {
                continue;
            }

            var evaluation = complaint.EvaluateSla(now);
            foreach (var clock in (ReadOnlySpan<SlaClockStatus>)[evaluation.Acknowledge, evaluation.Update, evaluation.Resolve])
            {
                var key = (complaint.Id, clock.Clock);
                seen.Add(key);
                var previous = _lastStatus.TryGetValue(key, out var p) ? p : SlaStatus.Running;
                _lastStatus[key] = clock.Status;
                if (clock.Status is not (SlaStatus.AtRisk or SlaStatus.Breached))
                {
                    continue;
                }

                bool isNew = previous != clock.Status;
                if (isNew)
                {
                    var tag = new KeyValuePair<string, object?>("clock", clock.Clock.ToString());
                    (clock.Status == SlaStatus.Breached ? _instrumentation.SlaBreached : _instrumentation.SlaAtRisk).Add(1, tag);
                }

                alerts.Add(new SlaAlert(complaint.Id, info.ClientId, clock.Clock, clock.Status, clock.BreachAt, isNew));
            }
        }

        // Complaints that closed or were withdrawn since the last check are forgotten.
        foreach (var key in _lastStatus.Keys)
        {
            if (!seen.Contains(key))
            {
                _lastStatus.TryRemove(key, out _);
            }
        }

        alerts.Sort(static (a, b) => (string.CompareOrdinal(a.ComplaintId, b.ComplaintId), a.Clock.CompareTo(b.Clock)) switch
        {
            (0, var c) => c,
            (var c, _) => c,
        });
        return alerts;
    }
}
