using FsCheck;
using FsCheck.Fluent;

namespace ServiceQuality.Testing;

/// <summary>The input of an accumulator law: up to three lists of values (each folded into its own accumulator) and a factor (a shift or a scale).</summary>
/// <typeparam name="TValue">The type of value added.</typeparam>
public sealed record AccumulatorInput<TValue>
{
    /// <summary>Gets the first list.</summary>
    public required IReadOnlyList<TValue> First { get; init; }

    /// <summary>Gets the second list.</summary>
    public required IReadOnlyList<TValue> Second { get; init; }

    /// <summary>Gets the third list.</summary>
    public required IReadOnlyList<TValue> Third { get; init; }

    /// <summary>Gets the shift or scale of the invariance laws (0 for the others).</summary>
    /// <value>0.</value>
    public double Factor { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"first [{string.Join(", ", First.Select(v => LawCheck.Describe(v)))}], second [{string.Join(", ", Second.Select(v => LawCheck.Describe(v)))}], "
        + $"third [{string.Join(", ", Third.Select(v => LawCheck.Describe(v)))}], factor {LawCheck.Describe(Factor)}";
}

/// <summary>Helpers of the accumulator laws.</summary>
public static class AccumulatorLaws
{
    /// <summary>Tells whether two figures agree within a relative tolerance (both <see langword="null"/> agree; NaN agrees with NaN).</summary>
    /// <param name="first">The first figure.</param>
    /// <param name="second">The second figure.</param>
    /// <param name="tolerance">The relative tolerance, against the larger magnitude (and at least 1).</param>
    /// <returns><see langword="true"/> when they agree.</returns>
    public static bool Close(double? first, double? second, double tolerance = 1e-9) => (first, second) switch
    {
        (null, null) => true,
        ({ } a, { } b) when double.IsNaN(a) || double.IsNaN(b) => double.IsNaN(a) && double.IsNaN(b),
        ({ } a, { } b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))),
        _ => false,
    };
}

/// <summary>
/// The laws a mergeable accumulator keeps — merge associative and commutative with the empty accumulator as identity,
/// merging equals adding everything to one, order of adding does not matter; and for variance-based statistics, shift
/// invariance and scale equivariance — checked for the host's accumulator with values from the host's generator. A
/// violation reports the shrunk lists of values (<see cref="AccumulatorInput{TValue}"/>).
/// </summary>
/// <typeparam name="TAccumulator">The accumulator (a value type is copied, so <c>add</c> may mutate and return it).</typeparam>
/// <typeparam name="TValue">The type of value added.</typeparam>
/// <example>
/// <code>
/// var laws = new AccumulatorLaws&lt;MeanAccumulator, double&gt;(
///     () =&gt; default, (a, x) =&gt; { a.Add(x); return a; }, MeanAccumulator.Combine, Gen.Choose(1, 5).Select(i =&gt; (double)i))
/// {
///     AreEqual = (a, b) =&gt; a.Count == b.Count &amp;&amp; AccumulatorLaws.Close(a.Mean, b.Mean) &amp;&amp; AccumulatorLaws.Close(a.SumOfSquaredDeviations, b.SumOfSquaredDeviations),
/// };
/// laws.CheckAll();
/// </code>
/// </example>
public sealed class AccumulatorLaws<TAccumulator, TValue>
{
    private readonly Func<TAccumulator> _empty;
    private readonly Func<TAccumulator, TValue, TAccumulator> _add;
    private readonly Func<TAccumulator, TAccumulator, TAccumulator> _merge;
    private readonly Gen<TValue> _values;

    /// <summary>Creates the laws of an accumulator.</summary>
    /// <param name="empty">Creates an empty accumulator.</param>
    /// <param name="add">Adds one value and returns the accumulator.</param>
    /// <param name="merge">Merges two accumulators into a new one (neither argument may be changed in a way the law would see).</param>
    /// <param name="values">The values to add.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AccumulatorLaws(Func<TAccumulator> empty, Func<TAccumulator, TValue, TAccumulator> add, Func<TAccumulator, TAccumulator, TAccumulator> merge, Gen<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(empty);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentNullException.ThrowIfNull(values);
        _empty = empty;
        _add = add;
        _merge = merge;
        _values = values;
    }

    /// <summary>Gets how two accumulators are compared (with a tolerance for floating-point state: see <see cref="AccumulatorLaws.Close"/>).</summary>
    /// <value><see cref="EqualityComparer{T}.Default"/>.</value>
    public Func<TAccumulator, TAccumulator, bool> AreEqual { get; init; } = EqualityComparer<TAccumulator>.Default.Equals;

    /// <summary>Gets how one value shrinks toward a simpler one, so counterexamples are small in value as well as in length.</summary>
    /// <value>For <see cref="double"/>: toward 0 and positive whole numbers; FsCheck's shrinker for <see cref="int"/>, <see cref="long"/>, <see cref="byte"/> and <see cref="bool"/>; no value shrinking for other types.</value>
    public Func<TValue, IEnumerable<TValue>>? ShrinkValue { get; init; } = DefaultShrinker();

    /// <summary>Gets how many inputs each law is tried on, and the seed.</summary>
    /// <value><see cref="LawCheckOptions.Default"/>.</value>
    public LawCheckOptions Options { get; init; } = LawCheckOptions.Default;

    /// <summary>Checks the merge laws: associative, commutative, identity, merge equals adding all, order invariance.</summary>
    /// <exception cref="LawViolationException">A law does not hold.</exception>
    public void CheckAll()
    {
        MergeIsAssociative();
        MergeIsCommutative();
        EmptyIsIdentity();
        MergeEqualsAddingAll();
        OrderInvariance();
    }

    /// <summary>Merge is associative: (a ⊕ b) ⊕ c = a ⊕ (b ⊕ c).</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void MergeIsAssociative() => LawCheck.Run("merge is associative", Inputs(0), input =>
    {
        var (a, b, c) = (Fold(input.First), Fold(input.Second), Fold(input.Third));
        var left = _merge(_merge(a, b), c);
        var right = _merge(Fold(input.First), _merge(b, c));
        LawCheck.That(AreEqual(left, right), () => $"(a+b)+c = {LawCheck.Describe(left)}, a+(b+c) = {LawCheck.Describe(right)}");
    }, Options);

    /// <summary>Merge is commutative: a ⊕ b = b ⊕ a.</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void MergeIsCommutative() => LawCheck.Run("merge is commutative", Inputs(0), input =>
    {
        var ab = _merge(Fold(input.First), Fold(input.Second));
        var ba = _merge(Fold(input.Second), Fold(input.First));
        LawCheck.That(AreEqual(ab, ba), () => $"a+b = {LawCheck.Describe(ab)}, b+a = {LawCheck.Describe(ba)}");
    }, Options);

    /// <summary>The empty accumulator is the identity of merge: e ⊕ a = a = a ⊕ e.</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void EmptyIsIdentity() => LawCheck.Run("empty is the identity of merge", Inputs(0), input =>
    {
        var a = Fold(input.First);
        var left = _merge(_empty(), Fold(input.First));
        var right = _merge(Fold(input.First), _empty());
        LawCheck.That(AreEqual(left, a) && AreEqual(right, a), () => $"a = {LawCheck.Describe(a)}, e+a = {LawCheck.Describe(left)}, a+e = {LawCheck.Describe(right)}");
    }, Options);

    /// <summary>Merging the accumulators of two parts equals adding every value to one: fold(a) ⊕ fold(b) = fold(a ++ b).</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void MergeEqualsAddingAll() => LawCheck.Run("merging parts equals adding all", Inputs(0), input =>
    {
        var merged = _merge(Fold(input.First), Fold(input.Second));
        var whole = Fold([.. input.First, .. input.Second]);
        LawCheck.That(AreEqual(merged, whole), () => $"merged = {LawCheck.Describe(merged)}, all in one = {LawCheck.Describe(whole)}");
    }, Options);

    /// <summary>The order values are added in does not matter: adding them reversed, or rotated, gives the same accumulator.</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void OrderInvariance() => LawCheck.Run("order invariance", Inputs(0), input =>
    {
        TValue[] values = [.. input.First, .. input.Second];
        var forward = Fold(values);
        var reversed = Fold([.. values.Reverse()]);
        var rotated = Fold([.. input.Second, .. input.First]);
        LawCheck.That(AreEqual(forward, reversed) && AreEqual(forward, rotated), () => $"in order = {LawCheck.Describe(forward)}, reversed = {LawCheck.Describe(reversed)}, rotated = {LawCheck.Describe(rotated)}");
    }, Options);

    /// <summary>A variance-based statistic is shift invariant: adding a constant to every value leaves it unchanged.</summary>
    /// <param name="statistic">The statistic (a variance, a standard deviation, a sum of squared deviations...); <see langword="null"/> when undefined.</param>
    /// <param name="shift">Adds a constant to a value.</param>
    /// <param name="tolerance">The relative tolerance of <see cref="AccumulatorLaws.Close"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="LawViolationException">The law does not hold; the counterexample's <see cref="AccumulatorInput{TValue}.Factor"/> is the shift.</exception>
    public void StatisticIsShiftInvariant(Func<TAccumulator, double?> statistic, Func<TValue, double, TValue> shift, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(shift);
        LawCheck.Run("statistic is shift invariant", Inputs(1), input =>
        {
            var original = statistic(Fold(input.First));
            var shifted = statistic(Fold([.. input.First.Select(v => shift(v, input.Factor))]));
            LawCheck.That(AccumulatorLaws.Close(original, shifted, tolerance), () => $"statistic = {LawCheck.Describe(original)}, shifted by {LawCheck.Describe(input.Factor)} = {LawCheck.Describe(shifted)}");
        }, Options);
    }

    /// <summary>A variance-based statistic scales with the values: multiplying every value by k multiplies it by |k|^power (2 for a variance, 1 for a standard deviation).</summary>
    /// <param name="statistic">The statistic; <see langword="null"/> when undefined.</param>
    /// <param name="scale">Multiplies a value by a factor.</param>
    /// <param name="power">The power of the factor the statistic scales with.</param>
    /// <param name="tolerance">The relative tolerance of <see cref="AccumulatorLaws.Close"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="LawViolationException">The law does not hold; the counterexample's <see cref="AccumulatorInput{TValue}.Factor"/> is the scale.</exception>
    public void StatisticScalesWithValues(Func<TAccumulator, double?> statistic, Func<TValue, double, TValue> scale, double power = 2, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(scale);
        LawCheck.Run("statistic scales with the values", Inputs(2), input =>
        {
            var original = statistic(Fold(input.First));
            var scaled = statistic(Fold([.. input.First.Select(v => scale(v, input.Factor))]));
            var expected = original * Math.Pow(Math.Abs(input.Factor), power);
            LawCheck.That(AccumulatorLaws.Close(expected, scaled, tolerance), () => $"statistic = {LawCheck.Describe(original)}, scaled by {LawCheck.Describe(input.Factor)} = {LawCheck.Describe(scaled)}, expected {LawCheck.Describe(expected)}");
        }, Options);
    }

    private TAccumulator Fold(IEnumerable<TValue> values)
    {
        var accumulator = _empty();
        foreach (var value in values)
        {
            accumulator = _add(accumulator, value);
        }

        return accumulator;
    }

    /// <summary>Three lists and a factor: 0 (none), a shift (1), or a scale (2) from a set of awkward magnitudes.</summary>
    private Arbitrary<AccumulatorInput<TValue>> Inputs(int factorKind)
    {
        var factor = factorKind switch
        {
            1 => Gen.Elements(-1e6, -1000.0, -1.5, 0.25, 1, 7, 1e3, 1e6, 1e8),
            2 => Gen.Elements(-3.0, -1, 0.001, 0.5, 2, 10, 1000),
            _ => Gen.Constant(0.0),
        };
        var list = _values.ArrayOf();
        var gen = from a in list from b in list from c in list from f in factor select new AccumulatorInput<TValue> { First = a, Second = b, Third = c, Factor = f };
        return Arb.From(gen, Shrink);
    }

    private IEnumerable<AccumulatorInput<TValue>> Shrink(AccumulatorInput<TValue> input)
    {
        foreach (var first in LawCheck.ShrinkList([.. input.First], ShrinkValue))
        {
            yield return input with { First = first };
        }

        foreach (var second in LawCheck.ShrinkList([.. input.Second], ShrinkValue))
        {
            yield return input with { Second = second };
        }

        foreach (var third in LawCheck.ShrinkList([.. input.Third], ShrinkValue))
        {
            yield return input with { Third = third };
        }
    }

    private static Func<TValue, IEnumerable<TValue>>? DefaultShrinker()
    {
        if (typeof(TValue) == typeof(double))
        {
            return (Func<TValue, IEnumerable<TValue>>)(object)new Func<double, IEnumerable<double>>(ShrinkDouble);
        }

        if (typeof(TValue) == typeof(int) || typeof(TValue) == typeof(long) || typeof(TValue) == typeof(byte) || typeof(TValue) == typeof(bool))
        {
            var arbitrary = ArbMap.Default.ArbFor<TValue>();
            return arbitrary.Shrinker;
        }

        return null;
    }

    /// <summary>Toward zero and toward whole numbers: 0, half, one step closer to zero, the whole part.</summary>
    private static IEnumerable<double> ShrinkDouble(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            yield break;
        }

        yield return 0;
        var half = Math.Truncate(value / 2);
        if (half != 0)
        {
            yield return half;
        }

        if (Math.Abs(value) > 1 && value == Math.Truncate(value))
        {
            yield return value - Math.Sign(value);
        }

        if (value != Math.Truncate(value))
        {
            yield return Math.Truncate(value);
        }

        if (value < 0)
        {
            yield return -value;
        }
    }
}
