namespace ServiceQuality;

/// <summary>
/// The seven things clients want from an IT service organisation (the source documents): the classification target
/// of normalization, the rating dimensions of surveys and the axes of the importance-performance analysis and of the
/// Service Quality Index.
/// </summary>
public enum ClientWant
{
    /// <summary>Focus on the client's priorities, not on IT's own.</summary>
    FocusOnPriorities = 0,

    /// <summary>Anticipate needs before the client has to ask.</summary>
    AnticipateNeeds = 1,

    /// <summary>Be responsive: acknowledge and act quickly.</summary>
    Responsiveness = 2,

    /// <summary>Communicate: keep the client informed, no "black hole".</summary>
    Communication = 3,

    /// <summary>Uptime and availability of the systems the client relies on.</summary>
    Availability = 4,

    /// <summary>Cost effectiveness of the service.</summary>
    CostEffectiveness = 5,

    /// <summary>Fix it right the first time.</summary>
    FirstTimeFix = 6,
}
