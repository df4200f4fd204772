using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Ces;

public sealed class CustomerEffortTests
{
    private static RatingAccumulator<CesScale> Of(params int[] ratings)
    {
        var acc = default(RatingAccumulator<CesScale>);
        acc.Add(ratings);
        return acc;
    }

    [Fact]
    public void GetCes_Ces20_CountsAgreementAsEasy()
    {
        // CES 2.0: "The company made it easy for me to handle my issue", 7 = strongly agree; easy = 5, 6, 7.
        var r = Of(1, 4, 5, 6, 7, 7).GetCes();
        Assert.Equal((4L, 6L), (r.Easy.Successes, r.Easy.SampleSize));
        Assert.Equal(30.0 / 6, r.Mean.Estimate!.Value, 14);
        Assert.Equal(RatingDirection.HigherIsBetter, r.Direction);
    }

    [Fact]
    public void GetCes_Ces10Wording_CountsLowEffortAsEasy()
    {
        var r = Of(1, 4, 5, 6, 7, 7).GetCes(new CesOptions { Direction = RatingDirection.LowerIsBetter, EasyBox = 2 });
        Assert.Equal((1L, 6L), (r.Easy.Successes, r.Easy.SampleSize)); // only the 1 is in 1-2
        Assert.False(default(RatingAccumulator<CesScale>).GetCes().HasValue);
    }

    [Fact]
    public void GetCes_BadOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Of(3).GetCes(new CesOptions { EasyBox = 7 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Of(3).GetCes(new CesOptions { EasyBox = 0 }));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Of(3).GetCes(new CesOptions { Direction = (RatingDirection)3 }));
        Assert.Contains("3 is not a defined RatingDirection", ex.Message, StringComparison.Ordinal);
    }
}
