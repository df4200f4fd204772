namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>A clock the simulation moves by hand: every event's time comes from it, through the library's TimeProvider seam.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Set(DateTimeOffset instant) => Now = instant;

    public void Advance(TimeSpan by) => Now += by;
}
