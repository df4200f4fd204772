using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// A mergeable count of successes in trials, for CSAT top-box shares and any yes/no measure (first-contact resolution,
/// SLA attained, reopened). <see cref="Merge"/> adds counts: associative, commutative, <see langword="default"/> the identity.
/// The state travels as JSON (<c>{"version":1,"successes":…,"trials":…}</c>) or as compact binary (<see cref="TryWriteTo"/>,
/// <see cref="TryReadFrom"/>).
/// </summary>
[JsonConverter(typeof(ProportionAccumulatorJsonConverter))]
public struct ProportionAccumulator : IEquatable<ProportionAccumulator>
{
    /// <summary>The most bytes <see cref="TryWriteTo"/> writes: version, kind and two varint counts.</summary>
    public const int MaxBinarySize = 2 + (2 * BinaryState.MaxVarintSize);

    /// <summary>Gets the number of successes.</summary>
    public long Successes { readonly get; private set; }

    /// <summary>Gets the number of trials.</summary>
    public long Trials { readonly get; private set; }

    /// <summary>Adds one trial.</summary>
    /// <param name="success">Whether it was a success.</param>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(bool success)
    {
        Trials = Check.Sum(Trials, 1, "trials");
        if (success)
        {
            Successes++;
        }
    }

    /// <summary>Adds counted trials.</summary>
    /// <param name="successes">The successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">The trials, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or successes exceed trials.</exception>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Add(long successes, long trials)
    {
        Check.NonNegative(trials, nameof(trials));
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"The number of successes must be in the range [0, {trials}].");
        }

        Trials = Check.Sum(Trials, trials, "trials");
        Successes += successes;
    }

    /// <summary>Adds many trials: the vectorized bulk path.</summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Add(ReadOnlySpan<bool> outcomes)
    {
        Span<long> counts = stackalloc long[ByteCounts.Bins];
        counts.Clear();
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(outcomes);
        ByteCounts.Count(bytes, counts);
        Trials = Check.Sum(Trials, outcomes.Length, "trials");
        Successes += outcomes.Length - counts[0];
    }

    /// <summary>Adds the trials of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Merge(in ProportionAccumulator other)
    {
        Trials = Check.Sum(Trials, other.Trials, "trials");
        Successes += other.Successes;
    }

    /// <summary>Writes the compact binary state: format version 1, kind 3, then successes and trials as unsigned LEB128 varints.</summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public readonly bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        var writer = BinaryState.Writer(destination, BinaryKind.Proportion);
        writer.WriteVarint(Successes);
        writer.WriteVarint(Trials);
        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The accumulator read; empty when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took.</param>
    /// <returns><see langword="false"/> when the bytes are truncated or malformed, of another version or kind, or have more successes than trials.</returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out ProportionAccumulator value, out int bytesRead)
    {
        var reader = BinaryState.Reader(source, BinaryKind.Proportion);
        var (successes, trials) = (reader.ReadVarint(), reader.ReadVarint());
        if (reader.Ok && TryRestore(successes, trials, out value))
        {
            bytesRead = reader.Position;
            return true;
        }

        value = default;
        bytesRead = 0;
        return false;
    }

    internal static bool TryRestore(long successes, long trials, out ProportionAccumulator value)
    {
        var valid = successes >= 0 && successes <= trials;
        value = valid ? new ProportionAccumulator { Successes = successes, Trials = trials } : default;
        return valid;
    }

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the trials of both.</returns>
    public static ProportionAccumulator Combine(in ProportionAccumulator first, in ProportionAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the proportion with the default options (Wilson, 95%).</summary>
    /// <returns>The result; no estimate when there are no trials.</returns>
    public readonly ProportionResult GetResult() => GetResult(ProportionOptions.Default);

    /// <summary>Computes the proportion.</summary>
    /// <param name="options">The confidence level, interval method and clipping.</param>
    /// <returns>The result; no estimate when there are no trials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public readonly ProportionResult GetResult(ProportionOptions options) => Proportion.FromCounts(Successes, Trials, options);

    /// <inheritdoc />
    public readonly bool Equals(ProportionAccumulator other) => Successes == other.Successes && Trials == other.Trials;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is ProportionAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Successes, Trials);

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ProportionAccumulator left, ProportionAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ProportionAccumulator left, ProportionAccumulator right) => !left.Equals(right);
}

/// <summary>The JSON state of a <see cref="ProportionAccumulator"/>: the version, successes and trials.</summary>
internal sealed class ProportionAccumulatorJsonConverter : JsonConverter<ProportionAccumulator>
{
    public override ProportionAccumulator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = (Successes: -1L, Trials: -1L);
        JsonState.ReadObject(ref reader, "proportion accumulator", ref state, static (ref Utf8JsonReader r, string name, ref (long Successes, long Trials) s) =>
        {
            switch (name)
            {
                case "successes": s.Successes = JsonState.ReadCount(ref r, name); return true;
                case "trials": s.Trials = JsonState.ReadCount(ref r, name); return true;
                default: return false;
            }
        });
        return ProportionAccumulator.TryRestore(state.Successes, state.Trials, out var value)
            ? value
            : throw new JsonException("A proportion accumulator state needs successes and trials, 0 ≤ successes ≤ trials.");
    }

    public override void Write(Utf8JsonWriter writer, ProportionAccumulator value, JsonSerializerOptions options)
    {
        JsonState.WriteStart(writer);
        writer.WriteNumber("successes", value.Successes);
        writer.WriteNumber("trials", value.Trials);
        writer.WriteEndObject();
    }
}
