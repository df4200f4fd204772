using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="ServiceQualityOptions"/> from a configuration section, part by part, with the source-generated
/// (trimming- and AOT-safe) binder. The options graph is not bound whole because <see cref="ComplaintOptions.Calendar"/>
/// is an immutable <see cref="ServiceQuality.Sla.BusinessCalendar"/> (with a <see cref="TimeZoneInfo"/>) that
/// configuration cannot construct; its bindable description is in <see cref="ServiceQualityOptions.Sla"/>.
/// </summary>
internal sealed class ConfigureServiceQualityFromConfiguration(string name, IConfiguration configuration) : IConfigureNamedOptions<ServiceQualityOptions>
{
    public void Configure(ServiceQualityOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? optionsName, ServiceQualityOptions options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return;
        }

        var complaints = configuration.GetSection(nameof(ServiceQualityOptions.Complaints));
        var c = options.Complaints;
        c.RequireApologyBeforeHelp = complaints.GetValue(nameof(c.RequireApologyBeforeHelp), c.RequireApologyBeforeHelp);
        c.RequireClientConfirmation = complaints.GetValue(nameof(c.RequireClientConfirmation), c.RequireClientConfirmation);
        c.AutoCloseAfter = complaints.GetValue(nameof(c.AutoCloseAfter), c.AutoCloseAfter);
        c.ReopenWindow = complaints.GetValue(nameof(c.ReopenWindow), c.ReopenWindow);
        c.MaxEscalationLevel = complaints.GetValue(nameof(c.MaxEscalationLevel), c.MaxEscalationLevel);
        complaints.GetSection(nameof(c.Sla)).Bind(c.Sla);
        if (complaints.GetSection(nameof(c.ClockPausedStates)).Get<ComplaintState[]>() is { } paused)
        {
            c.ClockPausedStates = new HashSet<ComplaintState>(paused);
        }

        configuration.GetSection(nameof(ServiceQualityOptions.Normalization)).Bind(options.Normalization);
        configuration.GetSection(nameof(ServiceQualityOptions.Recurrence)).Bind(options.Recurrence);

        var sla = configuration.GetSection(nameof(ServiceQualityOptions.Sla));
        if (sla.Exists())
        {
            options.Sla ??= new SlaOptions();
            sla.Bind(options.Sla);
        }
    }
}
