using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Feeds the <c>servicequality.complaints.open</c> gauge of one registration: open complaints by <c>state</c> and
/// <c>priority</c> (every open leaf state with every priority, zeros included, so a series falls to zero rather than
/// stopping), counted from the store, so the counts are right with many hosts on one store and across restarts. The
/// gauge's callback only reads the last counts; when they are older than
/// <see cref="MetricsOptions.BacklogRefreshInterval"/> it starts one recount in the background: one query of the
/// store's summaries of the open complaints (state and priority are in the summary; no complaint is read).
/// Runs while the host runs (an <see cref="IHostedService"/>).
/// </summary>
internal sealed class OpenBacklog(
    Func<ComplaintService> serviceFactory, ServiceQualityInstrumentation instrumentation, TimeProvider timeProvider, Func<TimeSpan> refreshInterval, ILogger<OpenBacklog> logger)
    : IHostedService, IDisposable
{
    private static readonly ComplaintState[] OpenStates =
        [.. Enum.GetValues<ComplaintState>().Where(s => s is not (ComplaintState.Open or ComplaintState.Engaged) && Summary(s).IsIn(ComplaintState.Open))];

    private readonly Lock _gate = new();
    private Measurement<long>[] _counts = [];
    private DateTimeOffset? _countedAt;
    private Task _refresh = Task.CompletedTask;
    private IDisposable? _source;
    private CancellationTokenSource? _stopping;
    private TimeSpan _interval;
    private ComplaintService? _service;

    /// <summary>Gets the recount in progress, or the last one.</summary>
    public Task LastRefresh
    {
        get
        {
            lock (_gate)
            {
                return _refresh;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Read at start, after the options were validated (not when the host resolves its hosted services).
        _interval = refreshInterval();
        _service = serviceFactory();
        _stopping = new CancellationTokenSource();
        _source = instrumentation.AddOpenBacklogSource(Observe);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _source?.Dispose();
        _source = null;
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }

        await LastRefresh.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _source?.Dispose();
        _stopping?.Dispose();
    }

    /// <summary>Counts the open complaints from the store now.</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>A task that completes when the new counts are published.</returns>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var service = _service ??= serviceFactory();
        var startedAt = timeProvider.GetUtcNow();
        var counts = new long[OpenStates.Length, Enum.GetValues<Priority>().Length];
        await foreach (var info in service.Store.GetByStateAsync(ComplaintState.Open, cancellationToken).ConfigureAwait(false))
        {
            int state = Array.IndexOf(OpenStates, info.State);
            if (state >= 0 && (int)info.Priority < counts.GetLength(1))
            {
                counts[state, (int)info.Priority]++;
            }
        }

        var measurements = new List<Measurement<long>>(counts.Length);
        for (int s = 0; s < OpenStates.Length; s++)
        {
            foreach (var priority in Enum.GetValues<Priority>())
            {
                var tags = new TagList { { "state", OpenStates[s].ToString() }, { "priority", priority.ToString() } };
                measurements.Add(new Measurement<long>(counts[s, (int)priority], in tags));
            }
        }

        lock (_gate)
        {
            _counts = [.. measurements];
            _countedAt = startedAt;
        }
    }

    private static ComplaintStreamInfo Summary(ComplaintState state) => new()
    {
        ComplaintId = string.Empty, ClientId = string.Empty, State = state, Version = 0, ReceivedAt = default, LastEventAt = default, Priority = default,
    };

    private IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            bool stale = _countedAt is not { } at || timeProvider.GetUtcNow() - at >= _interval;
            if (stale && _refresh.IsCompleted && _stopping is { IsCancellationRequested: false } stopping)
            {
                _refresh = RefreshLoggedAsync(stopping.Token);
            }

            return _counts;
        }
    }

    private async Task RefreshLoggedAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.BacklogRefreshFailed(logger, ex, _countedAt);
        }
    }
}
