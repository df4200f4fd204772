using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring.Proportions;

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
}
