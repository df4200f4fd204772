using System.Text.Json.Nodes;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Complaints;

/// <summary>The stored normalized record keeps the areas' weights, so the primary area is read from the store (issue 11).</summary>
public class NormalizedRecordTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Complaints", "Golden");

    [Fact]
    public void From_NormalizedComplaint_KeepsTheWeightsAndThePrimaryArea()
    {
        var normalized = new ComplaintNormalizer().Normalize("Outlook is down. It crashed and is offline. Nobody told us.");

        var record = NormalizedRecord.From(normalized);

        Assert.Equal([("Communication", (double?)3.36), ("Availability", 3.91)], record.Areas.Select(a => (a.Area, a.Weight)));
        Assert.Equal(["Availability", "Communication"], record.RankedAreas.Select(a => a.Area));
        Assert.Equal("Availability", record.PrimaryArea);
    }

    [Fact]
    public void Serialize_ReceivedWithWeighedAreas_WritesTheWeightAndReadsItBack()
    {
        var normalized = NormalizedRecord.From(new ComplaintNormalizer().Normalize("Outlook is down. It crashed and is offline. Nobody told us."));
        var golden = Assert.IsType<ComplaintReceived>(ComplaintEventSerializer.Deserialize(File.ReadAllText(Path.Combine(GoldenDirectory, "received.v2.json"))));
        var received = golden with { Normalized = normalized };

        var json = ComplaintEventSerializer.Serialize(received);
        var back = Assert.IsType<ComplaintReceived>(ComplaintEventSerializer.Deserialize(json));

        var areas = JsonNode.Parse(json)!["normalized"]!["areas"]!.AsArray();
        Assert.Equal([3.36, 3.91], areas.Select(a => (double)a!["weight"]!));
        Assert.Null(JsonNode.Parse(json)!["normalized"]!["primaryArea"]);
        Assert.Equal(received, back);
        Assert.Equal("Availability", back.Normalized!.PrimaryArea);
    }

    [Fact]
    public void Deserialize_ReceivedV2WrittenBeforeWeights_HasNoPrimaryAreaAndKeepsTheStoredOrder()
    {
        var e = Assert.IsType<ComplaintReceived>(ComplaintEventSerializer.Deserialize(File.ReadAllText(Path.Combine(GoldenDirectory, "received.v2.json"))));

        var n = e.Normalized!;
        Assert.All(n.Areas, a => Assert.Null(a.Weight));
        Assert.Null(n.PrimaryArea);
        Assert.Equal(["Availability", "FirstTimeFix"], n.RankedAreas.Select(a => a.Area));
        Assert.DoesNotContain("weight", ComplaintEventSerializer.Serialize(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_AreasDifferingOnlyInWeight_AreNotEqual()
    {
        var a = new NormalizedArea("Availability", ["down"]) { Weight = 1.5 };

        Assert.NotEqual(a, a with { Weight = 1.25 });
        Assert.NotEqual(a, a with { Weight = null });
        Assert.Equal(a, new NormalizedArea("Availability", ["down"]) { Weight = 1.5 });
    }
}
