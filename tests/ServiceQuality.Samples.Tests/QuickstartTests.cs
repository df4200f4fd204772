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

    public void Dispose()
    {
        // The README test links the repository's samples folder in here: remove the link, never what it points to.
        string link = Path.Combine(_folder, "samples");
        if (new DirectoryInfo(link).LinkTarget is not null)
        {
            Directory.Delete(link);
        }

        Directory.Delete(_folder, recursive: true);
    }

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
            "Headline figures against their targets", "Trends over the period", "Agents and teams", "SLA attainment by clock and priority",
            "Recurring problems", "The seven things clients want", "The same experience whoever the client meets",
            "Internal and external clients", "The Service Quality Index and its parts", "The complaint lifecycle", "All complaints",
        })
        {
            Assert.Contains(section, report, StringComparison.Ordinal);
        }

        // Self-contained: inline SVG charts, each with a title, no script, nothing fetched from the network.
        Assert.Equal(8, report.Split("<svg ").Length - 1); // headline scores, 3 trends, agents, SLA, quadrants, lifecycle
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(report, "<svg [^>]*>\\s*<title").Count);
        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", report, StringComparison.OrdinalIgnoreCase);

        // Plain words, not enum names; the SLA chart counts open clocks only where there are some.
        foreach (var enumName in new[] { ">AnticipateNeeds<", ">FocusOnPriorities<", ">FirstTimeFix<", ">CostEffectiveness<" })
        {
            Assert.DoesNotContain(enumName, report, StringComparison.Ordinal);
        }

        Assert.Contains(">Anticipating needs<", report, StringComparison.Ordinal);
        Assert.DoesNotContain("0 running", report, StringComparison.Ordinal);
        Assert.DoesNotContain("0 still open", report, StringComparison.Ordinal);
        Assert.Contains("✗ 48% &#183; 14 of 29 met", report, StringComparison.Ordinal); // Critical resolve: misses its target
        Assert.Matches("fill=\"#D55E00\"><title>Resolve &#183; Critical: ✗ 48%", report);   // so its bar is vermillion
        // and a met one green; its two withdrawn complaints' stopped clocks count as decided and not met (ComplaintKpis).
        Assert.Contains("fill=\"#009E73\"><title>Resolve &#183; High: ✓ 97% &#183; 64 of 66 met (2 stopped, not met)", report, StringComparison.Ordinal);
        Assert.Contains("class=\"target\"", report, StringComparison.Ordinal);
        Assert.Contains("class=\"kpi misses\"", report, StringComparison.Ordinal);
        Assert.Contains("class=\"kpi meets\"", report, StringComparison.Ordinal);
        Assert.Contains("<b>ICC1</b> is the share of the differences between clients' ratings that comes down to <i>which agent</i> served them.", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainJob_TargetsFromAJsonFile_ColourTheHeadlineCards()
    {
        string targets = Write("targets.json", "{ \"nps\": -50, \"csatTopBox\": 50, \"ces\": null, \"slaAttainment\": 99.5 }");

        var (exit, output, error) = await RunAsync(["--targets", targets, "--db", "t.db"]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        string report = await File.ReadAllTextAsync(Path.Combine(_folder, "scorecard.html"));
        // NPS -8 meets a target of -50; CSAT 55% meets 50%; SLA 93.6% (interval 89.8 to 96.1) misses 99.5; CES has no target.
        Assert.Contains("✓ meets target (target at least -50)", report, StringComparison.Ordinal);
        Assert.Contains("✓ meets target (target at least 50%)", report, StringComparison.Ordinal);
        Assert.Contains("✗ misses target (target at least 99.5%)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("target at most 3.0", report, StringComparison.Ordinal);
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
    public async Task Score_SurveysAlone_SaysWhichMeasuresTheIndexLeavesOut()
    {
        string csv = Path.Combine(_folder, "surveys.csv");
        await File.WriteAllTextAsync(csv, "client_id,nps,csat,importance_Availability,performance_Availability,comment\nc1,10,5,5,4,fine\nc2,3,2,4,2,slow\n");

        var (exit, output, error) = await RunAsync(["score", csv]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains(
            "Left out of this index: SLA attainment, First-contact resolution, Reopen rate (measured from complaints: the main job includes them), " +
            "and CES, Focus on priorities, Anticipate needs, Responsiveness, Communication, Cost effectiveness, First time fix (no answers in this file). " +
            "So this index is not comparable with the main job's.",
            output,
            StringComparison.Ordinal);
        Assert.Equal($"score: ignored the columns comment of {csv} (not survey columns).", error.Trim());
    }

    /// <summary>The inputs that ended in a stack trace (exit 134) or a silent empty scorecard: each is now one line, exit 1.</summary>
    [Theory]
    [InlineData("normalize-missing-input")]
    [InlineData("normalize-folder-input")]
    [InlineData("normalize-missing-output-folder")]
    [InlineData("main-missing-complaints")]
    [InlineData("main-complaints-missing-columns")]
    [InlineData("main-surveys-nps-11")]
    [InlineData("main-missing-html-folder")]
    [InlineData("main-bad-priority")]
    [InlineData("main-targets-unknown-property")]
    [InlineData("main-targets-out-of-range")]
    [InlineData("main-targets-bad-json")]
    [InlineData("score-empty")]
    [InlineData("score-wrong-columns")]
    [InlineData("score-unbalanced-quote")]
    [InlineData("score-text-after-quote")]
    [InlineData("score-ragged-row")]
    [InlineData("score-binary")]
    [InlineData("score-nul")]
    public async Task Quickstart_AMistakeInTheInput_OneLineNamingFileLineAndColumn_ExitOne(string scenario)
    {
        string F(string name) => Path.Combine(_folder, name);
        string complaintsHeader = "id,received_at,client_id,segment,channel,priority,agent,text";
        (string[] Arguments, string Expected) result = scenario switch
        {
            "normalize-missing-input" => (["normalize", "--input", "complaints.csv"], $"normalize: {F("complaints.csv")} does not exist."),
            "normalize-folder-input" => (["normalize", "--input", _folder], $"normalize: {_folder} is a folder; expected a file."),
            "normalize-missing-output-folder" => (["normalize", "--input", Write("in.txt", "The VPN is down."), "--output", "out/lines.jsonl"], $"normalize: cannot write {F("out/lines.jsonl")}: the folder {F("out")} does not exist."),
            "main-missing-complaints" => (["--complaints", "mine.csv"], $"quickstart: {F("mine.csv")} does not exist."),
            "main-complaints-missing-columns" => (["--complaints", Write("mine.csv", "id,received_at,client_id,segment,channel,agent\nQ1,2026-09-01T09:00:00Z,C1,Internal,Email,Ann\n")],
                $"quickstart: {F("mine.csv")}, line 1: a complaints file needs the columns priority, text; the header has id, received_at, client_id, segment, channel, agent."),
            "main-surveys-nps-11" => (["--surveys", Write("mine.csv", "client_id,agent,nps,csat\nC1,Ann,9,4\nC2,Ann,11,5\n")],
                $"quickstart: {F("mine.csv")}, line 3, column 8 (nps): '11'; valid: a whole number from 0 to 10."),
            "main-missing-html-folder" => (["--html", "reports/scorecard.html"], $"quickstart: cannot write {F("reports/scorecard.html")}: the folder {F("reports")} does not exist."),
            "main-bad-priority" => (["--complaints", Write("mine.csv", $"{complaintsHeader}\nQ1,2026-09-01T09:00:00Z,C1,Internal,Email,Urgent,Ann,\"The VPN, again\"\n")],
                $"quickstart: {F("mine.csv")}, line 2, column 43 (priority): 'Urgent' is not one of Low, Normal, High, Critical."),
            "main-targets-unknown-property" => (["--targets", Write("t.json", "{\n  \"nps\": 20,\n  \"csat\": 80\n}")],
                $"quickstart: {F("t.json")}, line 3, column 10: The JSON property 'csat' could not be mapped to any .NET member contained in type 'ServiceQuality.Quickstart.Report.ReportTargets'. Valid properties: index, nps, csatTopBox, ces, slaAttainment, firstContactResolution, reopenRate."),
            "main-targets-out-of-range" => (["--targets", Write("t.json", "{ \"slaAttainment\": 150 }")],
                $"quickstart: {F("t.json")}: slaAttainment is 150; valid: 0 to 100 (%), or null for no target."),
            "main-targets-bad-json" => (["--targets", Write("t.json", "{ \"nps\": 20,,\n}")],
                $"quickstart: {F("t.json")}, line 1, column 13: ',' is an invalid start of a property name. Expected a '\"'. Valid properties: index, nps, csatTopBox, ces, slaAttainment, firstContactResolution, reopenRate."),
            "score-empty" => (["score", Write("s.csv", "")], $"score: {F("s.csv")} is empty; expected a CSV file whose first line names the columns."),
            "score-wrong-columns" => (["score", Write("s.csv", "name,score\nAnn,9\n")],
                $"score: {F("s.csv")}, line 1: no rating column; a survey file needs at least one of nps, csat, ces, importance_W, performance_W (W a client want such as Availability); the header has name, score."),
            "score-unbalanced-quote" => (["score", Write("s.csv", "nps,csat\n9,4\n10,\"5\n8,3\n")],
                $"score: {F("s.csv")}, line 3, column 4: the quote that opens this field is never closed (an unbalanced quote)."),
            "score-text-after-quote" => (["score", Write("s.csv", "nps,csat\n\"9\"x,4\n")],
                $"score: {F("s.csv")}, line 2, column 4: text after the closing quote of a field; expected a comma or the end of the line."),
            "score-ragged-row" => (["score", Write("s.csv", "nps,csat\n9,4\n10\n")], $"score: {F("s.csv")}, line 3: 1 field, but the header (line 1) names 2 columns."),
            "score-binary" => (["score", WriteBytes("s.csv", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])],
                $"score: {F("s.csv")}, line 1, column 1: not UTF-8 text (byte 0x89); expected a CSV file."),
            "score-nul" => (["score", WriteBytes("s.csv", [(byte)'n', (byte)'p', (byte)'s', 0x0A, (byte)'9', 0, (byte)'1'])],
                $"score: {F("s.csv")}, line 2, column 2: not text (a NUL character); expected a CSV file."),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "no such scenario"),
        };

        var (exit, output, error) = await RunAsync(result.Arguments);

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(result.Expected, error.TrimEnd('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("SERVICE QUALITY SCORECARD", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "quickstart: Unrecognized command or argument '--bogus'. (--help for the usage)")]
    [InlineData(new[] { "score" }, "quickstart: Required argument missing for command: 'score'. (--help for the usage)")]
    [InlineData(new[] { "normalize", "--reference-date", "2026-13-01" }, "quickstart: --reference-date '2026-13-01' is not a date; expected YYYY-MM-DD, e.g. 2026-09-06. (--help for the usage)")]
    public async Task Quickstart_AMistakeInTheCommand_OneLine_ExitTwo(string[] arguments, string expected)
    {
        var (exit, output, error) = await RunAsync(arguments);

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(expected, error.TrimEnd('\n'));
    }

    /// <summary>Every Quickstart example in the README, run as written from the repository root.</summary>
    [Fact]
    public async Task Readme_EveryQuickstartExample_RunsAsWrittenFromTheRepositoryRoot()
    {
        string root = RepositoryRoot();
        const string Prefix = "dotnet run --project samples/ServiceQuality.Quickstart -c Release";
        var examples = File.ReadAllLines(Path.Combine(root, "README.md"))
            .Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(l => (l.IndexOf(" #", StringComparison.Ordinal) is int hash and > 0 ? l[..hash] : l).Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Prefix, examples[0]); // the README's first command: the main job
        Assert.True(examples.Count >= 4, string.Join("\n", examples));

        // The repository root as the working folder, without writing into it: its samples folder linked into ours.
        Directory.CreateSymbolicLink(Path.Combine(_folder, "samples"), Path.Combine(root, "samples"));
        foreach (var example in examples)
        {
            string rest = example[Prefix.Length..].Trim();
            Assert.True(rest.Length == 0 || rest.StartsWith("-- ", StringComparison.Ordinal), example);
            Assert.DoesNotContain('"', rest);
            string[] arguments = rest.Length == 0 ? [] : rest[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

            var (exit, output, error) = await RunAsync(arguments);

            Assert.True(exit == 0, $"{example}\nexit {exit}\n{output}\n{error}");
            Assert.True(output.Length > 0, example);
        }

        Assert.True(File.Exists(Path.Combine(_folder, "scorecard.html")), "the main job wrote no report");
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

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServiceQuality.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ServiceQuality.sln above {AppContext.BaseDirectory}.");
    }

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_folder, name), text);
        return name;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(_folder, name), bytes);
        return name;
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
