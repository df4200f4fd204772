using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ServiceQuality.Sqlite;

/// <summary>Where and how <see cref="SqliteComplaintStore"/> keeps complaints. Validated when the store is made (or when the host starts).</summary>
public sealed class SqliteComplaintStoreOptions
{
    /// <summary>Gets or sets the Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=complaints.db</c>: a file (created when missing), not an in-memory database.</summary>
    /// <value>Required; no default.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets how long an append waits for another process's write to finish before it fails.</summary>
    /// <value>30 seconds; valid: 1 second to 10 minutes.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets whether every commit is flushed to disk before the append returns (SQLite's <c>synchronous=FULL</c>):
    /// a committed append survives a power cut. When <see langword="false"/> (<c>synchronous=NORMAL</c>, still safe
    /// against a process crash), the last appends before a power cut may be lost, and appends are faster.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool DurableCommits { get; set; } = true;

    /// <summary>Lists every problem with the options, each naming the setting and its valid range.</summary>
    /// <param name="prefix">What to put before each setting's name (e.g. a configuration path), or <see langword="null"/>.</param>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> GetProblems(string? prefix = null)
    {
        var problems = new List<string>();
        string Name(string setting) => prefix is null ? setting : $"{prefix}:{setting}";
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{Name(nameof(ConnectionString))} is empty; valid: a Microsoft.Data.Sqlite connection string naming a file, e.g. 'Data Source=complaints.db'.");
        }
        else
        {
            try
            {
                var builder = new SqliteConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
                {
                    problems.Add($"{Name(nameof(ConnectionString))} names an in-memory database; valid: a file, e.g. 'Data Source=complaints.db' (use InMemoryComplaintStore to keep complaints in memory).");
                }
                else if (builder.Mode == SqliteOpenMode.ReadOnly)
                {
                    problems.Add($"{Name(nameof(ConnectionString))} opens the database read-only; valid: Mode=ReadWriteCreate (the default) or ReadWrite.");
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{Name(nameof(ConnectionString))} is not a valid connection string ({ex.Message}); valid: e.g. 'Data Source=complaints.db'.");
            }
        }

        if (BusyTimeout < TimeSpan.FromSeconds(1) || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Name(nameof(BusyTimeout))} is {BusyTimeout:c}; valid: 1 second to 10 minutes."));
        }

        return problems;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="InvalidOptionsException">A setting is missing or out of range; the message names each one and its valid range.</exception>
    public void Validate()
    {
        var problems = GetProblems();
        if (problems.Count > 0)
        {
            throw new InvalidOptionsException(nameof(SqliteComplaintStoreOptions), problems);
        }
    }

    /// <summary>Gets a copy, so that later changes to this instance do not reach a store made from it.</summary>
    /// <returns>The copy.</returns>
    public SqliteComplaintStoreOptions Clone() => (SqliteComplaintStoreOptions)MemberwiseClone();
}
