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
        c.Apologise("ann", ContactChannel.Phone, "Sorry").EnsureAccepted();
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

    private static ComplaintMeasures Measure(int[] steps) => ComplaintMeasures.Of(ComplaintTestKit.RandomWalk(steps));
}
