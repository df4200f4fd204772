namespace ServiceQuality.Sla;

/// <summary>The state of one SLA clock at the instant it is evaluated.</summary>
public enum SlaStatus
{
    /// <summary>The clock is running and less than the at-risk threshold of its target is consumed.</summary>
    Running = 0,

    /// <summary>The clock is paused and has not breached.</summary>
    Paused = 1,

    /// <summary>The clock reached its goal (acknowledged, updated, resolved) within its target.</summary>
    Met = 2,

    /// <summary>The clock is running and at least the at-risk threshold of its target is consumed, but it has not breached.</summary>
    AtRisk = 3,

    /// <summary>The business time elapsed exceeded the target (the clock may be running, paused or ended).</summary>
    Breached = 4,

    /// <summary>The clock ended within its target but without reaching its goal (e.g. the complaint was withdrawn): never counted as met.</summary>
    Stopped = 5,
}

/// <summary>How much of a clock's target is consumed, against the policy's two thresholds.</summary>
public enum SlaRiskLevel
{
    /// <summary>Less than <see cref="SlaPolicy.AtRiskThreshold"/> consumed.</summary>
    None = 0,

    /// <summary>At least <see cref="SlaPolicy.AtRiskThreshold"/> consumed.</summary>
    Elevated = 1,

    /// <summary>At least <see cref="SlaPolicy.HighRiskThreshold"/> consumed (or breached).</summary>
    High = 2,
}

/// <summary>The clocks of a service-level agreement; each value indexes <see cref="SlaEvaluation.Clocks"/>.</summary>
public enum SlaClockKind
{
    /// <summary>From receipt to acknowledgement.</summary>
    Acknowledge = 0,

    /// <summary>From the last client-visible update to the next one (the "black hole" clock); each update starts a new cycle.</summary>
    Update = 1,

    /// <summary>From receipt to resolution (continuing after a reopen).</summary>
    Resolve = 2,
}

/// <summary>A set of clocks (e.g. the clocks a pause reason stops), one flag a <see cref="SlaClockKind"/>. Configuration binds it from a name list such as <c>"Update, Resolve"</c>.</summary>
[Flags]
public enum SlaClocks
{
    /// <summary>No clock.</summary>
    None = 0,

    /// <summary>The <see cref="SlaClockKind.Acknowledge"/> clock.</summary>
    Acknowledge = 1 << (int)SlaClockKind.Acknowledge,

    /// <summary>The <see cref="SlaClockKind.Update"/> clock.</summary>
    Update = 1 << (int)SlaClockKind.Update,

    /// <summary>The <see cref="SlaClockKind.Resolve"/> clock.</summary>
    Resolve = 1 << (int)SlaClockKind.Resolve,

    /// <summary>Every clock.</summary>
    All = Acknowledge | Update | Resolve,
}
