using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Proportions;

public sealed class ProportionAccumulatorTests
{
    [Property]
    public bool BulkAdd_EqualsOneByOne(bool[] outcomes)
    {
        var bulk = default(ProportionAccumulator);
        bulk.Add(outcomes);
        var single = default(ProportionAccumulator);
        foreach (var o in outcomes)
        {
            single.Add(o);
        }

        return bulk == single;
    }

    [Property]
    public bool Merge_IsAssociativeCommutativeWithIdentity(bool[] a, bool[] b, bool[] c)
    {
        ProportionAccumulator x = default, y = default, z = default;
        x.Add(a);
        y.Add(b);
        z.Add(c);
        return ProportionAccumulator.Combine(ProportionAccumulator.Combine(x, y), z) == ProportionAccumulator.Combine(x, ProportionAccumulator.Combine(y, z))
            && ProportionAccumulator.Combine(x, y) == ProportionAccumulator.Combine(y, x)
            && ProportionAccumulator.Combine(x, default) == x;
    }

    [Fact]
    public void Json_AndBinary_RoundTrip()
    {
        var acc = default(ProportionAccumulator);
        acc.Add(81, 263);
        var json = JsonSerializer.Serialize(acc, ScoringJson.ProportionAccumulator);
        Assert.Equal("""{"version":1,"successes":81,"trials":263}""", json);
        Assert.Equal(acc, JsonSerializer.Deserialize(json, ScoringJson.ProportionAccumulator));
        Assert.Equal(acc, JsonSerializer.Deserialize<ProportionAccumulator>(JsonSerializer.Serialize(acc)));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"version":1,"successes":9,"trials":3}""", ScoringJson.ProportionAccumulator));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"version":1,"successes":1}""", ScoringJson.ProportionAccumulator));

        Span<byte> buffer = stackalloc byte[ProportionAccumulator.MaxBinarySize];
        Assert.True(acc.TryWriteTo(buffer, out var written));
        Assert.Equal(new byte[] { 1, 3, 81, 0x87, 0x02 }, buffer[..written].ToArray()); // 263 = 0x107 as varint 0x87 0x02
        Assert.True(ProportionAccumulator.TryReadFrom(buffer[..written], out var back, out _));
        Assert.Equal(acc, back);
        Assert.False(ProportionAccumulator.TryReadFrom([1, 3, 9, 3], out _, out _)); // more successes than trials
    }

    [Fact]
    public void Add_TrialsPastLongMax_ThrowOverflowException()
    {
        var acc = default(ProportionAccumulator);
        acc.Add(0, long.MaxValue);
        Assert.Throws<OverflowException>(() => acc.Add(true));
        Assert.Throws<OverflowException>(() => acc.Add(1, 1));
        Assert.Throws<OverflowException>(() => acc.Add([true]));
        Assert.Throws<OverflowException>(() => acc.Merge(acc));
        Assert.Equal((0L, long.MaxValue), (acc.Successes, acc.Trials));
    }

    [Property]
    public bool SerializeDeserializeMerge_EqualsMerge(bool[] a, bool[] b)
    {
        ProportionAccumulator x = default, y = default;
        x.Add(a);
        y.Add(b);
        static ProportionAccumulator Binary(ProportionAccumulator value) => RoundTrip.Binary(value, ProportionAccumulator.MaxBinarySize, static (v, d, out w) => v.TryWriteTo(d, out w), ProportionAccumulator.TryReadFrom);
        var merged = ProportionAccumulator.Combine(x, y);
        return ProportionAccumulator.Combine(RoundTrip.Json(x, ScoringJson.ProportionAccumulator), RoundTrip.Json(y, ScoringJson.ProportionAccumulator)) == merged
            && ProportionAccumulator.Combine(Binary(x), Binary(y)) == merged;
    }
    [Fact]
    public void Add_Overflow_MessageNamesTheTrials()
    {
        var acc = default(ProportionAccumulator);
        acc.Add(0, long.MaxValue);

        foreach (var add in new Action[] { () => acc.Add(true), () => acc.Add(0, 1), () => acc.Add([false]), () => acc.Merge(acc) })
        {
            var e = Assert.Throws<OverflowException>(add);
            Assert.StartsWith("The number of trials would exceed 9223372036854775807", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Add_NegativeTrials_ThrowsNamingThem()
    {
        var acc = default(ProportionAccumulator);

        Assert.Throws<ArgumentOutOfRangeException>("trials", () => acc.Add(0, -1));
        Assert.Equal(default(ProportionAccumulator), acc);
    }

    [Fact]
    public void Equals_ComparesBothCounts()
    {
        ProportionAccumulator a = default, sameTrials = default, sameSuccesses = default;
        a.Add(1, 2);
        sameTrials.Add(0, 2);
        sameSuccesses.Add(1, 3);

        Assert.False(a == sameTrials);
        Assert.True(a != sameTrials);
        Assert.False(a.Equals(sameSuccesses));
        Assert.True(a != sameSuccesses);
    }

    [Fact]
    public void TryWriteTo_DestinationTooSmall_WritesNothing()
    {
        var acc = default(ProportionAccumulator);
        acc.Add(81, 263);

        Assert.False(acc.TryWriteTo(new byte[4], out var written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData("""{"version":1,"trials":3}""", "needs successes and trials")]
    [InlineData("""{"version":1,"successes":1}""", "needs successes and trials")]
    [InlineData("""{"version":1,"successes":1,"trials":3,"extra":0}""", "Unknown property \"extra\" in a proportion accumulator state")]
    [InlineData("""{"successes":1,"trials":3}""", "The proportion accumulator state must start with")]
    public void Json_BadState_ThrowsSayingWhy(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ScoringJson.ProportionAccumulator));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
