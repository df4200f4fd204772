using System.Globalization;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Sla;

namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>One complaint of the bundled data set (data/complaints.csv, written by data/generate.py).</summary>
internal sealed record BundledComplaint(
    string Id, DateTimeOffset ReceivedAt, string ClientId, ClientSegment Segment, ContactChannel Channel, Priority Priority,
    string Agent, ClientWant ExpectedWant, string Incident, string Tone, string Text);

/// <summary>Loads the bundled complaints and survey responses, or a user's own files in the same format.</summary>
internal static class BundledData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The bundled surveys ask CES with the CES 1.0 wording (1 = the least effort), so lower is better.</summary>
    public static ScorecardOptions ScorecardOptions { get; } = new() { Index = { CesDirection = ServiceQuality.Scoring.RatingDirection.LowerIsBetter } };

    public static IReadOnlyList<BundledComplaint> LoadComplaints(string path)
    {
        using var reader = new StreamReader(path);
        return [.. Csv.ReadRecords(reader).Select(r => new BundledComplaint(
            r["id"],
            DateTimeOffset.Parse(r["received_at"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            r["client_id"],
            Enum.Parse<ClientSegment>(r["segment"]),
            Enum.Parse<ContactChannel>(r["channel"]),
            Enum.Parse<Priority>(r["priority"]),
            r["agent"],
            Enum.Parse<ClientWant>(r["expected_want"]),
            r["incident"],
            r["tone"],
            r["text"]))];
    }

    /// <summary>
    /// Reads survey responses. Columns (any may be empty or absent): client_id, segment, agent, answered_at, nps (0-10),
    /// csat (1-5), ces (1-7), and for each client want W: importance_W and performance_W (1-5).
    /// </summary>
    public static IReadOnlyList<SurveyResponse> LoadSurveys(string path)
    {
        using var reader = new StreamReader(path);
        var responses = new List<SurveyResponse>();
        int line = 1;
        foreach (var r in Csv.ReadRecords(reader))
        {
            line++;
            try
            {
                var wants = new Dictionary<ClientWant, WantAnswer>();
                foreach (var want in Enum.GetValues<ClientWant>())
                {
                    if (Rating(r, $"importance_{want}", 1, 5) is { } importance && Rating(r, $"performance_{want}", 1, 5) is { } performance)
                    {
                        wants[want] = new WantAnswer(importance, performance);
                    }
                }

                responses.Add(new SurveyResponse
                {
                    ClientId = r.GetValueOrDefault("client_id") is { Length: > 0 } id ? id : $"row-{line}",
                    Segment = r.GetValueOrDefault("segment") is { Length: > 0 } s ? Enum.Parse<ClientSegment>(s, ignoreCase: true) : ClientSegment.External,
                    Agent = r.GetValueOrDefault("agent") is { Length: > 0 } a ? a : null,
                    AnsweredAt = r.GetValueOrDefault("answered_at") is { Length: > 0 } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : default,
                    Nps = Rating(r, "nps", 0, 10),
                    Csat = Rating(r, "csat", 1, 5),
                    Ces = Rating(r, "ces", 1, 7),
                    Wants = wants,
                });
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{path}, line {line}: {ex.Message}", ex);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"{path}, line {line}: {ex.Message}", ex);
            }
        }

        return responses;
    }

    /// <summary>Reads an optional rating and checks its scale here, so that an error names the line and the column.</summary>
    private static int? Rating(Dictionary<string, string> record, string column, int minimum, int maximum)
    {
        if (!record.TryGetValue(column, out var text) || text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < minimum || value > maximum)
        {
            throw new FormatException($"column {column} is '{text}'; valid: a whole number from {minimum} to {maximum}.");
        }

        return value;
    }
}
