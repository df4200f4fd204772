using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Normalization;
using ServiceQuality.Quickstart.Pipeline;

/// <summary>
/// The <c>normalize</c> verb: reads complaint texts (one a line, or a CSV file with a named text column) and writes
/// one JSON object a line.
/// Usage: normalize [--input FILE] [--output FILE] [--csv-column NAME] [--reference-date YYYY-MM-DD].
/// </summary>
internal static class NormalizeCommand
{
    public static int Run(string[] args)
    {
        string? input = null, output = null, column = null;
        DateOnly? reference = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--input" when value is not null:
                    input = value;
                    i++;
                    break;
                case "--output" when value is not null:
                    output = value;
                    i++;
                    break;
                case "--csv-column" when value is not null:
                    column = value;
                    i++;
                    break;
                case "--reference-date" when value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date):
                    reference = date;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"normalize: unknown or incomplete option '{args[i]}'.");
                    Console.Error.WriteLine("usage: normalize [--input FILE] [--output FILE] [--csv-column NAME] [--reference-date YYYY-MM-DD]");
                    return 2;
            }
        }

        using var reader = input is null ? Console.In : new StreamReader(input, Encoding.UTF8);
        using var writer = output is null ? Console.Out : new StreamWriter(output, false, new UTF8Encoding(false));
        IEnumerable<string> texts;
        if (column is null)
        {
            texts = Lines(reader);
        }
        else
        {
            var rows = Csv.ReadRows(reader).GetEnumerator();
            if (!rows.MoveNext())
            {
                Console.Error.WriteLine("normalize: the CSV input is empty.");
                return 1;
            }

            var index = Array.IndexOf(rows.Current, column);
            if (index < 0)
            {
                Console.Error.WriteLine($"normalize: the CSV header has no column '{column}'; it has: {string.Join(", ", rows.Current)}.");
                return 1;
            }

            texts = Column(rows, index);
        }

        var normalizer = new ComplaintNormalizer();
        var context = new NormalizationContext(reference);
        var count = 0;
        foreach (var text in texts)
        {
            var record = normalizer.Normalize(text, context);
            var line = new NormalizedLine(
                record.CanonicalText,
                [.. record.Facts.Select(f => new FactLine(f.Kind.ToString(), f.Value, f.Start, f.Length))],
                record.Areas.ToDictionary(a => a.Area, a => a.Evidence.ToArray()),
                record.Impact.ToString(),
                record.Recurrence.IsRecurring,
                record.IncidentKeyText,
                record.FingerprintText,
                record.Neutralized);
            writer.WriteLine(JsonSerializer.Serialize(line, NormalizeJsonContext.Default.NormalizedLine));
            count++;
        }

        Console.Error.WriteLine($"normalize: {count} complaints.");
        return 0;
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Column(IEnumerator<string[]> rows, int index)
    {
        while (rows.MoveNext())
        {
            if (index < rows.Current.Length && rows.Current[index].Length > 0)
            {
                yield return rows.Current[index];
            }
        }
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
