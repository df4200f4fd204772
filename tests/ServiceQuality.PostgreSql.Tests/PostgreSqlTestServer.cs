using Npgsql;

namespace ServiceQuality.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <see cref="Variable"/> (.ci/run starts a throwaway
/// cluster on loopback and sets it). Without it, or when the server does not answer, the tests are skipped with the
/// reason — and they fail instead when <c>CI=true</c>, so CI can never pass without running them.
/// </summary>
internal static class PostgreSqlTestServer
{
    public const string Variable = "SERVICEQUALITY_POSTGRES";

    private static readonly Lazy<Task<string?>> Problem = new(CheckAsync);

    public static async Task<string> ConnectionStringAsync()
    {
        string? problem = await Problem.Value;
        if (problem is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true, and the PostgreSQL tests cannot run: {problem}");
            }

            Skip.If(true, problem);
        }

        return Environment.GetEnvironmentVariable(Variable)!;
    }

    /// <summary>A schema no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable(Variable)!);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> CheckAsync()
    {
        string? connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"no PostgreSQL server: set {Variable} to an Npgsql connection string (e.g. 'Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres') to run these tests.";
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"the PostgreSQL server in {Variable} does not answer: {ex.Message}";
        }
    }
}
