using FsCheck.Xunit;
using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintMeasuresTests
{
    [Fact]
    public void Of_ClosedAtFirstContact_CountsEveryMeasure()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);
        time.Advance(TimeSpan.FromMinutes(30));
        c.Acknowledge("ann", ContactChannel.Phone, "Thanks").EnsureAccepted();
        c.StartInvestigating("ann").EnsureAccepted();
        c.Apologize("ann", ContactChannel.Phone, "Sorry").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Phone, ["fix"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Phone, "fix", time.GetUtcNow().AddHours(4)).EnsureAccepted();
        time.Advance(TimeSpan.FromHours(2));
        c.DeliverFix("bob", ContactChannel.Phone, "fixed").EnsureAccepted();
        c.RecordClientConfirmation("client", ContactChannel.Phone).EnsureAccepted();

        var m = ComplaintMeasures.Of(c);

        Assert.Equal(TimeSpan.FromMinutes(30), m.MeanTimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(150), m.MeanTimeToResolve);
        Assert.Equal(1.0, m.FirstContactResolutionRate);
        Assert.Equal(0.0, m.ReopenRate);
        Assert.Equal(1.0, m.ApologyBeforeOfferAdherence);
        Assert.Equal(1.0, m.UpdateIntervalAdherence);
        Assert.Equal(m, ComplaintMeasures.Of(c.History, new ComplaintOptions(), time.GetUtcNow()));
    }

    [Fact]
    public void Of_RejectedFixOfferWithoutApologyAndLateUpdates_LowersTheRates()
    {
        var (time, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { RequireApologyBeforeHelp = false });
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        time.Advance(TimeSpan.FromDays(2));
        c.OfferHelp("ann", ContactChannel.Phone, ["fix"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Phone, "fix", time.GetUtcNow().AddHours(4)).EnsureAccepted();
        c.DeliverFix("bob", ContactChannel.Phone, "fixed").EnsureAccepted();
        c.RecordClientRejection("client", ContactChannel.Phone, "not fixed").EnsureAccepted();

        var m = ComplaintMeasures.Of(c);

        Assert.Equal((1, 1, 0), (m.EverResolved, m.Reopened, m.Resolved));
        Assert.Equal(1.0, m.ReopenRate);
        Assert.Equal(0.0, m.ApologyBeforeOfferAdherence);
        Assert.Null(m.FirstContactResolutionRate);
        Assert.Null(m.MeanTimeToResolve);
        // Cycles: acknowledgement (met), the offer two days later (breached), the commitment and the fix (met); the reopened cycle is still running.
        Assert.Equal((3, 4), (m.UpdateCyclesMet, m.UpdateCycles));
        Assert.Equal(0.75, m.UpdateIntervalAdherence);
    }

    [Fact]
    public void Empty_HasNoScoresNotZeros()
    {
        var m = ComplaintMeasures.Empty;

        Assert.Equal(0, m.Complaints);
        Assert.Null(m.MeanTimeToAcknowledge);
        Assert.Null(m.ReopenRate);
        Assert.Null(m.UpdateIntervalAdherence);
        Assert.Throws<ArgumentException>("history", () => ComplaintMeasures.Of([], new ComplaintOptions(), ComplaintTestKit.Start));
    }

    [Property(MaxTest = 100)]
    public void Merge_IsAssociativeAndCommutativeWithEmptyAsIdentity(int[] a, int[] b, int[] c)
    {
        var (x, y, z) = (Measure(a), Measure(b), Measure(c));

        Assert.Equal(x.Merge(y).Merge(z), x.Merge(y.Merge(z)));
        Assert.Equal(x.Merge(y), y.Merge(x));
        Assert.Equal(x, x.Merge(ComplaintMeasures.Empty));
    }

    [Fact]
    public void Binary_KnownMeasures_WritesTheVersionedStateAndReadsItBack()
    {
        var measures = Known();
        Span<byte> buffer = stackalloc byte[ComplaintMeasures.MaxBinarySize + 3];

        Assert.True(measures.TryWriteTo(buffer, out var written));

        // Version 1, kind 7, the eleven counts as one-byte varints (complaints, acknowledged, resolved, closed, first-contact
        // resolutions, ever resolved, reopened, update cycles met, update cycles, with offer, offer after apology), then the
        // ticks of 3 h (108,000,000,000) and of 2 days (1,728,000,000,000) as little-endian 64-bit integers.
        byte[] expected =
        [
            1, 7, 10, 9, 7, 6, 4, 7, 1, 20, 25, 5, 4,
            0x00, 0x38, 0x4D, 0x25, 0x19, 0x00, 0x00, 0x00,
            0x00, 0x80, 0xD3, 0x54, 0x92, 0x01, 0x00, 0x00,
        ];
        Assert.Equal(108_000_000_000L, BitConverter.ToInt64(expected, 13));
        Assert.Equal(1_728_000_000_000L, BitConverter.ToInt64(expected, 21));
        Assert.Equal(expected, buffer[..written].ToArray());
        Assert.True(ComplaintMeasures.TryReadFrom(buffer, out var back, out var read));
        Assert.Equal((written, measures), (read, back));
    }

    [Property(MaxTest = 60)]
    public bool SerializeDeserializeMerge_EqualsMerge_ForMeasuredComplaints(int[] a, int[] b)
    {
        var (x, y) = (Measure(a), Measure(b));

        return Binary(x).Merge(Binary(y)) == x.Merge(y);
    }

    [Fact]
    public void TryWriteTo_LargestState_FitsMaxBinarySize_AndTooSmallADestinationIsRefused()
    {
        int most = int.MaxValue;
        var measures = new ComplaintMeasures(most, most, TimeSpan.MaxValue, most, TimeSpan.MaxValue, most, most, most, most, most, most, most, most);
        var buffer = new byte[ComplaintMeasures.MaxBinarySize];

        Assert.True(measures.TryWriteTo(buffer, out var written));
        // Eleven 5-byte varints and two 8-byte tick counts after the two header bytes: 2 + 55 + 16 = 73.
        Assert.Equal((73, 73), (written, ComplaintMeasures.MaxBinarySize));
        Assert.True(ComplaintMeasures.TryReadFrom(buffer, out var back, out _));
        Assert.Equal(measures, back);
        Assert.False(measures.TryWriteTo(buffer.AsSpan(0, written - 1), out var none));
        Assert.Equal(0, none);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]   // a negative count
    [InlineData(10, 11, 0, 0)]  // more acknowledged than complaints
    [InlineData(10, 0, 1, 0)]   // resolved without ever being resolved
    [InlineData(10, 0, 0, -1)]  // a negative time
    public void TryWriteTo_InconsistentMeasures_RefusedWithNothingWritten(int complaints, int acknowledged, int resolved, long ticks)
    {
        var measures = new ComplaintMeasures(complaints, acknowledged, TimeSpan.FromTicks(ticks), resolved, TimeSpan.Zero, 0, 0, 0, 0, 0, 0, 0, 0);
        var buffer = new byte[ComplaintMeasures.MaxBinarySize];

        Assert.False(measures.TryWriteTo(buffer, out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryReadFrom_TruncatedState_ReturnsFalseForEveryPrefix()
    {
        var buffer = new byte[ComplaintMeasures.MaxBinarySize];
        Assert.True(Known().TryWriteTo(buffer, out var written));

        for (var length = 0; length < written; length++)
        {
            Assert.False(ComplaintMeasures.TryReadFrom(buffer.AsSpan(0, length), out var value, out var read), $"prefix of {length} bytes");
            Assert.Equal((ComplaintMeasures.Empty, 0), (value, read));
        }
    }

    [Theory]
    [InlineData(0, 2)]     // another format version
    [InlineData(1, 6)]     // complaint KPIs, not measures
    [InlineData(3, 11)]    // acknowledged (11) above complaints (10)
    [InlineData(4, 8)]     // resolved (8) above ever resolved (7)
    [InlineData(6, 7)]     // first-contact resolutions (7) above closed (6)
    [InlineData(8, 8)]     // reopened (8) above ever resolved (7)
    [InlineData(9, 26)]    // update cycles met (26) above update cycles (25)
    [InlineData(12, 6)]    // offers after an apology (6) above offers (5)
    [InlineData(20, 0x80)] // the time to acknowledge negative (its sign byte set)
    public void TryReadFrom_MalformedOrInconsistentState_ReturnsFalse(int index, byte value)
    {
        var buffer = new byte[ComplaintMeasures.MaxBinarySize];
        Assert.True(Known().TryWriteTo(buffer, out var written));
        buffer[index] = value;

        Assert.False(ComplaintMeasures.TryReadFrom(buffer.AsSpan(0, written), out var measures, out var read));
        Assert.Equal((ComplaintMeasures.Empty, 0), (measures, read));
    }

    [Fact]
    public void TryReadFrom_CountAboveIntMaxValue_ReturnsFalse()
    {
        // Complaints = 2^31 as a varint (0x80 0x80 0x80 0x80 0x08), every other count 0 and both times 0.
        byte[] state = [1, 7, 0x80, 0x80, 0x80, 0x80, 0x08, .. new byte[10], .. new byte[16]];
        byte[] largest = [1, 7, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, .. new byte[10], .. new byte[16]];

        Assert.False(ComplaintMeasures.TryReadFrom(state, out _, out _));
        Assert.True(ComplaintMeasures.TryReadFrom(largest, out var measures, out var read));
        Assert.Equal((int.MaxValue, largest.Length), (measures.Complaints, read));
    }

    private static ComplaintMeasures Known() => new(10, 9, TimeSpan.FromHours(3), 7, TimeSpan.FromDays(2), 6, 4, 7, 1, 20, 25, 5, 4);

    private static ComplaintMeasures Binary(ComplaintMeasures measures)
    {
        var buffer = new byte[ComplaintMeasures.MaxBinarySize];
        Assert.True(measures.TryWriteTo(buffer, out var written));
        Assert.True(ComplaintMeasures.TryReadFrom(buffer.AsSpan(0, written), out var back, out var read));
        Assert.Equal(written, read);
        return back;
    }

    private static ComplaintMeasures Measure(int[] steps) => ComplaintMeasures.Of(ComplaintTestKit.RandomWalk(steps));
}
