using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceQuality.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PostgreSqlComplaintStore"/> as a ServiceQuality registration's store.</summary>
public static class PostgreSqlServiceQualityBuilderExtensions
{
    /// <summary>Keeps this registration's complaints in PostgreSQL, in the default schema (<c>servicequality</c>).</summary>
    /// <param name="builder">The registration (<c>AddServiceQuality(...)</c> or a tenant's <c>AddKeyedServiceQuality(...)</c>).</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>configuration.GetConnectionString("ServiceQuality")</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>The connection string is validated when the host starts (an <see cref="OptionsValidationException"/> names the problem).</remarks>
    public static IServiceQualityBuilder UsePostgreSql(this IServiceQualityBuilder builder, string connectionString) =>
        UsePostgreSql(builder, o => o.ConnectionString = connectionString);

    /// <summary>Keeps this registration's complaints in PostgreSQL, with the options set by <paramref name="configure"/> (the connection string at least; the schema, per tenant).</summary>
    /// <param name="builder">The registration (<c>AddServiceQuality(...)</c> or a tenant's <c>AddKeyedServiceQuality(...)</c>).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>The options are validated when the host starts: an <see cref="OptionsValidationException"/> names each bad setting and what is valid.</remarks>
    public static IServiceQualityBuilder UsePostgreSql(this IServiceQualityBuilder builder, Action<PostgreSqlComplaintStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        string name = builder.OptionsName;
        builder.Services.AddOptions<PostgreSqlComplaintStoreOptions>(name).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlComplaintStoreOptions>, PostgreSqlComplaintStoreOptionsValidator>());
        return builder.UseComplaintStore(sp => new PostgreSqlComplaintStore(sp.GetRequiredService<IOptionsMonitor<PostgreSqlComplaintStoreOptions>>().Get(name)));
    }

    /// <summary>Reports every problem of the options at start.</summary>
    private sealed class PostgreSqlComplaintStoreOptionsValidator : IValidateOptions<PostgreSqlComplaintStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, PostgreSqlComplaintStoreOptions options)
        {
            var problems = options.GetProblems(string.IsNullOrEmpty(name) ? nameof(PostgreSqlComplaintStoreOptions) : $"{nameof(PostgreSqlComplaintStoreOptions)}[{name}]");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
