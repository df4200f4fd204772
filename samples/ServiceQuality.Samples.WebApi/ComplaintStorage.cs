using Microsoft.Data.Sqlite;

namespace ServiceQuality.Samples.WebApi;

/// <summary>
/// Where the sample keeps complaints (section <c>Storage</c>, and <c>ConnectionStrings:ServiceQuality</c>): in PostgreSQL
/// when that connection string is set (many hosts can share it), else in a SQLite file, by default
/// <c>servicequality.db</c> under the content root.
/// </summary>
public sealed class ComplaintStorage
{
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string that selects PostgreSQL.</summary>
    public const string ConnectionStringName = "ServiceQuality";

    /// <summary>Gets or sets the SQLite file: absolute, or relative to the content root. Its folder is created when missing.</summary>
    /// <value><c>servicequality.db</c>.</value>
    public string SqliteFile { get; set; } = "servicequality.db";

    /// <summary>Gets or sets whether each SQLite commit is flushed to disk before the API answers (survives a power cut), or only written (survives a crash of the app).</summary>
    /// <value><see langword="true"/>.</value>
    public bool DurableCommits { get; set; } = true;

    /// <summary>
    /// Registers the store the configuration names on <paramref name="builder"/>: <c>.UsePostgreSql(...)</c> when
    /// <c>ConnectionStrings:ServiceQuality</c> is set, else <c>.UseSqlite(...)</c> on <see cref="SqliteFile"/>.
    /// </summary>
    /// <returns>Where complaints are kept, for the start-up log.</returns>
    /// <exception cref="InvalidOperationException"><see cref="SqliteFile"/> is blank.</exception>
    public static string Use(IServiceQualityBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        string? postgres = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.UsePostgreSql(postgres);
            var host = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            return $"PostgreSQL (ConnectionStrings:{ConnectionStringName}: host {host.Host}, database {host.Database})";
        }

        var storage = configuration.GetSection(SectionName).Get<ComplaintStorage>() ?? new ComplaintStorage();
        if (string.IsNullOrWhiteSpace(storage.SqliteFile))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(SqliteFile)} is blank; valid: a file path, absolute or relative to the content root (default servicequality.db).");
        }

        string file = Path.GetFullPath(storage.SqliteFile, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        builder.UseSqlite(o =>
        {
            o.ConnectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            o.DurableCommits = storage.DurableCommits;
        });
        return $"SQLite file {file}";
    }
}
