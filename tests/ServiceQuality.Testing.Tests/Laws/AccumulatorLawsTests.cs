using FsCheck.Fluent;
using ServiceQuality.Scoring;

namespace ServiceQuality.Testing.Tests.Laws;

public class AccumulatorLawsTests
{
    private static readonly LawCheckOptions Seeded = new() { MaxTest = 200, Seed = 18 };

    /// <summary>A host's mean that merges by averaging the two means, ignoring their counts: commutative, not associative.</summary>
    private readonly record struct NaiveMean(long Count, double Mean)
    {
        public NaiveMean Add(double value) => new(Count + 1, Mean + ((value - Mean) / (Count + 1)));

        public static NaiveMean Merge(NaiveMean a, NaiveMean b) => new(a.Count + b.Count, (a.Mean + b.Mean) / 2);
    }

    private static AccumulatorLaws<MeanAccumulator, double> MeanLaws(LawCheckOptions options) =>
        new(static () => default, static (a, x) => { a.Add(x); return a; }, static (a, b) => MeanAccumulator.Combine(a, b), Gen.Choose(-50, 50).Select(i => i / 4.0))
        {
            AreEqual = static (a, b) => a.Count == b.Count && AccumulatorLaws.Close(a.Mean, b.Mean) && AccumulatorLaws.Close(a.SumOfSquaredDeviations, b.SumOfSquaredDeviations),
            Options = options,
        };

    [Fact]
    public void CheckAll_MeanAccumulator_Passes() => MeanLaws(Seeded).CheckAll();

    [Fact]
    public void CheckAll_RatingAccumulatorOnCsatRatings_Passes() =>
        new AccumulatorLaws<RatingAccumulator<CsatScale>, int>(
            static () => default, static (a, r) => { a.Add(r); return a; }, static (a, b) => RatingAccumulator<CsatScale>.Combine(a, b), SurveyGenerators.Rating<CsatScale>())
        { Options = Seeded }.CheckAll();

    [Fact]
    public void VarianceLaws_MeanAccumulator_ShiftInvariantAndScaleWithSquare()
    {
        var laws = MeanLaws(Seeded);
        static double? Variance(MeanAccumulator a) => a.Count > 1 ? a.SumOfSquaredDeviations / (a.Count - 1) : null;

        laws.StatisticIsShiftInvariant(Variance, static (x, c) => x + c, tolerance: 1e-6);
        laws.StatisticScalesWithValues(Variance, static (x, k) => x * k, power: 2, tolerance: 1e-9);
    }

    [Fact]
    public void MergeIsAssociative_NaiveMeanMerge_FailsWithAShrunkCounterexample()
    {
        var laws = new AccumulatorLaws<NaiveMean, double>(static () => default, static (a, x) => a.Add(x), NaiveMean.Merge, Gen.Choose(-50, 50).Select(i => (double)i))
        {
            Options = Seeded,
        };

        laws.MergeIsCommutative();
        var violation = Assert.Throws<LawViolationException>(laws.MergeIsAssociative);

        Assert.Equal("merge is associative", violation.Law);
        var input = Assert.IsType<AccumulatorInput<double>>(violation.Counterexample);
        var original = Assert.IsType<AccumulatorInput<double>>(violation.OriginalCounterexample);
        int Size(AccumulatorInput<double> i) => i.First.Count + i.Second.Count + i.Third.Count;

        // Shrunk to one value in one list (the other two empty: the naive merge averages in an empty mean of 0), of the smallest magnitude that fails.
        Assert.True(Size(input) == 1, violation.Message);
        Assert.Equal(1.0, input.First.Concat(input.Second).Concat(input.Third).Single());
        Assert.True(Size(original) >= Size(input));
        Assert.Contains("Minimal counterexample: first [", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticIsShiftInvariant_RawSecondMoment_Fails()
    {
        // Sum of squares about zero is not a variance: shifting the values changes it.
        var laws = MeanLaws(Seeded);

        var violation = Assert.Throws<LawViolationException>(() =>
            laws.StatisticIsShiftInvariant(static a => a.Count > 0 ? a.SumOfSquaredDeviations + (a.Count * a.Mean!.Value * a.Mean.Value) : null, static (x, c) => x + c));

        var input = Assert.IsType<AccumulatorInput<double>>(violation.Counterexample);
        Assert.Single(input.First);
    }
}
