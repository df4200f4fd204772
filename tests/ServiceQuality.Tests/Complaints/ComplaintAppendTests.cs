using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintAppendTests
{
    [Fact]
    public void Of_ComplaintWithPendingEvents_CarriesTheEventsTheVersionAndTheSummary()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);

        var append = ComplaintAppend.Of(c);

        Assert.Equal((0L, 3L, "C-1"), (append.ExpectedVersion, append.NewVersion, append.ComplaintId));
        Assert.Equal(c.History, append.Events);
        Assert.Equal(
            new ComplaintStreamInfo
            {
                ComplaintId = "C-1", ClientId = "client-7", State = ComplaintState.Investigating, Version = 3, ReceivedAt = ComplaintTestKit.Start,
                LastEventAt = ComplaintTestKit.Start, Priority = Priority.Normal, IncidentKey = c.Snapshot.Normalized!.IncidentKey,
                NextDue = new ComplaintDue { At = ComplaintTestKit.Start.AddHours(12), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Update }, // update every day, at risk at half
            },
            append.Summary);
        var stored = lifecycle.Replay(c.History);
        Assert.Throws<ArgumentException>("complaint", () => ComplaintAppend.Of(stored));
    }

    [Fact]
    public void Constructor_BadEventsOrSummary_ThrowArgumentExceptions()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        var h = c.History;
        var summary = ComplaintStreamInfo.Of(c);
        var first = ComplaintStreamInfo.Of(lifecycle.Replay(h.Take(1)));

        Assert.Throws<ArgumentException>("events", () => new ComplaintAppend(0, [], summary));
        Assert.Throws<ArgumentNullException>("events", () => new ComplaintAppend(0, null!, summary));
        Assert.Throws<ArgumentNullException>("summary", () => new ComplaintAppend(0, h, null!));
        Assert.Throws<ArgumentOutOfRangeException>("expectedVersion", () => new ComplaintAppend(-1, h, summary));
        Assert.Throws<ArgumentException>("events", () => new ComplaintAppend(0, [h[0], h[2]], summary));
        Assert.Throws<ArgumentException>("events", () => new ComplaintAppend(0, [h[0], null!], summary));
        Assert.Throws<ArgumentException>("events", () => new ComplaintAppend(0, [h[1] with { Version = 1 }], first));
        Assert.Throws<ArgumentException>("events", () => new ComplaintAppend(2, [h[0] with { Version = 3 }], summary));
        Assert.Throws<ArgumentException>("events", () => new ComplaintAppend(0, h, summary with { ComplaintId = "C-9" }));
        var wrongVersion = Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { Version = 2 }));
        Assert.StartsWith("The summary says version 2, Investigating, last event at 2026-03-02T09:00:00.0000000+00:00; the last event is version 3, Investigating, at 2026-03-02T09:00:00.0000000+00:00.", wrongVersion.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { State = ComplaintState.Received }));
        Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { ClientId = "someone-else" }));
        Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { ReceivedAt = ComplaintTestKit.Start.AddHours(1) }));
        Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { IncidentKey = " " }));
        Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { Agent = "ann\0" }));
        Assert.Throws<ArgumentException>("summary", () => new ComplaintAppend(0, h, summary with { ComplaintId = " " }));
    }
}
