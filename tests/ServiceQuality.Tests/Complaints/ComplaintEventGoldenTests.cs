using System.Text.Json.Nodes;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Complaints;

/// <summary>
/// Stored events must keep loading: <c>Golden/&lt;type&gt;.v&lt;schema version&gt;.json</c> hold events as the library
/// wrote them at that schema version of their type (the v1 files of the first 17 types were written by main before
/// events carried a schema version, so they have none: missing means 1), and <c>history.v1.json</c> a whole history.
/// Never edit a golden file: a new schema version of a type gets a new file, and the old one must still be read.
/// </summary>
public class ComplaintEventGoldenTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Complaints", "Golden");

    public static TheoryData<string> GoldenFiles() => [.. GoldenFileNames()];

    [Fact]
    public void GoldenFiles_EveryKnownEventType_HasOneForEachOfItsSchemaVersionsAndAnUpcasterForEachOlderOne()
    {
        var files = GoldenFileNames().ToHashSet(StringComparer.Ordinal);
        var sample = ComplaintTestKit.EveryEventType().GroupBy(e => Discriminator(e)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var type in ComplaintEventSerializer.KnownTypes)
        {
            int current = sample[type].SchemaVersion;
            Assert.Equal(current, ComplaintEventSchemas.CurrentOf(type));
            Assert.Equal(current - 1, ComplaintEventSchemas.UpcasterCount(type));
            for (int v = 1; v <= current; v++)
            {
                Assert.True(files.Contains($"{type}.v{v}.json"), $"No golden file for schema version {v} of '{type}'.");
            }
        }

        Assert.All(files, f => Assert.Contains(f.Split(".v")[0], ComplaintEventSerializer.KnownTypes));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Deserialize_GoldenEvent_ReadsAtTheCurrentSchemaVersionOfItsType(string file)
    {
        string json = File.ReadAllText(Path.Combine(GoldenDirectory, file));
        var (type, version) = (file.Split(".v")[0], int.Parse(file.Split(".v")[1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture));

        var e = ComplaintEventSerializer.Deserialize(json);

        Assert.Equal(type, Discriminator(e));
        Assert.Equal(ComplaintEventSchemas.CurrentOf(type), e.SchemaVersion);
        Assert.False(string.IsNullOrEmpty(e.ComplaintId));
        Assert.Equal(e, ComplaintEventSerializer.Deserialize(ComplaintEventSerializer.Serialize(e)));
        Assert.Equal(e, ComplaintEventSerializer.DeserializeHistory($"[{json}]").Single());
        if (version == e.SchemaVersion)
        {
            // The current shape is frozen: what is written today is exactly the golden file (a file without a schema version is version 1).
            var golden = JsonNode.Parse(json)!.AsObject();
            golden["schemaVersion"] ??= 1;
            Assert.True(
                JsonNode.DeepEquals(golden, JsonNode.Parse(ComplaintEventSerializer.Serialize(e))),
                $"{file}: today's format differs from the golden file; give the type a new schema version, an upcaster and a new golden file.");
        }
    }

    [Fact]
    public void Deserialize_ReceivedV1_UpcastToVersion2WithNoNormalizedRecordTagsOrMetadata()
    {
        var e = Assert.IsType<ComplaintReceived>(ComplaintEventSerializer.Deserialize(File.ReadAllText(Path.Combine(GoldenDirectory, "received.v1.json"))));

        Assert.Equal((2, "C-1", "client-7", ClientSegment.External, Priority.Normal, "The VPN drops every hour and nobody tells me why!"),
            (e.SchemaVersion, e.ComplaintId, e.ClientId, e.Segment, e.Priority, e.Text));
        Assert.Null(e.Normalized);
        Assert.Empty(e.Tags);
        Assert.Empty(e.Metadata);
    }

    [Fact]
    public void Deserialize_ReceivedV2_CarriesTheNormalizedRecord()
    {
        var e = Assert.IsType<ComplaintReceived>(ComplaintEventSerializer.Deserialize(File.ReadAllText(Path.Combine(GoldenDirectory, "received.v2.json"))));

        var n = e.Normalized!;
        Assert.Equal("66ac4606f91d2395", n.IncidentKey);
        Assert.Equal(
            [
                new NormalizedFact(FactKind.System, "Outlook"), new NormalizedFact(FactKind.Occurrence, "again"), new NormalizedFact(FactKind.ErrorCode, "0x80070005"),
                new NormalizedFact(FactKind.Occurrence, "3 this week"), new NormalizedFact(FactKind.PeopleAffected, "20"), new NormalizedFact(FactKind.Reference, "INC-4471"),
            ],
            n.Facts);
        Assert.Equal(["Availability", "FirstTimeFix"], n.Areas.Select(a => a.Area));
        Assert.Equal((ImpactLevel.Team, true, 3), (n.Impact, n.IsRecurring, n.StatedOccurrences));
        Assert.Equal(["outlook", "floor-3"], e.Tags);
        Assert.Equal("Leeds", e.Metadata["site"]);
    }

    [Fact]
    public void Deserialize_NewerOrInvalidSchemaVersion_ErrorSaysSo()
    {
        string json = File.ReadAllText(Path.Combine(GoldenDirectory, "received.v2.json"));

        var newer = Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.Deserialize(json.Replace("\"schemaVersion\": 2", "\"schemaVersion\": 3", StringComparison.Ordinal)));
        var history = Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.DeserializeHistory($"[{json.Replace("\"schemaVersion\": 2", "\"schemaVersion\": 3", StringComparison.Ordinal)}]"));
        var invalid = Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.Deserialize(json.Replace("\"schemaVersion\": 2", "\"schemaVersion\": 0", StringComparison.Ordinal)));

        Assert.Equal("The event is a 'received' event of schema version 3; this version of the library reads up to version 2: it was written by a newer version.", newer.Message);
        Assert.Equal("received", newer.Discriminator);
        Assert.StartsWith("Element 0 is a 'received' event of schema version 3;", history.Message, StringComparison.Ordinal);
        Assert.Equal("The schemaVersion of the event is not a whole number from 1; the data is corrupt.", invalid.Message);
    }

    [Fact]
    public void DeserializeHistory_VersionsMixed_UpcastsTheOlderOnes()
    {
        string v1 = File.ReadAllText(Path.Combine(GoldenDirectory, "received.v1.json"));
        string v2 = File.ReadAllText(Path.Combine(GoldenDirectory, "received.v2.json"));
        string ack = File.ReadAllText(Path.Combine(GoldenDirectory, "acknowledged.v1.json"));

        var history = ComplaintEventSerializer.DeserializeHistory($"[{v1},{ack},{v2}]");

        Assert.Equal([2, 1, 2], history.Select(e => e.SchemaVersion));
        Assert.Null(((ComplaintReceived)history[0]).Normalized);
        Assert.NotNull(((ComplaintReceived)history[2]).Normalized);
    }

    [Fact]
    public void Replay_GoldenHistoryV1_RebuildsTheStateItWasWrittenIn()
    {
        var history = ComplaintEventSerializer.DeserializeHistory(File.ReadAllText(Path.Combine(GoldenDirectory, "history.v1.json")));
        var (_, lifecycle) = ComplaintTestKit.Create();

        var c = lifecycle.Replay(history);

        var s = c.Snapshot;
        Assert.Equal(("C-1", "client-7", ClientSegment.External, Priority.Normal), (s.Id, s.ClientId, s.Segment, s.Priority));
        Assert.Equal("The VPN drops every hour and nobody tells me why!", s.Text);
        Assert.Null(s.Normalized);
        Assert.Equal((ComplaintState.Withdrawn, 20L, 2, 2), (s.State, s.Version, s.EscalationLevel, s.ReopenCount));
        Assert.Equal(("Replace the whole unit", ComplaintTestKit.Start.AddDays(1).AddHours(5)), (s.CommittedAction, s.CommitmentDueAt));
        Assert.Equal(ComplaintTestKit.Start.AddDays(1).AddHours(4), s.ResolvedAt);
        Assert.Equal(ComplaintTestKit.Start, s.ClosedAt);
        Assert.Equal(17, s.ClientContacts);
        var sla = c.EvaluateSla(ComplaintTestKit.Start.AddDays(2));
        Assert.Equal(TimeSpan.FromHours(4), sla.Resolve.Elapsed);
    }

    private static IEnumerable<string> GoldenFileNames() =>
        Directory.GetFiles(GoldenDirectory, "*.v*.json").Select(f => Path.GetFileName(f)).Where(f => !f.StartsWith("history.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string Discriminator(ComplaintEvent e) => (string)JsonNode.Parse(ComplaintEventSerializer.Serialize(e))!["type"]!;
}
