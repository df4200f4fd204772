using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Normalization;
using ServiceQuality.Quickstart.Pipeline;

/// <summary>
/// The <c>normalize</c> verb: reads complaint texts (one a line, or a CSV file with a named text column) and writes
/// one JSON object a line. Progress goes to the terminal only when the JSON goes to a file and stdout is a terminal.
/// </summary>
internal static class NormalizeCommand
{
    public static int Run(string? input, string? output, string? column, DateOnly? reference)
    {
        // Check both files before reading or writing anything.
        string? inputPath = input is null ? null : InputFiles.Existing(input);
        string? outputPath = output is null ? null : InputFiles.Writable(output);
        IReadOnlyList<string> texts;
        if (column is not null)
        {
            if (inputPath is null)
            {
                throw new UserError("--csv-column needs --input FILE (a CSV file).");
            }

            var table = CsvTable.Read(inputPath);
            if (!table.Has(column))
            {
                throw new UserError($"{table.Path}, line 1: no column '{column}'; the header has {string.Join(", ", table.Header)}.");
            }

            texts = [.. table.Records.Select(r => r[column]).Where(t => t.Length > 0)];
        }
        else
        {
            string text = inputPath is null ? Console.In.ReadToEnd() : InputFiles.ReadText(inputPath, "a text file, one complaint a line");
            texts = [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
        }

        var progress = new Progress(Console.Out, interactive: outputPath is not null && !Console.IsOutputRedirected);
        using var writer = outputPath is null ? null : new StreamWriter(outputPath, false, new UTF8Encoding(false));
        var sink = writer ?? Console.Out;
        var normalizer = new ComplaintNormalizer();
        var context = new NormalizationContext { ReferenceDate = reference };
        for (int i = 0; i < texts.Count; i++)
        {
            var record = normalizer.Normalize(texts[i], context);
            var line = new NormalizedLine(
                record.CanonicalText,
                [.. record.Facts.Select(f => new FactLine(f.Kind.ToString(), f.Value, f.Start, f.Length))],
                record.Areas.ToDictionary(a => a.Area, a => a.Evidence.ToArray()),
                record.Impact.ToString(),
                record.Recurrence.IsRecurring,
                record.IncidentKey,
                record.Fingerprint,
                record.Neutralized);
            sink.WriteLine(JsonSerializer.Serialize(line, NormalizeJsonContext.Default.NormalizedLine));
            progress.Step("Normalizing", i + 1, texts.Count);
        }

        if (outputPath is not null)
        {
            progress.Done($"Wrote {texts.Count} normalized complaints to {outputPath}.");
        }

        Console.Error.WriteLine($"normalize: {texts.Count} complaints.");
        return 0;
    }
}

internal sealed record FactLine(string Kind, string Value, int Start, int Length);

internal sealed record NormalizedLine(
    string CanonicalText,
    FactLine[] Facts,
    Dictionary<string, string[]> Areas,
    string Impact,
    bool Recurring,
    string IncidentKey,
    string Fingerprint,
    NeutralizedCounts Neutralized);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NormalizedLine))]
internal sealed partial class NormalizeJsonContext : JsonSerializerContext;
