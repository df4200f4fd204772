using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ServiceQuality.Samples.Tests;

/// <summary>The Quickstart, run as users run it: the main job with no arguments, and its verbs on a user's own files.</summary>
public sealed class QuickstartTests : IDisposable
{
    private static readonly string AssemblyPath =
        typeof(QuickstartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "QuickstartPath").Value
        ?? throw new InvalidOperationException("The build did not record QuickstartPath.");

    private readonly string _folder = Directory.CreateTempSubdirectory("quickstart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task MainJob_NoArguments_ExitsZeroAndWritesAReportWithEverySection()
    {
        var (exit, output, error) = await RunAsync([]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("Loaded 242 complaints and 600 survey responses.", output, StringComparison.Ordinal);
        Assert.Contains("SERVICE QUALITY SCORECARD", output, StringComparison.Ordinal);
        Assert.Contains("Ran 242 complaints through the lifecycle", output, StringComparison.Ordinal);
        string report = await File.ReadAllTextAsync(Path.Combine(_folder, "scorecard.html"));
        foreach (var section in new[]
        {
            "Scores with their uncertainty", "What the index is made of", "The seven things clients want",
            "SLA attainment", "Recurring problems", "The same experience whoever the client meets",
            "Internal and external clients", "The complaint lifecycle",
        })
        {
            Assert.Contains(section, report, StringComparison.Ordinal);
        }

        // Self-contained: inline SVG charts, no script, nothing fetched from the network.
        Assert.Equal(5, report.Split("<svg ").Length - 1); // scores, quadrants, SLA, agents, lifecycle
        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MainJob_TwoRunsOnOneDatabase_TheSecondReadsWhatTheFirstStored()
    {
        string db = Path.Combine(_folder, "complaints.db");

        var first = await RunAsync(["--db", db, "--html", "first.html"]);
        var second = await RunAsync(["--db", db, "--html", "second.html"]);

        Assert.True(first.Exit == 0, $"exit {first.Exit}\n{first.Output}\n{first.Error}");
        Assert.True(second.Exit == 0, $"exit {second.Exit}\n{second.Output}\n{second.Error}");
        Assert.StartsWith($"Complaints are kept in {db} (SQLite; --db to choose another file).", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Stored 242 complaints (2517 events) in {db}; run again to read them from there.", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Read 242 complaints (2517 events) that an earlier run stored in {db}.", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Ran 242 complaints", second.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(db).Length > 100_000, "the database file is (nearly) empty");

        // The second run's scorecard is computed from what it read, and equals the first's.
        static string Scorecard(string output) => output[output.IndexOf("SERVICE QUALITY SCORECARD", StringComparison.Ordinal)..output.IndexOf("Report written to", StringComparison.Ordinal)];
        Assert.Equal(Scorecard(first.Output), Scorecard(second.Output));
        Assert.Contains("2517 events read from", await File.ReadAllTextAsync(Path.Combine(_folder, "second.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_AUsersSurveyCsv_PrintsTheScorecard()
    {
        string csv = Path.Combine(_folder, "surveys.csv");
        await File.WriteAllTextAsync(csv, """
            client_id,segment,agent,nps,csat,ces,importance_Availability,performance_Availability
            c1,Internal,Ann,10,5,1,5,4
            c2,External,Ann,9,4,2,5,4
            c3,External,Bob,3,2,6,5,2
            c4,Internal,Bob,7,3,4,4,3
            """);

        var (exit, output, error) = await RunAsync(["score", csv]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        // 2 promoters, 1 passive, 1 detractor of 4: NPS +25; CSAT top-2 box 2 of 4; CES mean 13/4.
        Assert.Matches(@"NPS \(-100\.\.100\)\s+25\s", output);
        Assert.Matches(@"CSAT top-2 box\s+50\.0%", output);
        Assert.Matches(@"CES \(1-7, lower is better\)\s+3\.25", output);
    }

    [Fact]
    public async Task Score_ARatingOutsideItsScale_FailsWithTheLineAndTheRange()
    {
        string csv = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(csv, "client_id,nps\nc1,11\n");

        var (exit, _, error) = await RunAsync(["score", csv]);

        Assert.Equal(1, exit);
        Assert.Equal($"score: {csv}, line 2: column nps is '11'; valid: a whole number from 0 to 10.", error.Trim());
    }

    [Fact]
    public async Task Normalize_ACsvColumn_WritesOneJsonObjectALine()
    {
        string csv = Path.Combine(_folder, "complaints.csv");
        await File.WriteAllTextAsync(csv, "id,text\n1,\"The VPN is down, ticket INC-4471.\"\n2,\"THE VPN IS DOWN!!! ticket INC-4471\"\n");

        var (exit, output, error) = await RunAsync(["normalize", "--input", csv, "--csv-column", "text"]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var calm = JsonDocument.Parse(lines[0]);
        using var angry = JsonDocument.Parse(lines[1]);
        Assert.Equal(calm.RootElement.GetProperty("incidentKey").GetString(), angry.RootElement.GetProperty("incidentKey").GetString());
        Assert.Contains(calm.RootElement.GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetString() == "INC-4471");
        Assert.True(angry.RootElement.GetProperty("neutralized").GetProperty("shouting").GetInt32() > 0);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] arguments)
    {
        Assert.True(File.Exists(AssemblyPath), $"The Quickstart is not built: {AssemblyPath}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
