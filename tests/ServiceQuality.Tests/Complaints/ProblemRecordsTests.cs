using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ProblemRecordsTests
{
    [Fact]
    public void Apply_ComplaintsOfSeveralClientsLinkedAndMoved_RecordsEachProblemFromTheEvents()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var a = Receive(lifecycle, "C-A", "ann");
        var b = Receive(lifecycle, "C-B", "bob");
        var c = Receive(lifecycle, "C-C", "ann");
        a.LinkProblem("desk", "PRB-VPN").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(1));
        b.LinkProblem("desk", "PRB-VPN").EnsureAccepted();
        c.LinkProblem("desk", "PRB-PRINT").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(1));
        c.LinkProblem("desk", "PRB-VPN").EnsureAccepted();                 // moved: no longer under PRB-PRINT
        b.Withdraw("bob", ContactChannel.Email, "works again").EnsureAccepted();

        var records = new ProblemRecords();
        // Interleaved as a global feed would give them: each complaint's events in order.
        int applied = records.ApplyAll(a.History.Concat(b.History).Concat(c.History).OrderBy(e => e.At).ThenBy(e => e.ComplaintId, StringComparer.Ordinal));

        Assert.Equal(a.Version + b.Version + c.Version, applied);
        var vpn = records.Get("PRB-VPN")!;
        Assert.Equal(("PRB-VPN", 2, ComplaintTestKit.Start, ComplaintTestKit.Start.AddHours(2)), (vpn.ProblemId, vpn.OpenComplaints, vpn.FirstLinkedAt, vpn.LastLinkedAt));
        Assert.Equal(["C-A", "C-B", "C-C"], vpn.ComplaintIds);
        Assert.Equal(["ann", "bob"], vpn.ClientIds);
        Assert.Null(records.Get("PRB-PRINT"));
        Assert.Equal(1, records.Count);
        Assert.Equal(["PRB-VPN"], records.GetAll().Select(p => p.ProblemId));
    }

    [Fact]
    public void Apply_FeedReadAgainFromAnEarlierCheckpoint_ChangesNothing()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var a = Receive(lifecycle, "C-A", "ann");
        a.LinkProblem("desk", "PRB-1").EnsureAccepted();
        a.UnlinkProblem("desk", "wrong problem").EnsureAccepted();
        var records = new ProblemRecords();
        records.ApplyAll(a.History);

        Assert.Equal(0, records.ApplyAll(a.History.Skip(1)));
        Assert.Null(records.Get("PRB-1"));
    }

    [Fact]
    public void Apply_AVersionSkippedOrNoReceipt_ArgumentErrorNamingTheGap()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var a = Receive(lifecycle, "C-A", "ann");
        a.LinkProblem("desk", "PRB-1").EnsureAccepted();
        a.LinkProblem("desk", "PRB-2").EnsureAccepted();
        var records = new ProblemRecords();

        var noReceipt = Assert.Throws<ArgumentException>("complaintEvent", () => records.Apply(a.History[1]));
        records.Apply(a.History[0]);
        var gap = Assert.Throws<ArgumentException>("complaintEvent", () => records.Apply(a.History[2]));

        Assert.StartsWith("The first event applied for complaint 'C-A' is LinkedToProblem at version 2;", noReceipt.Message, StringComparison.Ordinal);
        Assert.StartsWith("Event 3 of complaint 'C-A' (LinkedToProblem) follows version 1: versions 2 to 2 were not applied.", gap.Message, StringComparison.Ordinal);
    }

    private static Complaint Receive(ComplaintLifecycle lifecycle, string id, string client) => lifecycle.Receive(
        new ReceiveComplaintRequest
        {
            ComplaintId = id, ClientId = client, Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Text = "The VPN drops every hour.", Actor = "desk",
        },
        ComplaintTestKit.Normalizer);
}
