namespace ServiceQuality.Sla;

/// <summary>The state of one SLA clock at the instant it is evaluated.</summary>
public enum SlaStatus
{
    /// <summary>The clock is running and less than the at-risk threshold of its target is consumed.</summary>
    Running = 0,

    /// <summary>The clock is paused and has not breached.</summary>
    Paused = 1,

    /// <summary>The clock stopped within its target.</summary>
    Met = 2,

    /// <summary>The clock is running and at least the at-risk threshold of its target is consumed, but it has not breached.</summary>
    AtRisk = 3,

    /// <summary>The business time elapsed exceeded the target (the clock may be running, paused or stopped).</summary>
    Breached = 4,
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

/// <summary>The three clocks of a service-level agreement.</summary>
public enum SlaClockKind
{
    /// <summary>From receipt to acknowledgement.</summary>
    Acknowledge = 0,

    /// <summary>From the last client-visible update to the next one (the "black hole" clock).</summary>
    Update = 1,

    /// <summary>From receipt to resolution (continuing after a reopen).</summary>
    Resolve = 2,
}
