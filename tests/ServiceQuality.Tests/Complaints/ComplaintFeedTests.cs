using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintFeedTests
{
    [Fact]
    public void Position_OrdersByCommitThenSequence_AndRoundTripsAsText()
    {
        ComplaintFeedPosition[] sorted = [ComplaintFeedPosition.Start, new(0, 5), new(7, 2), new(7, 9), new(8, 1)];

        Assert.Equal(sorted, sorted.Reverse().Order());
        Assert.True(new ComplaintFeedPosition(7, 2) < new ComplaintFeedPosition(7, 9) && new ComplaintFeedPosition(8, 1) > new ComplaintFeedPosition(7, 9));
        Assert.All(sorted, p => Assert.Equal(p, ComplaintFeedPosition.Parse(p.ToString())));
        Assert.Equal("1042:17", new ComplaintFeedPosition(1042, 17).ToString());
        var ex = Assert.Throws<FormatException>(() => ComplaintFeedPosition.Parse("12.5"));
        Assert.Equal("'12.5' is not a feed position; valid: two non-negative integers separated by a colon, e.g. '0:0' or '1042:1042'.", ex.Message);
        Assert.Throws<FormatException>(() => ComplaintFeedPosition.Parse("-1:2"));
        Assert.Throws<ArgumentOutOfRangeException>("commit", () => new ComplaintFeedPosition(-1, 0));
    }

    [Fact]
    public void Page_EntriesOutOfOrderOrNotAfterTheStart_AreRefused()
    {
        var e = ComplaintTestKit.Receive(ComplaintTestKit.Create().Lifecycle).History[0];

        Assert.Equal(new ComplaintFeedPosition(3, 3), new ComplaintFeedPage(new(3, 3), []).Next);
        Assert.Equal(new ComplaintFeedPosition(5, 9), new ComplaintFeedPage(new(3, 3), [new() { Position = new(4, 4), Event = e }, new() { Position = new(5, 9), Event = e }]).Next);
        Assert.Throws<ArgumentException>("entries", () => new ComplaintFeedPage(new(3, 3), [new() { Position = new(3, 3), Event = e }]));
        Assert.Throws<ArgumentException>("entries", () => new ComplaintFeedPage(new(3, 3), [new() { Position = new(5, 5), Event = e }, new() { Position = new(4, 4), Event = e }]));
    }
}
