namespace ServiceQuality.Complaints;

/// <summary>Value equality for the collections complaint records carry (records compare collections by reference).</summary>
internal static class Values
{
    public static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public static bool SameEntries<TValue>(IReadOnlyDictionary<string, TValue> first, IReadOnlyDictionary<string, TValue> second)
    {
        if (ReferenceEquals(first, second))
        {
            return true;
        }

        if (first.Count != second.Count)
        {
            return false;
        }

        foreach (var (key, value) in first)
        {
            if (!second.TryGetValue(key, out var other) || !EqualityComparer<TValue>.Default.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    public static bool SameItems(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
        ReferenceEquals(first, second) || first.SequenceEqual(second, StringComparer.Ordinal);
}
