using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

/// <summary>
/// Stored events must keep loading: <c>Golden/*.json</c> hold events as earlier versions of the library wrote them
/// (<c>&lt;type&gt;.v&lt;schema version&gt;.json</c>; the v1 files were written by main before events carried a schema
/// version), and a whole history. Never edit a golden file: add one for a new schema version.
/// </summary>
public class ComplaintEventGoldenTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Complaints", "Golden");

    public static TheoryData<string> GoldenFiles() => [.. Directory.GetFiles(GoldenDirectory, "*.v*.json").Select(f => Path.GetFileName(f)).Where(f => !f.StartsWith("history", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void GoldenFiles_EveryKnownEventType_HasOne()
    {
        var types = Directory.GetFiles(GoldenDirectory, "*.v*.json").Select(f => Path.GetFileName(f).Split(".v")[0]).Where(t => t != "history").ToHashSet(StringComparer.Ordinal);

        Assert.All(ComplaintEventSerializer.KnownTypes, t => Assert.Contains(t, types));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Deserialize_GoldenEvent_ReadsItsTypeAndCommonPart(string file)
    {
        string json = File.ReadAllText(Path.Combine(GoldenDirectory, file));

        var e = ComplaintEventSerializer.Deserialize(json);

        Assert.Equal(file.Split(".v")[0], ComplaintEventSerializer.KnownTypes[KnownIndex(e)]);
        Assert.False(string.IsNullOrEmpty(e.ComplaintId));
        Assert.True(e.Version >= 1);
        Assert.Equal(e, ComplaintEventSerializer.Deserialize(ComplaintEventSerializer.Serialize(e)));
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
        Assert.Equal((ComplaintState.Withdrawn, 20L, 2, 2), (s.State, s.Version, s.EscalationLevel, s.ReopenCount));
        Assert.Equal(("Replace the whole unit", ComplaintTestKit.Start.AddDays(1).AddHours(5)), (s.CommittedAction, s.CommitmentDueAt));
        Assert.Equal(ComplaintTestKit.Start.AddDays(1).AddHours(4), s.ResolvedAt);
        Assert.Equal(ComplaintTestKit.Start, s.ClosedAt);
        Assert.Equal(17, s.ClientContacts);
        var sla = c.EvaluateSla(ComplaintTestKit.Start.AddDays(2));
        Assert.Equal(TimeSpan.FromHours(4), sla.Resolve.Elapsed);
    }

    private static int KnownIndex(ComplaintEvent e)
    {
        string json = ComplaintEventSerializer.Serialize(e);
        string type = json[(json.IndexOf(':', StringComparison.Ordinal) + 2)..json.IndexOf(',', StringComparison.Ordinal)].TrimEnd('"');
        return ComplaintEventSerializer.KnownTypes.ToList().IndexOf(type);
    }
}
