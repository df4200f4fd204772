using System.Text.RegularExpressions;
using Npgsql;

namespace ServiceQuality.PostgreSql;

/// <summary>Where <see cref="PostgreSqlComplaintStore"/> keeps complaints. Validated when the store is made (or when the host starts).</summary>
public sealed partial class PostgreSqlComplaintStoreOptions
{
    /// <summary>The default schema.</summary>
    public const string DefaultSchema = "servicequality";

    /// <summary>Gets or sets the Npgsql connection string, e.g. <c>Host=db;Database=app;Username=app;Password=...</c>.</summary>
    /// <value>Required; no default.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the PostgreSQL schema the store's tables are in (created when missing): one per tenant, if tenants share a database.</summary>
    /// <value><see cref="DefaultSchema"/> (<c>servicequality</c>); valid: 1 to 63 lower-case letters, digits and underscores, starting with a letter.</value>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>Lists every problem with the options, each naming the setting and its valid range.</summary>
    /// <param name="prefix">What to put before each setting's name (e.g. a configuration path), or <see langword="null"/>.</param>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> GetProblems(string? prefix = null)
    {
        var problems = new List<string>();
        string Name(string setting) => prefix is null ? setting : $"{prefix}:{setting}";
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{Name(nameof(ConnectionString))} is empty; valid: an Npgsql connection string, e.g. 'Host=localhost;Database=app;Username=app'.");
        }
        else
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    problems.Add($"{Name(nameof(ConnectionString))} names no Host; valid: an Npgsql connection string with a Host, e.g. 'Host=localhost;Database=app;Username=app'.");
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{Name(nameof(ConnectionString))} is not a valid connection string ({ex.Message}); valid: e.g. 'Host=localhost;Database=app;Username=app'.");
            }
        }

        if (Schema is null || !SchemaPattern().IsMatch(Schema))
        {
            problems.Add($"{Name(nameof(Schema))} is '{Schema}'; valid: 1 to 63 lower-case letters, digits and underscores, starting with a letter (e.g. '{DefaultSchema}').");
        }

        return problems;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="InvalidOptionsException">A setting is missing or invalid; the message names each one and what is valid.</exception>
    public void Validate()
    {
        var problems = GetProblems();
        if (problems.Count > 0)
        {
            throw new InvalidOptionsException(nameof(PostgreSqlComplaintStoreOptions), problems);
        }
    }

    /// <summary>Gets a copy, so that later changes to this instance do not reach a store made from it.</summary>
    /// <returns>The copy.</returns>
    public PostgreSqlComplaintStoreOptions Clone() => (PostgreSqlComplaintStoreOptions)MemberwiseClone();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
