using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// The fingerprint's SimHash counts the votes of its features in byte lanes of vectors: each way of counting must
/// give exactly the SimHash of its definition (Charikar 2002: a bit is set when the features that have it outvote
/// those that do not), for any number of features, across the batches the byte counters are widened at.
/// </summary>
public class SimHashTests
{
    /// <summary>The definition, vote by vote.</summary>
    private static ulong Reference(ulong[] features)
    {
        if (features.Length == 0)
        {
            return 0;
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            var votes = 0;
            foreach (var feature in features)
            {
                votes += ((feature >> bit) & 1) == 1 ? 1 : -1;
            }

            if (votes > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    private static int[] Ones(Action<ReadOnlySpan<ulong>, Span<int>> count, ulong[] features)
    {
        var ones = new int[64];
        count(features, ones);
        return ones;
    }

    private static int[] ReferenceOnes(ulong[] features) =>
        [.. Enumerable.Range(0, 64).Select(bit => features.Count(f => ((f >> bit) & 1) == 1))];

    /// <summary>Feature arrays from empty to over three batches of 255, with skewed bits so that counts pass 255 in one lane.</summary>
    private static Arbitrary<ulong[]> Features() =>
        Gen.Choose(0, 900).SelectMany(length => Gen.Elements(0UL, ulong.MaxValue, 0x8000_0000_0000_0001UL, 0x0123_4567_89AB_CDEFUL)
            .Select(skew => (Length: length, Skew: skew)))
        .SelectMany(p => ArbMap.Default.GeneratorFor<ulong>().ArrayOf(p.Length).Select(a => a.Select((f, i) => i % 3 == 0 ? f : f | p.Skew).ToArray()))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Of_EqualsTheVoteByVoteDefinition() =>
        Prop.ForAll(Features(), features => SimHash.Of(features, new int[64]) == Reference(features));

    [Property(MaxTest = 200)]
    public Property CountOnes_EveryPathAvailable_CountsEachBitExactly() =>
        Prop.ForAll(Features(), features =>
        {
            var expected = ReferenceOnes(features);
            var scalar = Ones(SimHash.CountOnesScalar, features).SequenceEqual(expected);
            var vector128 = !Vector128.IsHardwareAccelerated || Ones(SimHash.CountOnesVector128, features).SequenceEqual(expected);
            var avx2 = !Avx2.IsSupported || Ones(SimHash.CountOnesAvx2, features).SequenceEqual(expected);
            return (scalar && vector128 && avx2).Label($"scalar {scalar}, Vector128 {vector128}, AVX2 {avx2}");
        });

    [Fact]
    public void Of_KnownFeatures_GivesTheMajorityOfEachBit()
    {
        // Bit 0: three of four have it (set); bit 1: two of four (a tie is not a majority: clear); bit 63: one of four (clear).
        ulong[] features = [0b01, 0b11, 0b11 | (1UL << 63), 0b00 | 0b01];
        Assert.Equal(0b01UL, SimHash.Of(features, new int[64]));
        Assert.Equal(0UL, SimHash.Of([], new int[64]));
        Assert.Equal(ulong.MaxValue, SimHash.Of([ulong.MaxValue], new int[64]));
    }

    [Fact]
    public void Of_ReusedScratch_IsClearedFirst()
    {
        var scratch = new int[64];
        Array.Fill(scratch, 1_000);
        Assert.Equal(0x00FF_00FF_00FF_00FFUL, SimHash.Of([0x00FF_00FF_00FF_00FFUL], scratch));
    }

    [Fact]
    public void CountOnes_AllOnesBeyondOneBatch_WidensWithoutOverflow()
    {
        // 1,000 features with every bit set: each byte lane would wrap after 255 without its widening.
        var features = Enumerable.Repeat(ulong.MaxValue, 1_000).ToArray();
        Assert.All(Ones(SimHash.CountOnes, features), count => Assert.Equal(1_000, count));
        if (Vector128.IsHardwareAccelerated)
        {
            Assert.All(Ones(SimHash.CountOnesVector128, features), count => Assert.Equal(1_000, count));
        }
    }
}
