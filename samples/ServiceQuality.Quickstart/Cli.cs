using System.CommandLine;
using System.Globalization;
using ServiceQuality.Insights;
using ServiceQuality.Quickstart.Pipeline;
using ServiceQuality.Quickstart.Report;

namespace ServiceQuality.Quickstart;

/// <summary>
/// The Quickstart's command line (System.CommandLine): the main job on the root command, and the verbs
/// <c>normalize</c> and <c>score</c>. Every file a user names is checked before any work starts.
/// </summary>
internal static class Cli
{
    public static RootCommand Build()
    {
        var complaints = new Option<string>("--complaints") { HelpName = "FILE", Description = "The complaints CSV (columns as in data/complaints.csv). Default: the bundled data." };
        var surveys = new Option<string>("--surveys") { HelpName = "FILE", Description = "The survey CSV (columns as in data/surveys.csv). Default: the bundled data." };
        var html = new Option<string>("--html") { HelpName = "FILE", Description = "Where to write the report.", DefaultValueFactory = _ => "scorecard.html" };
        var targets = new Option<string>("--targets") { HelpName = "FILE", Description = "A JSON file of targets the report is coloured against, e.g. {\"nps\": 20, \"slaAttainment\": 95} (see the README). Default: the built-in targets." };
        var db = new Option<string>("--db") { HelpName = "FILE", Description = "The SQLite file that keeps the complaints; a second run reads them from there.", DefaultValueFactory = _ => "servicequality.db" };
        var root = new RootCommand("""
            ServiceQuality Quickstart. With no arguments: the whole pipeline on the bundled data (normalize the complaints, group
            recurring problems, run each through its lifecycle into SQLite, evaluate the SLAs, score the surveys), the
            scorecard in the terminal and a self-contained report in scorecard.html.
            """)
        {
            complaints, surveys, html, db, targets,
        };
        root.SetAction(async (result, cancellation) =>
        {
            // Every file is checked first, so a mistake is reported before minutes of work, not after.
            string complaintsPath = InputFiles.Existing(result.GetValue(complaints) ?? Path.Combine(BundledData.Folder, "complaints.csv"));
            string surveysPath = InputFiles.Existing(result.GetValue(surveys) ?? Path.Combine(BundledData.Folder, "surveys.csv"));
            string htmlPath = InputFiles.Writable(result.GetValue(html)!);
            string dbPath = InputFiles.Writable(result.GetValue(db)!);
            var reportTargets = result.GetValue(targets) is { } targetsPath ? ReportTargets.Load(targetsPath) : new ReportTargets();
            Console.WriteLine($"Complaints are kept in {dbPath} (SQLite; --db to choose another file).");
            var progress = new Progress(Console.Out, interactive: !Console.IsOutputRedirected);
            var results = await MainJob.RunAsync(complaintsPath, surveysPath, dbPath, progress);
            TerminalReport.Write(Console.Out, results.Scorecard, results);
            await File.WriteAllTextAsync(htmlPath, ScorecardReport.Html(results, reportTargets), cancellation);
            Console.WriteLine($"Report written to {htmlPath}");
            return 0;
        });

        root.Subcommands.Add(NormalizeVerb());
        root.Subcommands.Add(ScoreVerb());
        return root;
    }

    /// <summary>The name an error line starts with: the verb, or "quickstart" for the main job.</summary>
    public static string Verb(ParseResult parsed) => parsed.CommandResult.Command is RootCommand ? "quickstart" : parsed.CommandResult.Command.Name;

    private static Command NormalizeVerb()
    {
        var input = new Option<string>("--input") { HelpName = "FILE", Description = "Complaint texts, one a line (or a CSV file with --csv-column). Default: standard input." };
        var output = new Option<string>("--output") { HelpName = "FILE", Description = "Where to write the JSON lines. Default: standard output." };
        var column = new Option<string>("--csv-column") { HelpName = "NAME", Description = "Read the input as CSV and normalize this column." };
        var reference = new Option<DateOnly?>("--reference-date")
        {
            HelpName = "YYYY-MM-DD",
            Description = "The day relative dates (\"yesterday\", \"since Monday\") are read against. Default: none (kept as written).",
            CustomParser = r => DateOnly.TryParseExact(r.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : Fail<DateOnly?>(r, $"--reference-date '{r.Tokens[0].Value}' is not a date; expected YYYY-MM-DD, e.g. 2026-09-06."),
        };
        var command = new Command("normalize", "Complaint texts -> one JSON object a line: the canonical text, facts, areas, incident key and fingerprint.")
        {
            input, output, column, reference,
        };
        command.SetAction(result => NormalizeCommand.Run(
            result.GetValue(input), result.GetValue(output), result.GetValue(column), result.GetValue(reference)));
        return command;
    }

    private static Command ScoreVerb()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV of survey responses: columns such as nps, csat, ces, segment, agent, importance_Availability, performance_Availability." };
        var command = new Command("score", "Survey responses -> the scorecard in the terminal (the survey measures only: see the note it prints).") { file };
        command.SetAction(result =>
        {
            var surveys = BundledData.LoadSurveys(result.GetValue(file)!);
            if (surveys.IgnoredColumns.Count > 0)
            {
                Console.Error.WriteLine($"score: ignored the columns {string.Join(", ", surveys.IgnoredColumns)} of {surveys.Path} (not survey columns).");
            }

            if (surveys.Responses.Count == 0)
            {
                throw new UserError($"{surveys.Path} has a header but no responses.");
            }

            var card = Scorecard.Compute(surveys.Responses, BundledData.ScorecardOptions);
            TerminalReport.Write(Console.Out, card, null);
            Console.WriteLine();
            Console.WriteLine(TerminalReport.LeftOut(card));
            return 0;
        });
        return command;
    }

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
