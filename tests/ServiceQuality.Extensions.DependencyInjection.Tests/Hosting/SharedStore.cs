using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Hosting;

/// <summary>The real stores two hosts can share.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file of the test's own.</summary>
    Sqlite,

    /// <summary>A schema of the test's own on the PostgreSQL server named by SERVICEQUALITY_POSTGRES.</summary>
    PostgreSql,
}

/// <summary>
/// One store for several hosts of a test: a new SQLite file, or a new schema on the PostgreSQL server named by
/// <c>SERVICEQUALITY_POSTGRES</c> (without it the test is skipped, with the reason, and fails when <c>CI=true</c>).
/// Deleted when disposed.
/// </summary>
internal sealed class SharedStore : IAsyncDisposable
{
    private const string Variable = "SERVICEQUALITY_POSTGRES";
    private readonly string? _folder;
    private readonly string? _connectionString;
    private readonly string? _schema;

    private SharedStore(string? folder, string? connectionString, string? schema) => (_folder, _connectionString, _schema) = (folder, connectionString, schema);

    public static async Task<SharedStore> CreateAsync(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            string folder = Path.Combine(Path.GetTempPath(), "servicequality-hosting-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new SharedStore(folder, null, null);
        }

        string? connectionString = Environment.GetEnvironmentVariable(Variable);
        string? problem = string.IsNullOrWhiteSpace(connectionString) ? $"no PostgreSQL server: set {Variable} to an Npgsql connection string to run this test." : null;
        if (problem is null)
        {
            try
            {
                await using var dataSource = NpgsqlDataSource.Create(connectionString!);
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
            {
                problem = $"the PostgreSQL server in {Variable} does not answer: {ex.Message}";
            }
        }

        if (problem is not null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"CI=true, and the PostgreSQL test cannot run: {problem}");
            Skip.If(true, problem);
        }

        return new SharedStore(null, connectionString, "t_" + Guid.NewGuid().ToString("N")[..20]);
    }

    /// <summary>Keeps the registration's complaints in this store.</summary>
    public IServiceQualityBuilder Use(IServiceQualityBuilder builder) => _folder is not null
        ? builder.UseSqlite($"Data Source={Path.Combine(_folder, "complaints.db")}")
        : builder.UsePostgreSql(o => { o.ConnectionString = _connectionString!; o.Schema = _schema!; });

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(_connectionString!);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
