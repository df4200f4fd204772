namespace ServiceQuality;

/// <summary>How urgent a complaint is; each priority has its own <see cref="Sla.SlaPolicy"/> in <see cref="Sla.SlaPolicies"/>.</summary>
public enum Priority
{
    /// <summary>Low urgency: the longest targets.</summary>
    Low = 0,

    /// <summary>Normal urgency: the default.</summary>
    Normal = 1,

    /// <summary>High urgency.</summary>
    High = 2,

    /// <summary>Critical: the shortest targets.</summary>
    Critical = 3,
}
