namespace ServiceQuality.Orleans.Hosting;

/// <summary>How a silo hosts ServiceQuality's grains (<c>siloBuilder.UseServiceQuality(o =&gt; ...)</c>).</summary>
public sealed class ServiceQualitySiloOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether each open complaint's grain keeps its SLA clocks as one durable Orleans
    /// reminder (at risk, breach, auto-close; <c>docs/orleans.md</c>). When set, <c>UseServiceQuality</c> adds Orleans
    /// reminders to the silo, and the silo needs a reminder table (<c>UseAdoNetReminderService(...)</c> on PostgreSQL, or
    /// <c>UseInMemoryReminderService()</c> for development). When cleared, no reminder is registered: run the hosted SLA
    /// monitor and auto-close (<c>AddSlaMonitor()</c>, <c>AddAutoClose()</c>) on one host of the store instead.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool SlaReminders { get; set; } = true;
}
