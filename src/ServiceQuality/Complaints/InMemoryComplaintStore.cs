using System.Collections.Concurrent;

namespace ServiceQuality.Complaints;

/// <summary>
/// The default <see cref="IComplaintStore"/>: complaint streams in process memory, lost when the process ends (use
/// <c>ServiceQuality.Sqlite</c> or <c>ServiceQuality.PostgreSql</c> to keep them). Thread-safe: appends and erasures
/// take one lock, so the feed's positions are in commit order; reads copy under a lock per stream. The due query is
/// served from a sorted index; the other queries filter every summary (fine in memory, at a cost in proportion to the
/// number of complaints).
/// </summary>
public sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly List<(Stream Stream, int Index)> _feed = [];
    private readonly SortedSet<(long DueTicks, string ComplaintId)> _due = new(Comparer<(long DueTicks, string ComplaintId)>.Create(
        static (a, b) => a.DueTicks != b.DueTicks ? a.DueTicks.CompareTo(b.DueTicks) : ComplaintQuery.ComplaintIdOrder.Compare(a.ComplaintId, b.ComplaintId)));

    /// <inheritdoc />
    public ValueTask<long> AppendAsync(ComplaintAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        cancellationToken.ThrowIfCancellationRequested();
        string id = append.ComplaintId;
        lock (_gate)
        {
            bool exists = _streams.TryGetValue(id, out var stream);
            long actual = exists ? stream!.Summary!.Version : 0;
            if (exists && append.ExpectedVersion == 0)
            {
                throw new ComplaintAlreadyExistsException(id, actual);
            }

            if (actual != append.ExpectedVersion)
            {
                throw new ComplaintConcurrencyException(id, append.ExpectedVersion, actual);
            }

            stream ??= _streams.GetOrAdd(id, static _ => new Stream());
            lock (stream.Gate)
            {
                if (stream.Summary?.NextDue is { } oldDue)
                {
                    _due.Remove((oldDue.At.UtcTicks, id));
                }

                foreach (var e in append.Events)
                {
                    _feed.Add((stream, stream.Events.Count));
                    stream.Events.Add(e);
                }

                stream.Summary = append.Summary;
                if (append.Summary.NextDue is { } due)
                {
                    _due.Add((due.At.UtcTicks, id));
                }
            }

            return ValueTask.FromResult(append.NewVersion);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_streams.TryGetValue(complaintId, out var stream))
        {
            return ValueTask.FromResult<IReadOnlyList<ComplaintEvent>>([]);
        }

        lock (stream.Gate)
        {
            return ValueTask.FromResult<IReadOnlyList<ComplaintEvent>>([.. stream.Events]);
        }
    }

    /// <inheritdoc />
    public ValueTask<ComplaintStreamInfo?> GetSummaryAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_streams.TryGetValue(complaintId, out var stream) ? stream.Summary : null);
    }

    /// <inheritdoc />
    public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var fetched = new List<ComplaintStreamInfo>(Math.Min(query.Limit + 1, 1024));
        if (query.Kind == ComplaintQueryKind.DueBy)
        {
            lock (_gate)
            {
                long from = query.Cursor is { } c ? c.SortKey.UtcTicks : long.MinValue;
                if (from <= query.To.UtcTicks)
                {
                    foreach (var (_, id) in _due.GetViewBetween((from, string.Empty), (query.To.UtcTicks + 1, string.Empty)))
                    {
                        var summary = _streams[id].Summary!;
                        if (query.IsAfterCursor(summary) && query.Matches(summary))
                        {
                            fetched.Add(summary);
                            if (fetched.Count > query.Limit)
                            {
                                break;
                            }
                        }
                    }
                }
            }

            return ValueTask.FromResult(ComplaintPage.From(query, fetched));
        }

        foreach (var stream in _streams.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stream.Summary is { } summary && query.Matches(summary) && query.IsAfterCursor(summary))
            {
                fetched.Add(summary);
            }
        }

        fetched.Sort(query.Compare);
        if (fetched.Count > query.Limit + 1)
        {
            fetched.RemoveRange(query.Limit + 1, fetched.Count - query.Limit - 1);
        }

        return ValueTask.FromResult(ComplaintPage.From(query, fetched));
    }

    /// <inheritdoc />
    public ValueTask<ComplaintFeedPage> ReadFeedAsync(ComplaintFeedPosition after, int limit, CancellationToken cancellationToken = default)
    {
        ComplaintQuery.RequireLimit(limit, nameof(limit));
        cancellationToken.ThrowIfCancellationRequested();

        // Each event's position is (p, p): its place in commit order, which the one lock makes the append order.
        long first = after.Sequence < after.Commit ? after.Commit : after.Commit + 1;
        var entries = new List<ComplaintFeedEntry>();
        lock (_gate)
        {
            for (long p = first; p <= _feed.Count && entries.Count < limit; p++)
            {
                var (stream, index) = _feed[(int)(p - 1)];
                entries.Add(new ComplaintFeedEntry { Position = new ComplaintFeedPosition(p, p), Event = stream.Events[index] });
            }
        }

        return ValueTask.FromResult(new ComplaintFeedPage(after, entries));
    }

    /// <inheritdoc />
    public ValueTask<ComplaintErasure> EraseClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        cancellationToken.ThrowIfCancellationRequested();
        int complaints = 0, erased = 0;
        lock (_gate)
        {
            foreach (var stream in _streams.Values)
            {
                if (!string.Equals(stream.Summary?.ClientId, clientId, StringComparison.Ordinal))
                {
                    continue;
                }

                complaints++;
                lock (stream.Gate)
                {
                    for (int i = 0; i < stream.Events.Count; i++)
                    {
                        var e = stream.Events[i];
                        var copy = e.WithPersonalDataErased();
                        if (!copy.Equals(e))
                        {
                            stream.Events[i] = copy;
                            erased++;
                        }
                    }
                }
            }
        }

        return ValueTask.FromResult(new ComplaintErasure { ClientId = clientId, Complaints = complaints, EventsErased = erased });
    }

    private sealed class Stream
    {
        public Lock Gate { get; } = new();

        public List<ComplaintEvent> Events { get; } = [];

        public ComplaintStreamInfo? Summary { get; set; }
    }
}
