using System.Globalization;

namespace ServiceQuality.Sla;

/// <summary>
/// The targets of one priority, in business time (measured on a <see cref="BusinessCalendar"/>): time to acknowledge,
/// the interval within which the client must get a client-visible update, and time to resolve; with the at-risk thresholds.
/// </summary>
public sealed class SlaPolicy
{
    /// <summary>The longest target accepted.</summary>
    internal static readonly TimeSpan MaxTarget = TimeSpan.FromDays(366);

    /// <summary>Gets or sets the business time allowed from receipt to acknowledgement.</summary>
    /// <value>4 hours. Valid: greater than zero, at most 366 days.</value>
    public TimeSpan TimeToAcknowledge { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Gets or sets the business time allowed between client-visible updates while the item is open.</summary>
    /// <value>1 day. Valid: greater than zero, at most 366 days.</value>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the business time allowed from receipt to resolution (paused time excluded).</summary>
    /// <value>3 days. Valid: greater than zero, at most 366 days.</value>
    public TimeSpan TimeToResolve { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Gets or sets the fraction of a target consumed at which a running clock is at risk.</summary>
    /// <value>0.5. Valid: greater than 0 and less than <see cref="HighRiskThreshold"/>.</value>
    public double AtRiskThreshold { get; set; } = 0.5;

    /// <summary>Gets or sets the fraction of a target consumed at which the risk is high.</summary>
    /// <value>0.75. Valid: greater than <see cref="AtRiskThreshold"/> and less than 1.</value>
    public double HighRiskThreshold { get; set; } = 0.75;

    /// <summary>Gets the target of one clock.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The target.</returns>
    public TimeSpan TargetOf(SlaClockKind clock) => clock switch
    {
        SlaClockKind.Acknowledge => TimeToAcknowledge,
        SlaClockKind.Update => UpdateInterval,
        SlaClockKind.Resolve => TimeToResolve,
        _ => throw new ArgumentOutOfRangeException(nameof(clock), clock, "Valid clocks: Acknowledge, Update, Resolve."),
    };

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="InvalidOptionsException">One or more settings are out of range; the message names each one by its configuration key and its valid range; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public void Validate() => OptionProblems.ThrowIfAny(CollectProblems(string.Empty, null), nameof(SlaPolicy));

    internal SlaPolicy Clone() => (SlaPolicy)MemberwiseClone();

    internal bool IsValid() =>
        IsValidTarget(TimeToAcknowledge) && IsValidTarget(UpdateInterval) && IsValidTarget(TimeToResolve)
        && AtRiskThreshold > 0 && AtRiskThreshold < HighRiskThreshold && HighRiskThreshold < 1;

    internal List<string>? CollectProblems(string prefix, List<string>? problems)
    {
        CheckTarget(ref problems, prefix, nameof(TimeToAcknowledge), TimeToAcknowledge);
        CheckTarget(ref problems, prefix, nameof(UpdateInterval), UpdateInterval);
        CheckTarget(ref problems, prefix, nameof(TimeToResolve), TimeToResolve);
        if (!(AtRiskThreshold > 0 && AtRiskThreshold < 1))
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(prefix, nameof(AtRiskThreshold))} is {F(AtRiskThreshold)}; valid: greater than 0 and less than 1.");
        }

        if (!(HighRiskThreshold > 0 && HighRiskThreshold < 1))
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(prefix, nameof(HighRiskThreshold))} is {F(HighRiskThreshold)}; valid: greater than 0 and less than 1.");
        }
        else if (!(AtRiskThreshold < HighRiskThreshold))
        {
            OptionProblems.Add(ref problems,
                $"{ConfigurationKey.Join(prefix, nameof(HighRiskThreshold))} is {F(HighRiskThreshold)}; valid: greater than {nameof(AtRiskThreshold)} ({F(AtRiskThreshold)}) and less than 1.");
        }

        return problems;
    }

    private static bool IsValidTarget(TimeSpan target) => target > TimeSpan.Zero && target <= MaxTarget;

    private static void CheckTarget(ref List<string>? problems, string prefix, string name, TimeSpan value)
    {
        if (!IsValidTarget(value))
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(prefix, name)} is {value.ToString("c", CultureInfo.InvariantCulture)}; valid: greater than zero and at most 366 days.");
        }
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The SLA policy of each <see cref="Priority"/>.</summary>
public sealed class SlaPolicies
{
    /// <summary>Gets or sets the policy for <see cref="Priority.Low"/>.</summary>
    /// <value>Acknowledge within 1 day, update every 3 days, resolve within 10 days; at risk at 50% and 75%.</value>
    public SlaPolicy Low { get; set; } = new() { TimeToAcknowledge = TimeSpan.FromDays(1), UpdateInterval = TimeSpan.FromDays(3), TimeToResolve = TimeSpan.FromDays(10) };

    /// <summary>Gets or sets the policy for <see cref="Priority.Normal"/>.</summary>
    /// <value>Acknowledge within 4 hours, update every day, resolve within 3 days; at risk at 50% and 75%.</value>
    public SlaPolicy Normal { get; set; } = new();

    /// <summary>Gets or sets the policy for <see cref="Priority.High"/>.</summary>
    /// <value>Acknowledge within 1 hour, update every 4 hours, resolve within 1 day; at risk at 50% and 75%.</value>
    public SlaPolicy High { get; set; } = new() { TimeToAcknowledge = TimeSpan.FromHours(1), UpdateInterval = TimeSpan.FromHours(4), TimeToResolve = TimeSpan.FromDays(1) };

    /// <summary>Gets or sets the policy for <see cref="Priority.Critical"/>.</summary>
    /// <value>Acknowledge within 15 minutes, update every hour, resolve within 4 hours; at risk at 50% and 75%.</value>
    public SlaPolicy Critical { get; set; } = new() { TimeToAcknowledge = TimeSpan.FromMinutes(15), UpdateInterval = TimeSpan.FromHours(1), TimeToResolve = TimeSpan.FromHours(4) };

    /// <summary>Gets the policy of a priority.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined priority.</exception>
    public SlaPolicy For(Priority priority) => priority switch
    {
        Priority.Low => Low,
        Priority.Normal => Normal,
        Priority.High => High,
        Priority.Critical => Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Valid priorities: Low, Normal, High, Critical."),
    };

    /// <summary>Checks every policy and reports all problems at once.</summary>
    /// <exception cref="InvalidOptionsException">One or more settings are missing or out of range; the message names each one and its valid range; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public void Validate() => OptionProblems.ThrowIfAny(CollectProblems(string.Empty, null), nameof(SlaPolicies));

    internal SlaPolicies Clone() => new() { Low = Low.Clone(), Normal = Normal.Clone(), High = High.Clone(), Critical = Critical.Clone() };

    internal List<string>? CollectProblems(string prefix, List<string>? problems)
    {
        Check(ref problems, prefix, nameof(Low), Low);
        Check(ref problems, prefix, nameof(Normal), Normal);
        Check(ref problems, prefix, nameof(High), High);
        Check(ref problems, prefix, nameof(Critical), Critical);
        return problems;

        static void Check(ref List<string>? problems, string prefix, string name, SlaPolicy? policy)
        {
            if (policy is null)
            {
                OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(prefix, name)} is null; valid: an SlaPolicy.");
            }
            else
            {
                problems = policy.CollectProblems(ConfigurationKey.Join(prefix, name), problems);
            }
        }
    }
}
