using Microsoft.Extensions.Hosting;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// A hosted service that sweeps when the host starts and then every interval, on the registered
/// <see cref="TimeProvider"/>; it remembers when it started and when its last sweep completed (for its health check).
/// A sweep that throws is reported by <see cref="SweepFailed"/> and the next one runs as planned.
/// </summary>
internal abstract class SweepingService(TimeProvider timeProvider) : BackgroundService
{
    private long _sweeps;
    private long _started;

    /// <summary>Gets the time provider.</summary>
    protected TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Gets when the service started, or <see langword="null"/> before.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Gets when the last sweep completed, or <see langword="null"/> before the first.</summary>
    public DateTimeOffset? LastSweepAt { get; private set; }

    /// <summary>Gets the number of sweeps completed (successful or not).</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    /// <summary>Gets the number of sweeps started; more than <see cref="Sweeps"/> while one runs.</summary>
    public long SweepsStarted => Interlocked.Read(ref _started);

    /// <summary>Gets the interval between sweeps (read when the service starts).</summary>
    public TimeSpan Interval { get; private set; }

    protected abstract TimeSpan ReadInterval();

    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    protected abstract void SweepFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        Interval = ReadInterval();
        StartedAt = TimeProvider.GetUtcNow();
        using var timer = new PeriodicTimer(Interval, TimeProvider);
        do
        {
            Interlocked.Increment(ref _started);
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
                LastSweepAt = TimeProvider.GetUtcNow();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                SweepFailed(ex);
            }

            Interlocked.Increment(ref _sweeps);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
