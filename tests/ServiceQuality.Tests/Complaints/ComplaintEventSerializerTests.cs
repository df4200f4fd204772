using FsCheck.Xunit;
using System.Text.Json;
using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintEventSerializerTests
{
    [Fact]
    public void SerializeHistory_EveryEventType_RoundTripsToEqualEvents()
    {
        var history = ComplaintTestKit.EveryEventType();
        Assert.Equal(ComplaintSerializerTypes(), history.Select(e => e.GetType()).Distinct().Count());

        string json = ComplaintEventSerializer.SerializeHistory(history);
        var back = ComplaintEventSerializer.DeserializeHistory(json);

        Assert.Equal(history, back);
        Assert.Equal(history.Select(e => e.GetType()), back.Select(e => e.GetType()));
    }

    [Fact]
    public void SerializeSnapshot_AfterEveryEventOfEveryType_ReadsBackEqual()
    {
        var snapshots = new List<ComplaintSnapshot>();
        ComplaintTestKit.EveryEventType(c => snapshots.Add(c.Snapshot));
        Assert.All(snapshots, s => Assert.NotNull(s.Normalized));
        Assert.Contains(snapshots, s => s.SlaAlerts.Count > 0 && s.Metadata.Count > 0 && s.Tags.Count > 0 && s.SurveyResponseIds.Count > 0);
        Assert.Contains(snapshots, s => s.HoldReason is not null && s.HeldSince is not null && s.Agent is not null && s.CommittedAction is not null);

        foreach (var snapshot in snapshots)
        {
            string json = ComplaintEventSerializer.SerializeSnapshot(snapshot);
            var back = ComplaintEventSerializer.DeserializeSnapshot(json);

            Assert.Equal(snapshot, back);
            Assert.Equal(json, ComplaintEventSerializer.SerializeSnapshot(back));
        }
    }

    [Property(MaxTest = 100)]
    public bool SerializeSnapshot_RandomWalk_RoundTripsEqual(int[] steps)
    {
        var snapshot = ComplaintTestKit.RandomWalk(steps).Snapshot;

        return ComplaintEventSerializer.DeserializeSnapshot(ComplaintEventSerializer.SerializeSnapshot(snapshot)) == snapshot;
    }

    [Fact]
    public void SerializeSnapshot_CamelCaseNamesAndStringEnums()
    {
        var snapshot = ComplaintTestKit.InState(ComplaintTestKit.Create().Lifecycle, ComplaintState.Acknowledged).Snapshot;

        using var json = JsonDocument.Parse(ComplaintEventSerializer.SerializeSnapshot(snapshot));

        Assert.Equal("C-1", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("Acknowledged", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("version").GetInt64());
    }

    /// <summary>
    /// <see cref="ServiceQuality.Normalization.ImpactLevel.Organization"/> was <c>Organisation</c> before 1.0, and stored
    /// received events hold that name in their normalized record: it is still what is written, and what is read.
    /// </summary>
    [Fact]
    public void Serialize_OrganizationImpact_WritesAndReadsTheStoredSpellingOrganisation()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var complaint = lifecycle.Receive(new ReceiveComplaintRequest
        {
            ComplaintId = "C-9", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email,
            Priority = Priority.High, Text = "Everyone is locked out of the payroll portal.", Actor = "desk",
        }, ComplaintTestKit.Normalizer);
        var received = Assert.IsType<ComplaintReceived>(Assert.Single(complaint.History));
        Assert.Equal(ServiceQuality.Normalization.ImpactLevel.Organization, received.Normalized!.Impact);

        string json = ComplaintEventSerializer.Serialize(received);
        using var document = JsonDocument.Parse(json);

        Assert.Equal("Organisation", document.RootElement.GetProperty("normalized").GetProperty("impact").GetString());
        Assert.DoesNotContain("Organization", json, StringComparison.Ordinal);
        Assert.Equal(received, ComplaintEventSerializer.Deserialize(json));
    }

    [Fact]
    public void DeserializeSnapshot_NullOrNotASnapshot_ClearErrors()
    {
        Assert.Throws<ArgumentNullException>("json", () => ComplaintEventSerializer.DeserializeSnapshot(null!));
        Assert.Throws<ArgumentNullException>("snapshot", () => ComplaintEventSerializer.SerializeSnapshot(null!));
        var e = Assert.Throws<JsonException>(() => ComplaintEventSerializer.DeserializeSnapshot("null"));
        Assert.Equal("The JSON is null; a complaint snapshot was expected.", e.Message);
        Assert.ThrowsAny<JsonException>(() => ComplaintEventSerializer.DeserializeSnapshot("[1]"));
    }

    [Fact]
    public void Serialize_EveryEventType_WritesNoDerivedProperties()
    {
        // Command and IsMomentOfTruth follow from the type and the channel; stored data must not carry them.
        foreach (var e in ComplaintTestKit.EveryEventType())
        {
            using var json = JsonDocument.Parse(ComplaintEventSerializer.Serialize(e));
            Assert.False(json.RootElement.TryGetProperty("command", out _), $"{e.GetType().Name} wrote a command property");
            Assert.False(json.RootElement.TryGetProperty("isMomentOfTruth", out _), $"{e.GetType().Name} wrote isMomentOfTruth");
        }
    }

    [Fact]
    public void Serialize_OneEvent_HasTheDiscriminatorAndCamelCaseNamesAndStringEnums()
    {
        var e = ComplaintTestKit.EveryEventType().OfType<ActionCommitted>().Last();

        string json = ComplaintEventSerializer.Serialize(e);

        Assert.StartsWith("{\"type\":\"action-committed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"channel\":\"Phone\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dueAt\":", json, StringComparison.Ordinal);
        Assert.Equal(e, ComplaintEventSerializer.Deserialize(json));
    }

    [Fact]
    public void Deserialize_DiscriminatorNotFirst_StillReads()
    {
        var e = ComplaintTestKit.EveryEventType()[1];
        string json = ComplaintEventSerializer.Serialize(e);
        string reordered = "{" + json[(json.IndexOf(',', StringComparison.Ordinal) + 1)..^1] + ",\"type\":\"acknowledged\"}";

        Assert.Equal(e, ComplaintEventSerializer.Deserialize(reordered));
    }

    [Fact]
    public void DeserializeHistory_UnknownDiscriminator_ErrorNamesItAndItsPosition()
    {
        var history = ComplaintTestKit.EveryEventType().Take(3).ToList();
        string json = ComplaintEventSerializer.SerializeHistory(history).Replace("\"type\":\"investigation-started\"", "\"type\":\"complaint-teleported\"", StringComparison.Ordinal);

        var ex = Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.DeserializeHistory(json));

        Assert.Equal("complaint-teleported", ex.Discriminator);
        Assert.StartsWith("Unknown complaint event type 'complaint-teleported' in element 2;", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Known types: received, acknowledged,", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(ex);
    }

    [Fact]
    public void Deserialize_MissingOrBrokenData_ClearErrors()
    {
        var missing = Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.Deserialize("{\"complaintId\":\"C-1\"}"));
        Assert.StartsWith("The event has no \"type\" discriminator.", missing.Message, StringComparison.Ordinal);
        Assert.Null(missing.Discriminator);

        var broken = Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.Deserialize("{\"type\":"));
        Assert.StartsWith("The stored complaint event data is invalid:", broken.Message, StringComparison.Ordinal);
        Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.Deserialize("null"));
        Assert.Throws<ComplaintEventFormatException>(() => ComplaintEventSerializer.DeserializeHistory("[null]"));
    }

    private static int ComplaintSerializerTypes() => ComplaintEventSerializer.KnownTypes.Count;
}
