using System.Globalization;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;

namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>One complaint of the bundled data set (data/complaints.csv, written by data/generate.py) or of a user's file.</summary>
internal sealed record BundledComplaint(
    string Id, DateTimeOffset ReceivedAt, string ClientId, ClientSegment Segment, ContactChannel Channel, Priority Priority,
    string Agent, string? Team, string Incident, string Tone, string Text);

/// <summary>
/// Loads the bundled complaints and survey responses, or a user's own files in the same format. Every value is checked
/// here, so that a mistake is reported with its file, line and column (<see cref="UserError"/>).
/// </summary>
internal static class BundledData
{
    /// <summary>The columns a complaints file must have; <c>team</c>, <c>incident</c>, <c>tone</c> and <c>expected_want</c> are optional.</summary>
    public static readonly string[] ComplaintColumns = ["id", "received_at", "client_id", "segment", "channel", "priority", "agent", "text"];

    /// <summary>The survey columns that carry a rating: nps, csat, ces and importance_W / performance_W for each client want W.</summary>
    public static readonly string[] RatingColumns = ["nps", "csat", "ces", .. Enum.GetValues<ClientWant>().SelectMany(w => new[] { $"importance_{w}", $"performance_{w}" })];

    /// <summary>The other survey columns read: who answered, when, and who served them.</summary>
    public static readonly string[] SurveyDetailColumns = ["response_id", "client_id", "segment", "agent", "team", "answered_at"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The bundled surveys ask CES with the CES 1.0 wording (1 = the least effort), so lower is better.</summary>
    public static ScorecardOptions ScorecardOptions { get; } = new() { Index = { CesDirection = ServiceQuality.Scoring.RatingDirection.LowerIsBetter } };

    public static IReadOnlyList<BundledComplaint> LoadComplaints(string path)
    {
        var table = CsvTable.Read(path);
        table.Require(ComplaintColumns, "a complaints file");
        var complaints = new List<BundledComplaint>(table.Records.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in table.Records)
        {
            string id = Text(r, "id");
            if (!ids.Add(id))
            {
                throw r.Error("id", $"'{id}' appears twice; each complaint needs its own id.");
            }

            complaints.Add(new BundledComplaint(
                id,
                Instant(r, "received_at"),
                Text(r, "client_id"),
                Choice<ClientSegment>(r, "segment"),
                Choice<ContactChannel>(r, "channel"),
                Choice<Priority>(r, "priority"),
                Text(r, "agent"),
                r["team"] is { Length: > 0 } team ? team : null,
                r["incident"],
                r["tone"],
                Text(r, "text")));
        }

        if (complaints.Count == 0)
        {
            throw new UserError($"{table.Path} has a header but no complaints.");
        }

        return complaints;
    }

    /// <summary>
    /// Reads survey responses. Columns (any may be empty or absent, but at least one rating column must be there):
    /// response_id, client_id, segment, agent, team, answered_at, nps (0-10), csat (1-5), ces (1-7), and for each
    /// client want W: importance_W and performance_W (1-5).
    /// </summary>
    public static SurveyFile LoadSurveys(string path)
    {
        var table = CsvTable.Read(path);
        if (!RatingColumns.Any(table.Has))
        {
            throw new UserError($"{table.Path}, line 1: no rating column; a survey file needs at least one of nps, csat, ces, importance_W, performance_W (W a client want such as Availability); the header has {string.Join(", ", table.Header)}.");
        }

        var responses = new List<SurveyResponse>(table.Records.Count);
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in table.Records)
        {
            var wants = new Dictionary<ClientWant, WantAnswer>();
            foreach (var want in Enum.GetValues<ClientWant>())
            {
                if (Rating(r, $"importance_{want}", 1, 5) is { } importance && Rating(r, $"performance_{want}", 1, 5) is { } performance)
                {
                    wants[want] = new WantAnswer { Importance = importance, Performance = performance };
                }
            }

            string? agent = r["agent"] is { Length: > 0 } a ? a : null;
            if (agent is not null && r["team"] is { Length: > 0 } team)
            {
                teams.TryAdd(agent, team);
            }

            responses.Add(new SurveyResponse
            {
                ClientId = r["client_id"] is { Length: > 0 } id ? id : $"row-{r.Line}",
                Segment = r["segment"] is { Length: > 0 } ? Choice<ClientSegment>(r, "segment") : ClientSegment.External,
                Agent = agent,
                AnsweredAt = r["answered_at"] is { Length: > 0 } ? Instant(r, "answered_at") : default,
                Nps = Rating(r, "nps", 0, 10),
                Csat = Rating(r, "csat", 1, 5),
                Ces = Rating(r, "ces", 1, 7),
                Wants = wants,
            });
        }

        var ignored = table.Header.Where(c => !RatingColumns.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase) && !SurveyDetailColumns.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        return new SurveyFile(table.Path, responses, teams, ignored);
    }

    private static string Text(CsvRecord record, string column) =>
        record[column] is { Length: > 0 } text ? text : throw record.Error(column, "empty; a value is required.");

    private static DateTimeOffset Instant(CsvRecord record, string column) =>
        DateTimeOffset.TryParse(record[column], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw record.Error(column, $"'{record[column]}' is not a date and time; expected ISO 8601, e.g. 2026-09-06T14:11:00Z.");

    private static T Choice<T>(CsvRecord record, string column)
        where T : struct, Enum =>
        Enum.TryParse<T>(record[column], ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(record[column], out _)
            ? value
            : throw record.Error(column, $"'{record[column]}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>Reads an optional rating and checks its scale here, so that an error names the line and the column.</summary>
    private static int? Rating(CsvRecord record, string column, int minimum, int maximum)
    {
        if (record[column] is not { Length: > 0 } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < minimum || value > maximum)
        {
            throw record.Error(column, $"'{text}'; valid: a whole number from {minimum} to {maximum}.");
        }

        return value;
    }
}

/// <summary>The survey responses of a file, the team of each agent where the file names one, and the columns it ignored.</summary>
internal sealed record SurveyFile(string Path, IReadOnlyList<SurveyResponse> Responses, IReadOnlyDictionary<string, string> Teams, IReadOnlyList<string> IgnoredColumns);
