using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Ranking;

public sealed class StarRatingTests
{
    [Fact]
    public void LowerBound_ReproducesEvanMillersExample()
    {
        // Evan Miller's starsort as published on Stack Overflow ("What is a better way to sort by a 5 star rating?"),
        // run in Python 3.11: 60 five-stars, 80 fours, 75 threes, 20 twos and 25 ones with z = 1.65 give
        // 3.3684307456209077. (The answer's text prints 3.3686975120774694, which its own code does not produce: no
        // choice of z in {1.64, 1.6449, 1.65} and N + K, N + K + 1, N + K + 2 in the denominator gives it.) Counts are
        // listed from the lowest rating up here.
        Assert.Equal(3.3684307456209077, StarRating.LowerBoundAtZ([25, 20, 75, 80, 60], 1.65, 1), 13);
    }

    [Fact]
    public void LowerBound_RanksEvidenceAboveOnePerfectRating()
    {
        // The same example's ordering: (10 fives) above (60, 80, 75, 20, 25) above (5 fives).
        double Bound(long[] counts) => StarRating.LowerBoundAtZ(counts, 1.65, 1);
        Assert.True(Bound([0, 0, 0, 0, 10]) > Bound([25, 20, 75, 80, 60]));
        Assert.True(Bound([25, 20, 75, 80, 60]) > Bound([0, 0, 0, 0, 5]));
        Assert.True(StarRating.LowerBound([0, 0, 0, 0, 1]) < StarRating.LowerBound([0, 0, 0, 30, 300]));
    }

    [Fact]
    public void LowerBound_LevelIsOneSided_AndTheAccumulatorUsesItsScale()
    {
        // level 0.95 means z = Φ⁻¹(0.95) = 1.6448536269514722; an accumulator's ratings are worth their value.
        long[] counts = [25, 20, 75, 80, 60];
        Assert.Equal(StarRating.LowerBoundAtZ(counts, 1.6448536269514722, 1), StarRating.LowerBound(counts), 12);
        var acc = default(RatingAccumulator<FiveStars>);
        acc.Add(1, 25);
        acc.Add(2, 20);
        acc.Add(3, 75);
        acc.Add(4, 80);
        acc.Add(5, 60);
        Assert.Equal(StarRating.LowerBound(counts), acc.GetStarRatingLowerBound(), 14);
        // No ratings: the prior's mean (3) minus its spread.
        Assert.Equal(3 - (1.6448536269514722 * Math.Sqrt(2.0 / 6)), StarRating.LowerBound([0, 0, 0, 0, 0]), 12);
    }

    [Fact]
    public void LowerBound_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => StarRating.LowerBound([5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => StarRating.LowerBound([5, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => StarRating.LowerBound([5, 1], 1));
        Assert.Throws<OverflowException>(() => StarRating.LowerBound([long.MaxValue, 1]));
    }

    private readonly struct FiveStars : IRatingScale
    {
        public static int Minimum => 1;

        public static int Maximum => 5;
    }
}
