using System.Globalization;

namespace ServiceQuality.Complaints;

/// <summary>Checks host-defined tags and metadata against the bounds in <see cref="ComplaintOptions"/>: a value out of bounds is an argument error naming the limit, never cut short.</summary>
internal static class ComplaintLabels
{
    /// <summary>Checks tags to add to a complaint that already has <paramref name="existing"/>.</summary>
    public static void CheckTags(IReadOnlyList<string> tags, IReadOnlyList<string> existing, ComplaintOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(tags, name);
        var seen = new HashSet<string>(existing, StringComparer.Ordinal);
        for (int i = 0; i < tags.Count; i++)
        {
            CheckLabel(tags[i], options.MaxTagLength, nameof(ComplaintOptions.MaxTagLength), $"Tag {i}", name);
            if (!seen.Add(tags[i]))
            {
                throw new ArgumentException($"Tag {i} ('{tags[i]}') is already on the complaint or given twice; tags are distinct (ordinal).", name);
            }
        }

        if (seen.Count > options.MaxTags)
        {
            throw new ArgumentException(
                Invariant($"A complaint may carry at most {options.MaxTags} tags (ComplaintOptions.MaxTags); this would give it {seen.Count}."), name);
        }
    }

    /// <summary>Checks metadata to set on a complaint that already has <paramref name="existing"/> (a key already there is replaced).</summary>
    public static void CheckMetadata(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string> existing, ComplaintOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(metadata, name);
        int count = existing.Count;
        foreach (var (key, value) in metadata)
        {
            CheckLabel(key, options.MaxMetadataKeyLength, nameof(ComplaintOptions.MaxMetadataKeyLength), "Metadata key", name);
            if (value is null)
            {
                throw new ArgumentException($"Metadata '{key}' has a null value; remove the key instead.", name);
            }

            if (value.Length > options.MaxMetadataValueLength)
            {
                throw new ArgumentException(
                    Invariant($"Metadata '{key}' is {value.Length} characters long; the limit is {options.MaxMetadataValueLength} (ComplaintOptions.MaxMetadataValueLength)."), name);
            }

            count += existing.ContainsKey(key) ? 0 : 1;
        }

        if (count > options.MaxMetadataEntries)
        {
            throw new ArgumentException(
                Invariant($"A complaint may carry at most {options.MaxMetadataEntries} metadata entries (ComplaintOptions.MaxMetadataEntries); this would give it {count}."), name);
        }
    }

    private static void CheckLabel(string? label, int limit, string limitName, string what, string name)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ArgumentException($"{what} is null, empty or white space.", name);
        }

        if (label.Length > limit)
        {
            throw new ArgumentException(Invariant($"{what} '{(label.Length > 40 ? label[..40] + "…" : label)}' is {label.Length} characters long; the limit is {limit} (ComplaintOptions.{limitName})."), name);
        }

        if (label.Trim().Length != label.Length || label.Any(char.IsControl))
        {
            throw new ArgumentException($"{what} '{label}' has leading or trailing white space or a control character.", name);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
