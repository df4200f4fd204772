using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceQuality.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SqliteComplaintStore"/> as a ServiceQuality registration's store.</summary>
public static class SqliteServiceQualityBuilderExtensions
{
    /// <summary>Keeps this registration's complaints in a SQLite file (created when missing), e.g. <c>.UseSqlite("Data Source=complaints.db")</c>.</summary>
    /// <param name="builder">The registration (<c>AddServiceQuality(...)</c> or a tenant's <c>AddKeyedServiceQuality(...)</c>).</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>The connection string is validated when the host starts (an <see cref="OptionsValidationException"/> names the problem).</remarks>
    public static IServiceQualityBuilder UseSqlite(this IServiceQualityBuilder builder, string connectionString) =>
        UseSqlite(builder, o => o.ConnectionString = connectionString);

    /// <summary>Keeps this registration's complaints in a SQLite file, with the options set by <paramref name="configure"/>.</summary>
    /// <param name="builder">The registration (<c>AddServiceQuality(...)</c> or a tenant's <c>AddKeyedServiceQuality(...)</c>).</param>
    /// <param name="configure">Sets the options (the connection string at least).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>The options are validated when the host starts: an <see cref="OptionsValidationException"/> names each bad setting and its valid range.</remarks>
    public static IServiceQualityBuilder UseSqlite(this IServiceQualityBuilder builder, Action<SqliteComplaintStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        string name = builder.OptionsName;
        builder.Services.AddOptions<SqliteComplaintStoreOptions>(name).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteComplaintStoreOptions>, SqliteComplaintStoreOptionsValidator>());
        return builder.UseComplaintStore(sp => new SqliteComplaintStore(sp.GetRequiredService<IOptionsMonitor<SqliteComplaintStoreOptions>>().Get(name)));
    }

    /// <summary>Reports every problem of the options at start.</summary>
    private sealed class SqliteComplaintStoreOptionsValidator : IValidateOptions<SqliteComplaintStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, SqliteComplaintStoreOptions options)
        {
            var problems = options.GetProblems(string.IsNullOrEmpty(name) ? nameof(SqliteComplaintStoreOptions) : $"{nameof(SqliteComplaintStoreOptions)}[{name}]");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
