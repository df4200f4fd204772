using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Complaints;

/// <summary>The default <see cref="IComplaintStore"/>: complaint streams in memory, thread-safe, one lock per stream.</summary>
public sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly ConcurrentDictionary<string, Stream> _streams = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<long> AppendAsync(string complaintId, long expectedVersion, IReadOnlyList<ComplaintEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ValidateEvents(complaintId, expectedVersion, events);
        cancellationToken.ThrowIfCancellationRequested();
        Stream? stream;
        if (expectedVersion == 0)
        {
            stream = _streams.GetOrAdd(complaintId, static _ => new Stream());
        }
        else if (!_streams.TryGetValue(complaintId, out stream))
        {
            throw new ComplaintConcurrencyException(complaintId, expectedVersion, 0);
        }

        lock (stream.Gate)
        {
            if (stream.Events.Count != expectedVersion)
            {
                throw new ComplaintConcurrencyException(complaintId, expectedVersion, stream.Events.Count);
            }

            stream.Events.AddRange(events);
            var first = (ComplaintReceived)stream.Events[0];
            var last = stream.Events[^1];
            stream.Info = new ComplaintStreamInfo(complaintId, first.ClientId, last.State, last.Version, first.At, last.At);
            return ValueTask.FromResult(last.Version);
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
    public IAsyncEnumerable<ComplaintStreamInfo> GetByClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        return Query(i => string.Equals(i.ClientId, clientId, StringComparison.Ordinal), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ComplaintStreamInfo> GetByStateAsync(ComplaintState state, CancellationToken cancellationToken = default)
    {
        ComplaintLifecycle.RequireDefined(state, nameof(state));
        return Query(i => i.IsIn(state), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ComplaintStreamInfo> GetReceivedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        return Query(i => i.ReceivedAt >= from && i.ReceivedAt < to, cancellationToken);
    }

    private static void ValidateEvents(string complaintId, long expectedVersion, IReadOnlyList<ComplaintEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("There are no events to append.", nameof(events));
        }

        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
            long version = expectedVersion + i + 1;
            if (e.Version != version || !string.Equals(e.ComplaintId, complaintId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Event {i} ({e.GetType().Name}) is version {e.Version} of complaint '{e.ComplaintId}'; expected version {version} of '{complaintId}'.", nameof(events));
            }

            if ((version == 1) != (e is ComplaintReceived))
            {
                throw new ArgumentException($"A stream starts with ComplaintReceived, and only there; event {i} is {e.GetType().Name} at version {version}.", nameof(events));
            }
        }
    }

    private async IAsyncEnumerable<ComplaintStreamInfo> Query(Func<ComplaintStreamInfo, bool> match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var found = new List<ComplaintStreamInfo>();
        foreach (var stream in _streams.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ComplaintStreamInfo info;
            lock (stream.Gate)
            {
                if (stream.Events.Count == 0)
                {
                    continue;
                }

                info = stream.Info;
            }

            if (match(info))
            {
                found.Add(info);
            }
        }

        found.Sort(static (a, b) => a.ReceivedAt != b.ReceivedAt ? a.ReceivedAt.CompareTo(b.ReceivedAt) : string.CompareOrdinal(a.ComplaintId, b.ComplaintId));
        foreach (var info in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private sealed class Stream
    {
        public Lock Gate { get; } = new();

        public List<ComplaintEvent> Events { get; } = [];

        public ComplaintStreamInfo Info { get; set; }
    }
}
