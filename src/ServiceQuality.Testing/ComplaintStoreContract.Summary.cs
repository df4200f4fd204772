using ServiceQuality.Complaints;
using ServiceQuality.Sla;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>The summary <see cref="ComplaintService"/> computes from a real complaint (incident key, agent, next due) and the queries that read it.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>
    /// A complaint received through the service is found by its normalized incident key, and is due at its acknowledge
    /// clock's at-risk instant (a Normal complaint: acknowledge within 4 hours, at risk at half of it); once the monitor
    /// records that alert the next thing due is the breach, and an agent's assignment shows in the summary (a team alone
    /// is no agent).
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task QueryAsync_ReceivedComplaint_FoundByIncidentKeyAndDueAtEachNextInstant()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var vpn = await service.ReceiveAsync(Request("S-1", "The VPN drops every hour and nobody tells me why!"));
        await service.ReceiveAsync(Request("S-2", "The printer on floor 3 jams on every second page."));
        string key = vpn.Snapshot.Normalized!.IncidentKey;
        var atRisk = new ComplaintDue { At = Start.AddHours(2), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge };

        var byKey = (await store.QueryAsync(ComplaintQuery.ByIncidentKey(key))).Items;

        var found = Assert.Single(byKey);
        Assert.Equal(("S-1", key, (string?)null, (ComplaintDue?)atRisk), (found.ComplaintId, found.IncidentKey, found.Agent, found.NextDue));
        Assert.Empty(await IdsAsync(store, ComplaintQuery.DueBy(atRisk.At.AddTicks(-1))));
        Assert.Equal(["S-1", "S-2"], await IdsAsync(store, ComplaintQuery.DueBy(atRisk.At)));

        clock.Advance(TimeSpan.FromHours(2.5));
        var recorded = await service.ExecuteAsync("S-1", c => c.RecordSlaAlert("monitor", SlaClockKind.Acknowledge, SlaStatus.AtRisk));
        var again = await service.ExecuteAsync("S-1", c => c.RecordSlaAlert("monitor-2", SlaClockKind.Acknowledge, SlaStatus.AtRisk));

        Assert.True(recorded.Result.IsAccepted);
        Assert.False(again.Result.IsAccepted);
        Assert.Empty(again.Appended);
        Assert.Equal(new ComplaintDue { At = Start.AddHours(4), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Acknowledge }, (await store.GetSummaryAsync("S-1"))!.NextDue);
        Assert.Equal(["S-2"], await IdsAsync(store, ComplaintQuery.DueBy(Start.AddHours(2.5))));
        Assert.Equal(["S-2", "S-1"], await IdsAsync(store, ComplaintQuery.DueBy(Start.AddHours(4))));

        await service.ExecuteAsync("S-1", c => c.Assign("lead", "ann", "network"));
        await service.ExecuteAsync("S-2", c => c.Assign("lead", null, "facilities"));

        Assert.Equal("ann", (await store.GetSummaryAsync("S-1"))!.Agent);
        Assert.Null((await store.GetSummaryAsync("S-2"))!.Agent);
        Assert.NotEqual(key, (await store.GetSummaryAsync("S-2"))!.IncidentKey);
    }

    private static ReceiveComplaintRequest Request(string id, string text) => new()
    {
        ComplaintId = id, ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = text, Actor = "desk",
    };
}
