using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the hosted runtime to a ServiceQuality registration: the SLA monitor, auto-close and health checks.</summary>
public static class ServiceQualityHostingExtensions
{
    /// <summary>
    /// Runs the SLA monitor while the host runs (options <c>ServiceQuality:SlaMonitor</c>): each sweep asks the store what
    /// is due and records every clock that went at risk or breached as an event on its complaint, once (whatever the
    /// number of hosts or restarts); each recorded alert is logged (1100, 1101) and handed to the registered
    /// <see cref="ISlaAlertHandler"/>s (keyed with the tenant's key for a tenant). Calling it twice for one registration adds one monitor.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IServiceQualityBuilder AddSlaMonitor(this IServiceQualityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (services, key, name) = (builder.Services, builder.ServiceKey, builder.OptionsName);
        if (!IsRegistered<SlaMonitorService>(services, key))
        {
            services.AddKeyedSingleton(key, (sp, _) => new SlaMonitorService(
                () => sp.GetRequiredKeyedService<ComplaintCommandExecutor>(key),
                () => sp.GetKeyedServices<ISlaAlertHandler>(key),
                () => OptionsOf(sp, name).SlaMonitor,
                sp.GetRequiredService<TimeProvider>(),
                LoggerOf<SlaMonitorService>(sp)));
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<SlaMonitorService>(key));
        }

        return builder;
    }

    /// <summary>
    /// Closes, while the host runs, the resolved complaints whose client has not answered within the auto-close window
    /// (options <c>ServiceQuality:AutoClose</c>), found by the store's due query, through the lifecycle; each is logged
    /// (1200). Calling it twice for one registration adds one sweeper.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IServiceQualityBuilder AddAutoClose(this IServiceQualityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (services, key, name) = (builder.Services, builder.ServiceKey, builder.OptionsName);
        if (!IsRegistered<AutoCloseService>(services, key))
        {
            services.AddKeyedSingleton(key, (sp, _) => new AutoCloseService(
                () => sp.GetRequiredKeyedService<ComplaintCommandExecutor>(key),
                () => OptionsOf(sp, name).AutoClose,
                sp.GetRequiredService<TimeProvider>(),
                LoggerOf<AutoCloseService>(sp)));
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<AutoCloseService>(key));
        }

        return builder;
    }

    /// <summary>
    /// Adds the registration's health checks to the host's (<c>services.AddHealthChecks()</c>): <c>servicequality-store</c>
    /// (the complaint store answers a read) and <c>servicequality-sla-monitor</c> (the monitor's last sweep is at most
    /// <c>SlaMonitor:MaxLag</c> old); a tenant's names end with <c>-{key}</c>. Both are tagged <c>servicequality</c>.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="failureStatus">What a failing check reports.</param>
    /// <param name="timeout">How long the store may take to answer.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IServiceQualityBuilder AddHealthChecks(this IServiceQualityBuilder builder, HealthStatus failureStatus = HealthStatus.Unhealthy, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = builder.ServiceKey;
        string suffix = key is null ? string.Empty : $"-{key}";
        string[] tags = ["servicequality"];
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                $"servicequality-store{suffix}",
                sp => new ComplaintStoreHealthCheck(() => sp.GetRequiredKeyedService<IComplaintStore>(key)),
                failureStatus,
                tags,
                timeout ?? TimeSpan.FromSeconds(5)))
            .Add(new HealthCheckRegistration(
                $"servicequality-sla-monitor{suffix}",
                sp => new SlaMonitorHealthCheck(() => sp.GetKeyedService<SlaMonitorService>(key), sp.GetRequiredService<TimeProvider>()),
                failureStatus,
                tags));
        return builder;
    }

    private static bool IsRegistered<T>(IServiceCollection services, string? key) =>
        services.Any(d => d.ServiceType == typeof(T) && Equals(d.ServiceKey, key));

    private static ServiceQualityOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<ServiceQualityOptions>>().Get(name);

    private static ILogger<T> LoggerOf<T>(IServiceProvider services) => (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<T>();
}
