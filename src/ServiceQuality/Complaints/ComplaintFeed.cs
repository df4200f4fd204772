using System.Globalization;

namespace ServiceQuality.Complaints;

/// <summary>
/// A place in a store's global feed of events: events are ordered by <see cref="Commit"/>, then by
/// <see cref="Sequence"/>. <see cref="Commit"/> orders the appends as they become visible (PostgreSQL: the appending
/// transaction's id; SQLite and in memory, where appends commit one at a time: the event's sequence number itself);
/// <see cref="Sequence"/> is the event's number in the whole store, unique. A reader that keeps the position of the last
/// event it handled and asks for what comes after it never skips an event, however appends interleave.
/// </summary>
public readonly record struct ComplaintFeedPosition : IComparable<ComplaintFeedPosition>, IComparable
{
    /// <summary>Creates a position.</summary>
    /// <param name="commit">The commit order: 0 or more.</param>
    /// <param name="sequence">The event's sequence number: 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public ComplaintFeedPosition(long commit, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(commit);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        Commit = commit;
        Sequence = sequence;
    }

    /// <summary>Gets the position before every event: a new reader starts here.</summary>
    public static ComplaintFeedPosition Start => default;

    /// <summary>Gets the commit order.</summary>
    public long Commit { get; }

    /// <summary>Gets the event's sequence number in the store.</summary>
    public long Sequence { get; }

    /// <summary>Compares positions.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(ComplaintFeedPosition left, ComplaintFeedPosition right) => left.CompareTo(right) < 0;

    /// <summary>Compares positions.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> comes later.</returns>
    public static bool operator >(ComplaintFeedPosition left, ComplaintFeedPosition right) => left.CompareTo(right) > 0;

    /// <summary>Compares positions.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> comes first or is the same.</returns>
    public static bool operator <=(ComplaintFeedPosition left, ComplaintFeedPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Compares positions.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> comes later or is the same.</returns>
    public static bool operator >=(ComplaintFeedPosition left, ComplaintFeedPosition right) => left.CompareTo(right) >= 0;

    /// <summary>Reads a position written by <see cref="ToString"/> (<c>commit:sequence</c>), e.g. a checkpoint a projection saved.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not two non-negative integers separated by a colon.</exception>
    public static ComplaintFeedPosition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long commit)
            && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long sequence))
        {
            return new ComplaintFeedPosition(commit, sequence);
        }

        throw new FormatException($"'{text}' is not a feed position; valid: two non-negative integers separated by a colon, e.g. '0:0' or '1042:1042'.");
    }

    /// <inheritdoc />
    public int CompareTo(ComplaintFeedPosition other)
    {
        int c = Commit.CompareTo(other.Commit);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ComplaintFeedPosition other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a ComplaintFeedPosition.", nameof(obj)),
    };

    /// <summary>Writes the position as <c>commit:sequence</c> (what <see cref="Parse"/> reads).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Commit}:{Sequence}");
}

/// <summary>One event of a store's global feed, at its position.</summary>
public sealed record ComplaintFeedEntry
{
    /// <summary>Gets where it is in the feed.</summary>
    public required ComplaintFeedPosition Position { get; init; }

    /// <summary>Gets the event (after a personal-data erasure: its erased copy).</summary>
    public required ComplaintEvent Event { get; init; }
}

/// <summary>A page of a store's global feed: the events after a position, in feed order, and where to continue.</summary>
public sealed class ComplaintFeedPage
{
    /// <summary>Creates a page, checking its order.</summary>
    /// <param name="after">The position the page was read after.</param>
    /// <param name="entries">The events, in strictly increasing positions after <paramref name="after"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry is null, or not after <paramref name="after"/> and the entry before it.</exception>
    public ComplaintFeedPage(ComplaintFeedPosition after, IReadOnlyList<ComplaintFeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = after;
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            if (entry.Position <= previous)
            {
                throw new ArgumentException($"Entry {i} is at {entry.Position}, not after {previous}: a feed page is in strictly increasing positions after the one it was read after.", nameof(entries));
            }

            previous = entry.Position;
        }

        Entries = entries;
        Next = previous;
    }

    /// <summary>Gets the events, in feed order.</summary>
    public IReadOnlyList<ComplaintFeedEntry> Entries { get; }

    /// <summary>Gets the position to read after next: the last entry's, or the one this page was read after when it is empty.</summary>
    public ComplaintFeedPosition Next { get; }
}

/// <summary>
/// Follows a store's global feed from a checkpoint, a page at a time, for a projection: handle the events
/// <see cref="ReadNextAsync"/> returns, then save <see cref="Checkpoint"/> (with what the projection wrote, ideally in
/// the same transaction); after a restart, start a new reader at the saved checkpoint. The store guarantees that an
/// event never appears behind a checkpoint already passed, so nothing is skipped. Not thread-safe: one reader, one loop.
/// </summary>
public sealed class ComplaintFeedReader
{
    private readonly IComplaintStore _store;
    private readonly int _pageSize;

    /// <summary>Creates a reader.</summary>
    /// <param name="store">The store.</param>
    /// <param name="checkpoint">Where to start: after this position (<see cref="ComplaintFeedPosition.Start"/> for the beginning).</param>
    /// <param name="pageSize">The largest number of events a read returns: 1 to <see cref="ComplaintQuery.MaxLimit"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 1 to <see cref="ComplaintQuery.MaxLimit"/>.</exception>
    public ComplaintFeedReader(IComplaintStore store, ComplaintFeedPosition checkpoint = default, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(store);
        ComplaintQuery.RequireLimit(pageSize, nameof(pageSize));
        _store = store;
        _pageSize = pageSize;
        Checkpoint = checkpoint;
    }

    /// <summary>Gets the position of the last event returned (the start checkpoint before the first read).</summary>
    public ComplaintFeedPosition Checkpoint { get; private set; }

    /// <summary>Reads the next events after <see cref="Checkpoint"/> and moves the checkpoint past them.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in feed order; empty when the reader has caught up (read again later).</returns>
    /// <exception cref="InvalidOperationException">The store returned events at or before the checkpoint.</exception>
    public async ValueTask<IReadOnlyList<ComplaintFeedEntry>> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        var page = await _store.ReadFeedAsync(Checkpoint, _pageSize, cancellationToken).ConfigureAwait(false);
        if (page.Next < Checkpoint || (page.Entries.Count > 0 && page.Entries[0].Position <= Checkpoint))
        {
            throw new InvalidOperationException($"The store returned a feed page that does not continue after {Checkpoint}: the store breaks the feed's contract.");
        }

        Checkpoint = page.Next;
        return page.Entries;
    }
}
