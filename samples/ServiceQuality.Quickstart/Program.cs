using System.CommandLine;
using ServiceQuality.Quickstart;
using ServiceQuality.Quickstart.Pipeline;

// The Quickstart. With no arguments: the whole pipeline on the bundled data (the main job).
// Verbs: normalize (complaint texts -> JSON lines) and score (a CSV of survey responses -> scorecard).
// Exit codes: 0 done, 1 a mistake in the input (one line naming the file, line and column), 2 a mistake in the command.
var root = Cli.Build();
ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"quickstart: {string.Join(" ", parsed.Errors.Select(e => e.Message))} (--help for the usage)");
    return 2;
}

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UserError ex)
{
    Console.Error.WriteLine($"{Cli.Verb(parsed)}: {ex.Message}");
    return 1;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{Cli.Verb(parsed)}: {ex.Message}");
    return 1;
}
