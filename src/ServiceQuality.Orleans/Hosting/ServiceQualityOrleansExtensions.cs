using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using ServiceQuality.Orleans.Hosting;
using ServiceQuality.Orleans.Serialization;

namespace Orleans.Hosting;

/// <summary>
/// Wires ServiceQuality's types into Orleans on a silo and on a cluster client. The silo's host also registers
/// ServiceQuality itself (<c>services.AddServiceQuality(...).UsePostgreSql(...)</c>): the grains use its
/// <see cref="ServiceQuality.Complaints.ComplaintService"/> and store.
/// </summary>
public static class ServiceQualityOrleansExtensions
{
    /// <summary>
    /// Adds what a silo needs to host ServiceQuality's grains: the codecs of ServiceQuality's types (a
    /// <see cref="ServiceQuality.Complaints.ComplaintConcurrencyException"/> crosses with its fields), the copier of
    /// complaint events, for every event type, and Orleans reminders for the complaints' SLA clocks (the silo then needs a
    /// reminder table, see <see cref="ServiceQualitySiloOptions.SlaReminders"/>).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ISiloBuilder UseServiceQuality(this ISiloBuilder builder) => UseServiceQuality(builder, static _ => { });

    /// <summary>Adds what a silo needs to host ServiceQuality's grains, as <paramref name="configure"/> says.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options (whether SLA clocks are reminders).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ISiloBuilder UseServiceQuality(this ISiloBuilder builder, Action<ServiceQualitySiloOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddSerialization(builder.Services);
        var options = new ServiceQualitySiloOptions();
        configure(options);
        builder.Services.AddSingleton(options);
        if (options.SlaReminders)
        {
            builder.AddReminders();
        }

        return builder;
    }

    /// <summary>
    /// Adds what a cluster client needs to call ServiceQuality's grains: the codecs of ServiceQuality's types (a
    /// <see cref="ServiceQuality.Complaints.ComplaintConcurrencyException"/> a grain threw arrives as itself, with its
    /// complaint and versions) and the copier of complaint events, for every event type.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IClientBuilder UseServiceQuality(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddSerialization(builder.Services);
        return builder;
    }

    /// <summary>
    /// The codecs of this assembly (the surrogates of the core's types, <see cref="ServiceQuality.Complaints.ComplaintConcurrencyException"/>'s
    /// included, so a conflict that outlasted a grain's attempts reaches the caller as itself) and the event copier.
    /// </summary>
    private static void AddSerialization(IServiceCollection services) =>
        services.AddSerializer(serializer =>
        {
            serializer.AddAssembly(typeof(ServiceQualityOrleansExtensions).Assembly);
            serializer.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGeneralizedCopier, ComplaintEventCopier>());
        });
}
