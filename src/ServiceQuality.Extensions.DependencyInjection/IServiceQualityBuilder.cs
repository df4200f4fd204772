using ServiceQuality.Complaints;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <c>AddServiceQuality</c> and <c>AddKeyedServiceQuality</c>: configures one ServiceQuality registration
/// (the default one, or one tenant's) further, e.g. its store (<c>.UseSqlite(...)</c>, <c>.UsePostgreSql(...)</c>).
/// </summary>
public interface IServiceQualityBuilder
{
    /// <summary>Gets the service collection the registration is in.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the tenant's key, or <see langword="null"/> for the default (unkeyed) registration.</summary>
    string? ServiceKey { get; }

    /// <summary>Gets the name of the registration's <see cref="ServiceQuality.Extensions.DependencyInjection.ServiceQualityOptions"/> (the tenant's key, or the default name).</summary>
    string OptionsName { get; }
}

/// <summary>Extensions of <see cref="IServiceQualityBuilder"/> shared by every store package.</summary>
public static class ServiceQualityBuilderExtensions
{
    /// <summary>
    /// Makes <paramref name="factory"/>'s store this registration's <see cref="IComplaintStore"/>, replacing the in-memory
    /// default (and any store registered for it before). Store packages call this from their <c>Use…</c> methods.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="factory">Creates the store (once: it is a singleton).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceQualityBuilder UseComplaintStore(this IServiceQualityBuilder builder, Func<IServiceProvider, IComplaintStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        var services = builder.Services;
        for (int i = services.Count - 1; i >= 0; i--)
        {
            var d = services[i];
            if (d.ServiceType == typeof(IComplaintStore) && Equals(d.ServiceKey, builder.ServiceKey))
            {
                services.RemoveAt(i);
            }
        }

        if (builder.ServiceKey is null)
        {
            services.AddSingleton(factory);
        }
        else
        {
            services.AddKeyedSingleton(builder.ServiceKey, (sp, _) => factory(sp));
        }

        return builder;
    }
}

/// <summary>The builder <c>AddServiceQuality</c> returns.</summary>
internal sealed class ServiceQualityBuilder(IServiceCollection services, string? serviceKey, string optionsName) : IServiceQualityBuilder
{
    public IServiceCollection Services { get; } = services;

    public string? ServiceKey { get; } = serviceKey;

    public string OptionsName { get; } = optionsName;
}
