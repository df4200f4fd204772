using ServiceQuality.Insights;
using ServiceQuality.Quickstart.Pipeline;
using ServiceQuality.Quickstart.Report;

// The Quickstart. With no arguments: the whole pipeline on the bundled data (the main job).
// Verbs: normalize (complaint texts -> JSON lines) and score (a CSV of survey responses -> scorecard).
if (args.Length > 0 && args[0] == "normalize")
{
    return NormalizeCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] is "--help" or "-h" or "help")
{
    Console.WriteLine("""
        ServiceQuality Quickstart
          (no arguments)                 run the whole pipeline on the bundled data; writes scorecard.html and keeps the
                                         complaints in servicequality.db (SQLite); a second run reads them from there
          --db FILE                      the SQLite file for the complaints (default: servicequality.db here)
          --complaints FILE --surveys FILE --html FILE
                                         the same on your own files (columns as in data/*.csv)
          normalize [--input FILE] [--output FILE] [--csv-column NAME] [--reference-date YYYY-MM-DD]
                                         complaint texts (one a line, or a CSV column) -> one JSON object a line
          score FILE                     a CSV of survey responses -> the scorecard in the terminal
        """);
    return 0;
}

if (args.Length > 0 && args[0] == "score")
{
    if (args.Length < 2 || !File.Exists(args[1]))
    {
        Console.Error.WriteLine("usage: score FILE   (a CSV with columns such as nps, csat, ces, segment, agent, importance_Availability, performance_Availability)");
        return 2;
    }

    try
    {
        var responses = BundledData.LoadSurveys(args[1]);
        TerminalReport.Write(Console.Out, Scorecard.Compute(responses, BundledData.ScorecardOptions), null);
        return 0;
    }
    catch (FormatException ex)
    {
        Console.Error.WriteLine($"score: {ex.Message}");
        return 1;
    }
}

string complaints = Option("--complaints") ?? Path.Combine(BundledData.Folder, "complaints.csv");
string surveys = Option("--surveys") ?? Path.Combine(BundledData.Folder, "surveys.csv");
string html = Path.GetFullPath(Option("--html") ?? "scorecard.html");
string db = Path.GetFullPath(Option("--db") ?? "servicequality.db");
Console.WriteLine($"Complaints are kept in {db} (SQLite; --db to choose another file).");
var progress = new Progress(Console.Out, !Console.IsOutputRedirected);
QuickstartResults results;
try
{
    results = await MainJob.RunAsync(complaints, surveys, db, progress);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

TerminalReport.Write(Console.Out, results.Scorecard, results);
await File.WriteAllTextAsync(html, ScorecardReport.Html(results));
Console.WriteLine($"Report written to {html}");
return 0;

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
