using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// A mergeable count of detractors, passives and promoters: the NPS accumulator for any rating scale (classify each
/// rating with an <see cref="NpsClassifier"/>) or for categories recorded directly. <see cref="Merge"/> adds counts:
/// associative, commutative, <see langword="default"/> the identity. For 0-10 ratings whose breaks are chosen when the
/// score is read, use <c>RatingAccumulator&lt;NpsScale&gt;</c> instead. The state travels as JSON
/// (<c>{"version":1,"detractors":…,"passives":…,"promoters":…}</c>) or as compact binary (<see cref="TryWriteTo"/>).
/// </summary>
[JsonConverter(typeof(NpsAccumulatorJsonConverter))]
public struct NpsAccumulator : IEquatable<NpsAccumulator>
{
    /// <summary>The most bytes <see cref="TryWriteTo"/> writes: version, kind and three varint counts.</summary>
    public const int MaxBinarySize = 2 + (3 * BinaryState.MaxVarintSize);

    /// <summary>Gets the number of detractors.</summary>
    public long Detractors { readonly get; private set; }

    /// <summary>Gets the number of passives.</summary>
    public long Passives { readonly get; private set; }

    /// <summary>Gets the number of promoters.</summary>
    public long Promoters { readonly get; private set; }

    /// <summary>Gets the number of responses.</summary>
    public readonly long Count => Detractors + Passives + Promoters;

    /// <summary>Adds one response of a category.</summary>
    /// <param name="category">The category.</param>
    /// <exception cref="ArgumentOutOfRangeException">The category is not a defined <see cref="NpsCategory"/>.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(NpsCategory category) => Add(category, 1);

    /// <summary>Adds <paramref name="count"/> responses of a category.</summary>
    /// <param name="category">The category.</param>
    /// <param name="count">How many, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The category is undefined or the count is negative.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Add(NpsCategory category, long count)
    {
        Check.Defined(category, nameof(category));
        Check.NonNegative(count, nameof(count));
        Check.Sum(Count, count, "responses");
        switch (category)
        {
            case NpsCategory.Detractor:
                Detractors += count;
                break;
            case NpsCategory.Passive:
                Passives += count;
                break;
            default:
                Promoters += count;
                break;
        }
    }

    /// <summary>Classifies a rating and adds it.</summary>
    /// <param name="rating">A rating on the classifier's scale.</param>
    /// <param name="classifier">The scale and its breaks.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale or the breaks are out of order.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(int rating, NpsClassifier classifier) => Add(classifier.Classify(rating));

    /// <summary>Adds the responses of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Merge(in NpsAccumulator other)
    {
        Check.Sum(Count, other.Count, "responses");
        Detractors += other.Detractors;
        Passives += other.Passives;
        Promoters += other.Promoters;
    }

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the responses of both.</returns>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>.</exception>
    public static NpsAccumulator Combine(in NpsAccumulator first, in NpsAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the score (the breaks of <paramref name="options"/> are not used: the responses are already classified).</summary>
    /// <param name="options">The confidence level, interval method and clipping; the defaults when <see langword="null"/>.</param>
    /// <returns>The result; no score when there are no responses.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public readonly NpsResult GetResult(NpsOptions? options = null) => NetPromoterScore.FromCounts(Detractors, Passives, Promoters, options);

    /// <summary>Writes the compact binary state: format version 1, kind 4, then detractors, passives and promoters as unsigned LEB128 varints.</summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public readonly bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        var writer = BinaryState.Writer(destination, BinaryKind.NpsCategories);
        writer.WriteVarint(Detractors);
        writer.WriteVarint(Passives);
        writer.WriteVarint(Promoters);
        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The accumulator read; empty when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took.</param>
    /// <returns><see langword="false"/> when the bytes are truncated or malformed, of another version or kind, or the counts sum past <see cref="long.MaxValue"/>.</returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out NpsAccumulator value, out int bytesRead)
    {
        var reader = BinaryState.Reader(source, BinaryKind.NpsCategories);
        var (d, p, q) = (reader.ReadVarint(), reader.ReadVarint(), reader.ReadVarint());
        if (reader.Ok && TryRestore(d, p, q, out value))
        {
            bytesRead = reader.Position;
            return true;
        }

        value = default;
        bytesRead = 0;
        return false;
    }

    internal static bool TryRestore(long detractors, long passives, long promoters, out NpsAccumulator value)
    {
        var valid = detractors >= 0 && passives >= 0 && promoters >= 0 && detractors <= long.MaxValue - passives && detractors + passives <= long.MaxValue - promoters;
        value = valid ? new NpsAccumulator { Detractors = detractors, Passives = passives, Promoters = promoters } : default;
        return valid;
    }

    /// <inheritdoc />
    public readonly bool Equals(NpsAccumulator other) => Detractors == other.Detractors && Passives == other.Passives && Promoters == other.Promoters;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is NpsAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Detractors, Passives, Promoters);

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(NpsAccumulator left, NpsAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(NpsAccumulator left, NpsAccumulator right) => !left.Equals(right);
}

/// <summary>The JSON state of an <see cref="NpsAccumulator"/>: the version and the three counts.</summary>
internal sealed class NpsAccumulatorJsonConverter : JsonConverter<NpsAccumulator>
{
    public override NpsAccumulator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = (D: -1L, P: -1L, Q: -1L);
        JsonState.ReadObject(ref reader, "NPS accumulator", ref state, static (ref Utf8JsonReader r, string name, ref (long D, long P, long Q) s) =>
        {
            switch (name)
            {
                case "detractors": s.D = JsonState.ReadCount(ref r, name); return true;
                case "passives": s.P = JsonState.ReadCount(ref r, name); return true;
                case "promoters": s.Q = JsonState.ReadCount(ref r, name); return true;
                default: return false;
            }
        });
        return NpsAccumulator.TryRestore(state.D, state.P, state.Q, out var value)
            ? value
            : throw new JsonException("An NPS accumulator state needs detractors, passives and promoters, counts ≥ 0 whose sum is at most 9223372036854775807.");
    }

    public override void Write(Utf8JsonWriter writer, NpsAccumulator value, JsonSerializerOptions options)
    {
        JsonState.WriteStart(writer);
        writer.WriteNumber("detractors", value.Detractors);
        writer.WriteNumber("passives", value.Passives);
        writer.WriteNumber("promoters", value.Promoters);
        writer.WriteEndObject();
    }
}
