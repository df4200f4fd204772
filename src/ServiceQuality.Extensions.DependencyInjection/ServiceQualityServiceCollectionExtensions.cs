using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Normalization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ServiceQuality in a host's service collection.</summary>
public static class ServiceQualityServiceCollectionExtensions
{
    /// <summary>Adds ServiceQuality with its defaults.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, to configure the registration further (its store, for example).</returns>
    public static IServiceQualityBuilder AddServiceQuality(this IServiceCollection services) =>
        AddServiceQuality(services, static _ => { });

    /// <summary>
    /// Adds ServiceQuality: the complaint lifecycle, service and SLA monitor, the in-memory store, the normalizer and the
    /// instrumentation, each with <c>TryAdd</c> so a host can register its own first. Uses a registered
    /// <see cref="TimeProvider"/> (or <see cref="TimeProvider.System"/>) and <see cref="IMeterFactory"/> when the host has
    /// one. Options are validated when the host starts. Safe to call more than once: services are registered once,
    /// and each call's <paramref name="configure"/> is applied in order.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>The builder, to configure the registration further (its store, for example).</returns>
    public static IServiceQualityBuilder AddServiceQuality(this IServiceCollection services, Action<ServiceQualityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).AddOptions<ServiceQualityOptions>().Configure(configure);
        AddServices(services, serviceKey: null);
        return new ServiceQualityBuilder(services, null, Options.Options.DefaultName);
    }

    /// <summary>
    /// Adds ServiceQuality with options bound from configuration: the root (<c>builder.Configuration</c>), whose
    /// <c>ServiceQuality</c> section is used, or the section itself. When the host starts, a missing section, a key that
    /// is not a setting and a value that does not parse each fail validation, all in one message naming their keys.
    /// The configuration is read once: a change while the host runs takes effect at the next start (and is logged, 1400).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration, or the section holding <see cref="ServiceQualityOptions"/>.</param>
    /// <returns>The builder, to configure the registration further (its store, for example).</returns>
    public static IServiceQualityBuilder AddServiceQuality(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(services);
        AddConfiguration(services, Options.Options.DefaultName, configuration);
        AddServices(services, serviceKey: null);
        return new ServiceQualityBuilder(services, null, Options.Options.DefaultName);
    }

    /// <summary>
    /// Adds a separate ServiceQuality for one tenant, resolved with <c>[FromKeyedServices(serviceKey)]</c> or
    /// <c>GetRequiredKeyedService&lt;T&gt;(serviceKey)</c>: its own options (named <paramref name="serviceKey"/>), lifecycle,
    /// store, service, monitor, normalizer and recurrence index. The time provider and instrumentation are shared.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The tenant's key.</param>
    /// <param name="configure">Sets the tenant's options in code.</param>
    /// <returns>The builder, to configure the registration further (its store, for example).</returns>
    public static IServiceQualityBuilder AddKeyedServiceQuality(this IServiceCollection services, string serviceKey, Action<ServiceQualityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).AddOptions<ServiceQualityOptions>(serviceKey).Configure(configure);
        AddServices(services, serviceKey);
        return new ServiceQualityBuilder(services, serviceKey, serviceKey);
    }

    /// <summary>Adds a separate ServiceQuality for one tenant with options bound from configuration, checked as <see cref="AddServiceQuality(IServiceCollection, IConfiguration)"/> checks them.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The tenant's key.</param>
    /// <param name="configuration">The section holding the tenant's <see cref="ServiceQualityOptions"/> (or a root with a <c>ServiceQuality</c> section).</param>
    /// <returns>The builder, to configure the registration further (its store, for example).</returns>
    public static IServiceQualityBuilder AddKeyedServiceQuality(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(services);
        AddConfiguration(services, serviceKey, configuration);
        AddServices(services, serviceKey);
        return new ServiceQualityBuilder(services, serviceKey, serviceKey);
    }

    /// <summary>What every registration shares: the clock, the instruments and the validator.</summary>
    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new ServiceQualityInstrumentation(sp.GetService<IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceQualityOptions>, ServiceQualityOptionsValidator>());
        return services;
    }

    private static void AddConfiguration(IServiceCollection services, string name, IConfiguration configuration)
    {
        // No IOptionsChangeTokenSource: the options are read once, at start (reload is not supported; docs/hosting.md).
        services.AddSingleton<IConfigureOptions<ServiceQualityOptions>>(new ConfigureServiceQualityFromConfiguration(name, configuration));
        services.AddSingleton<IHostedService>(sp => new ConfigurationChangeWatcher(
            configuration, (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<ConfigurationChangeWatcher>()));
    }

    private static void AddServices(IServiceCollection services, string? serviceKey)
    {
        string name = serviceKey ?? Options.Options.DefaultName;
        services.AddOptions<ServiceQualityOptions>(name).ValidateOnStart();
        if (serviceKey is null)
        {
            services.TryAddSingleton(sp => CreateLifecycle(sp, name));
            services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
            services.TryAddSingleton(sp => new ComplaintService(
                sp.GetRequiredService<ComplaintLifecycle>(), sp.GetRequiredService<IComplaintStore>(), sp.GetRequiredService<ServiceQualityInstrumentation>()));
            services.TryAddSingleton(sp => CreateNormalizer(sp, name));
            services.TryAddSingleton(sp => new RecurrenceIndex(OptionsOf(sp, name).Recurrence));
            services.TryAddSingleton(sp => CreateExecutor(sp, sp.GetRequiredService<ComplaintService>(), name));
            if (!services.Any(d => d.ServiceType == typeof(OpenBacklog) && d.ServiceKey is null))
            {
                services.AddSingleton(sp => CreateBacklog(sp, () => sp.GetRequiredService<ComplaintService>(), sp.GetRequiredService<ServiceQualityInstrumentation>(), name));
                services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OpenBacklog>());
            }

            return;
        }

        // A tenant's measurements carry its key (servicequality.tenant) on the shared instruments.
        services.TryAddKeyedSingleton(serviceKey, (sp, key) => sp.GetRequiredService<ServiceQualityInstrumentation>().ForTenant((string)key!));

        services.TryAddKeyedSingleton(serviceKey, (sp, _) => CreateLifecycle(sp, name));
        services.TryAddKeyedSingleton<IComplaintStore>(serviceKey, static (_, _) => new InMemoryComplaintStore());
        services.TryAddKeyedSingleton(serviceKey, (sp, key) => new ComplaintService(
            sp.GetRequiredKeyedService<ComplaintLifecycle>(key), sp.GetRequiredKeyedService<IComplaintStore>(key), sp.GetRequiredKeyedService<ServiceQualityInstrumentation>(key)));
        services.TryAddKeyedSingleton(serviceKey, (sp, _) => CreateNormalizer(sp, name));
        services.TryAddKeyedSingleton(serviceKey, (sp, _) => new RecurrenceIndex(OptionsOf(sp, name).Recurrence));
        services.TryAddKeyedSingleton(serviceKey, (sp, key) => CreateExecutor(sp, sp.GetRequiredKeyedService<ComplaintService>(key), name));
        if (!services.Any(d => d.ServiceType == typeof(OpenBacklog) && Equals(d.ServiceKey, serviceKey)))
        {
            services.AddKeyedSingleton(serviceKey, (sp, key) => CreateBacklog(
                sp, () => sp.GetRequiredKeyedService<ComplaintService>(key), sp.GetRequiredKeyedService<ServiceQualityInstrumentation>(key), name));
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<OpenBacklog>(serviceKey));
        }
    }

    private static OpenBacklog CreateBacklog(IServiceProvider services, Func<ComplaintService> service, ServiceQualityInstrumentation instrumentation, string name) => new(
        service,
        instrumentation,
        services.GetRequiredService<TimeProvider>(),
        () => OptionsOf(services, name).Metrics.BacklogRefreshInterval,
        LoggerOf<OpenBacklog>(services));

    private static ILogger<T> LoggerOf<T>(IServiceProvider services) => (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<T>();

    private static ComplaintCommandExecutor CreateExecutor(IServiceProvider services, ComplaintService service, string name) => new(
        service,
        OptionsOf(services, name).Retries,
        services.GetRequiredService<TimeProvider>(),
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<ComplaintCommandExecutor>());

    private static ServiceQualityOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<ServiceQualityOptions>>().Get(name);

    private static ComplaintNormalizer CreateNormalizer(IServiceProvider services, string name) =>
        new(OptionsOf(services, name).Normalization, services.GetRequiredService<ServiceQualityInstrumentation>());

    private static ComplaintLifecycle CreateLifecycle(IServiceProvider services, string name) => new(
        OptionsOf(services, name).BuildComplaintOptions(),
        services.GetRequiredService<TimeProvider>());
}
