namespace ServiceQuality.Samples.Tests;

/// <summary>
/// The PostgreSQL server of the samples' tests: the Npgsql connection string in SERVICEQUALITY_POSTGRES (CI sets it).
/// Without it a test is skipped with the reason, and fails instead when <c>CI=true</c>, so CI never passes without it.
/// </summary>
internal static class TestPostgreSql
{
    public const string Variable = "SERVICEQUALITY_POSTGRES";

    /// <summary>Gets the connection string, or skips (fails under <c>CI=true</c>) the test named by <paramref name="test"/>.</summary>
    public static string ConnectionString(string test)
    {
        string? connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                $"CI=true, and {Variable} is not set: {test} cannot run.");
            Skip.If(true, $"no PostgreSQL server: set {Variable} to an Npgsql connection string to run {test}.");
        }

        return connectionString!;
    }
}
