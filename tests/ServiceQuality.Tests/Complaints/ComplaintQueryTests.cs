using System.Text;
using FsCheck.Xunit;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintQueryTests
{
    private static readonly int[] CodePoints = ['a', 'Z', 0xE9, 0x3A9, 0x65E5, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF];

    [Property(MaxTest = 500)]
    public void ComplaintIdOrder_IsUtf8ByteOrder(byte[] a, byte[] b)
    {
        string x = Text(a), y = Text(b);

        int expected = Math.Sign(Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));

        Assert.Equal(expected, Math.Sign(ComplaintQuery.ComplaintIdOrder.Compare(x, y)));

        static string Text(byte[]? picks) => string.Concat((picks ?? []).Select(p => char.ConvertFromUtf32(CodePoints[p % CodePoints.Length])));
    }

    [Fact]
    public void InState_EverySuperstate_ExpandsAsTheLifecycleDefinitionNestsStates()
    {
        var definition = new ComplaintLifecycle().Definition;

        foreach (var state in Enum.GetValues<ComplaintState>())
        {
            var expected = ComplaintTestKit.LeafStates.Where(leaf => definition.IsInState(leaf, state)).Order();
            Assert.Equal(expected, ComplaintQuery.InState(state).States);
        }

        Assert.Equal(
            [ComplaintState.Received, ComplaintState.Acknowledged, ComplaintState.Investigating, ComplaintState.AwaitingClient, ComplaintState.HelpOffered, ComplaintState.Committed, ComplaintState.Resolved],
            ComplaintQuery.InState(ComplaintState.Open).States);
    }

    [Fact]
    public void Factories_BadArguments_ThrowWithTheValidRange()
    {
        Assert.Throws<ArgumentException>("leafStates", () => ComplaintQuery.InStates([]));
        var superstate = Assert.Throws<ArgumentException>("leafStates", () => ComplaintQuery.InStates([ComplaintState.Engaged]));
        Assert.StartsWith("'Engaged' is not a leaf state. Valid: Received, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed, Withdrawn", superstate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("leafStates", () => ComplaintQuery.InStates([(ComplaintState)42]));
        Assert.Throws<ArgumentOutOfRangeException>("state", () => ComplaintQuery.InState((ComplaintState)42));
        Assert.Throws<ArgumentException>("clientId", () => ComplaintQuery.ByClient(" "));
        Assert.Throws<ArgumentException>("incidentKey", () => ComplaintQuery.ByIncidentKey("k\uD800"));
        Assert.Throws<ArgumentException>("to", () => ComplaintQuery.ReceivedBetween(ComplaintTestKit.Start, ComplaintTestKit.Start.AddTicks(-1)));
        var limit = Assert.Throws<ArgumentOutOfRangeException>("limit", () => ComplaintQuery.ByClient("a").WithLimit(0));
        Assert.StartsWith("The limit must be from 1 to 10000.", limit.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("limit", () => ComplaintQuery.ByClient("a").WithLimit(10_001));
        Assert.Equal(10_000, ComplaintQuery.ByClient("a").WithLimit(10_000).Limit);
        Assert.Equal(ComplaintQuery.DefaultLimit, ComplaintQuery.ByClient("a").Limit);
    }

    [Fact]
    public void After_TokenOfAnotherKindOrGarbage_ThrowsArgumentException()
    {
        var byClient = ComplaintQuery.ByClient("ann");
        string token = byClient.ContinuationAfter(Summary("C-7", ComplaintTestKit.Start));

        Assert.Equal((ComplaintTestKit.Start, "C-7"), byClient.After(token).Cursor);
        var ex = Assert.Throws<ArgumentException>("continuation", () => ComplaintQuery.InState(ComplaintState.Open).After(token));
        Assert.StartsWith("The continuation token is not one a page of this query returned", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("continuation", () => byClient.After("not base64 !"));
        Assert.Throws<ArgumentException>("continuation", () => byClient.After("AAAA"));
        Assert.Null(byClient.After(null).Cursor);
    }

    [Property(MaxTest = 200)]
    public void ContinuationAfter_ThenAfter_RoundTripsTheCursor(long ticks, byte[] id)
    {
        var at = new DateTimeOffset(Math.Abs(ticks % DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
        string complaintId = "id-" + string.Concat((id ?? []).Select(b => char.ConvertFromUtf32(CodePoints[b % CodePoints.Length])));
        var query = ComplaintQuery.DueBy(DateTimeOffset.MaxValue);
        var summary = Summary(complaintId, ComplaintTestKit.Start) with { NextDue = new ComplaintDue { At = at, Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Update } };

        var next = query.After(query.ContinuationAfter(summary));

        Assert.Equal((at, complaintId), next.Cursor);
        Assert.False(next.IsAfterCursor(summary));
        Assert.True(next.IsAfterCursor(summary with { ComplaintId = complaintId + "a" }));
    }

    [Fact]
    public void PageFrom_OneMoreThanTheLimit_HasAContinuationAfterTheLastItem()
    {
        var query = ComplaintQuery.ByClient("ann").WithLimit(2);
        ComplaintStreamInfo[] fetched = [Summary("A", ComplaintTestKit.Start), Summary("B", ComplaintTestKit.Start), Summary("C", ComplaintTestKit.Start)];

        var page = ComplaintPage.From(query, fetched);

        Assert.Equal(["A", "B"], page.Items.Select(i => i.ComplaintId));
        Assert.Equal((ComplaintTestKit.Start, "B"), query.After(page.Continuation).Cursor);
        Assert.Null(ComplaintPage.From(query, fetched[..2]).Continuation);
        Assert.Throws<ArgumentException>("fetched", () => ComplaintPage.From(query, [.. fetched, fetched[0]]));
    }

    [Fact]
    public void SortKeyOf_DueQueryWithNothingDue_Throws()
    {
        Assert.Throws<ArgumentException>("summary", () => ComplaintQuery.DueBy(ComplaintTestKit.Start).SortKeyOf(Summary("A", ComplaintTestKit.Start)));
    }

    internal static ComplaintStreamInfo Summary(string id, DateTimeOffset receivedAt) => new()
    {
        ComplaintId = id, ClientId = "ann", State = ComplaintState.Received, Version = 1, ReceivedAt = receivedAt, LastEventAt = receivedAt, Priority = Priority.Normal,
    };
}
