using System.Numerics;

namespace ServiceQuality.Normalization;

/// <summary>Options of a <see cref="RecurrenceIndex"/>.</summary>
public sealed class RecurrenceIndexOptions
{
    /// <summary>Gets or sets the largest Hamming distance between two fingerprints that are near-duplicates.</summary>
    /// <value>3 by default; 0 to 15. The index splits the 64 bits into this many plus one bands.</value>
    public int MaxHammingDistance { get; set; } = 3;

    /// <summary>
    /// Gets or sets how far apart in time two complaints may be and still be grouped into one recurring problem. The
    /// fingerprint's similarity is the evidence that two complaints are one problem; the window only bounds how long a
    /// problem counts as the same. Complaints recur over months and years (a template letter sent again, a fault that
    /// returns after a renewal): the CFPB sample's listed duplicates are 42 to 825 days apart, which a 30-day window,
    /// the old default, never grouped.
    /// </summary>
    /// <value>Three years (1,096 days) by default; more than zero.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1096);

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="InvalidOptionsException">One or more settings are out of range; the message names each one and its valid range; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxHammingDistance is < 0 or > 15)
        {
            problems.Add($"{nameof(MaxHammingDistance)} is {MaxHammingDistance}; it must be 0 to 15.");
        }

        if (Window <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(Window)} is {Window}; it must be more than zero.");
        }

        OptionProblems.ThrowIfAny(problems, nameof(RecurrenceIndexOptions));
    }
}

/// <summary>A complaint found near a fingerprint.</summary>
public readonly record struct RecurrenceMatch
{
    internal RecurrenceMatch(string complaintId, ulong fingerprint, DateTimeOffset seenAt, string? client, int distance)
    {
        ComplaintId = complaintId;
        Fingerprint = fingerprint;
        SeenAt = seenAt;
        Client = client;
        Distance = distance;
    }

    /// <summary>Gets the identifier given when it was added.</summary>
    public string ComplaintId { get; }

    /// <summary>Gets its fingerprint.</summary>
    public ulong Fingerprint { get; }

    /// <summary>Gets when it was seen.</summary>
    public DateTimeOffset SeenAt { get; }

    /// <summary>Gets the client who complained, if known.</summary>
    public string? Client { get; }

    /// <summary>Gets the Hamming distance to the queried fingerprint.</summary>
    public int Distance { get; }
}

/// <summary>A recurring problem: complaints linked by near-duplicate fingerprints within the time window.</summary>
public sealed class RecurringProblem
{
    internal RecurringProblem(int count, DateTimeOffset firstSeen, DateTimeOffset lastSeen, IReadOnlyList<string> clients, IReadOnlyList<string> complaintIds)
    {
        Count = count;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
        Clients = clients;
        ComplaintIds = complaintIds;
    }

    /// <summary>Gets the number of complaints.</summary>
    public int Count { get; }

    /// <summary>Gets when the first was seen.</summary>
    public DateTimeOffset FirstSeen { get; }

    /// <summary>Gets when the last was seen.</summary>
    public DateTimeOffset LastSeen { get; }

    /// <summary>Gets the distinct clients affected, in order of first complaint.</summary>
    public IReadOnlyList<string> Clients { get; }

    /// <summary>Gets the complaints, in the order they were added.</summary>
    public IReadOnlyList<string> ComplaintIds { get; }
}

/// <summary>
/// Groups near-duplicate complaints over time. Queries never scan everything: the 64-bit fingerprint is split into
/// <c>k + 1</c> bands (multi-index hashing, Manku et al. 2007), so any fingerprint within Hamming distance <c>k</c>
/// shares at least one band exactly, and only the entries in those band buckets are compared. Safe to use from
/// several threads (one lock).
/// </summary>
public sealed class RecurrenceIndex
{
    private readonly object _gate = new();
    private readonly int _maxDistance;
    private readonly long _windowTicks;
    private readonly int[] _shifts;
    private readonly ulong[] _masks;
    private readonly Dictionary<ulong, int>[] _heads;
    private readonly List<int>[] _next;
    private readonly List<ulong> _fingerprints = [];
    private readonly List<long> _ticks = [];
    private readonly List<TimeSpan> _offsets = [];
    private readonly List<string> _ids = [];
    private readonly List<string?> _clients = [];
    private readonly List<int> _parents = [];
    private int[] _visited = [];
    private int _stamp;
    private bool _inTimeOrder = true;

    /// <summary>Creates an index with the default options (distance 3, a three-year window).</summary>
    public RecurrenceIndex()
        : this(new RecurrenceIndexOptions())
    {
    }

    /// <summary>Creates an index.</summary>
    /// <param name="options">The options, validated and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">A setting is out of range; the message names each one; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public RecurrenceIndex(RecurrenceIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _maxDistance = options.MaxHammingDistance;
        _windowTicks = options.Window.Ticks;
        var bands = _maxDistance + 1;
        _shifts = new int[bands];
        _masks = new ulong[bands];
        _heads = new Dictionary<ulong, int>[bands];
        _next = new List<int>[bands];
        var shift = 0;
        for (var b = 0; b < bands; b++)
        {
            var width = (64 / bands) + (b < 64 % bands ? 1 : 0);
            _shifts[b] = shift;
            _masks[b] = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            _heads[b] = [];
            _next[b] = [];
            shift += width;
        }
    }

    /// <summary>Gets the number of complaints added.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>Gets the largest Hamming distance that counts as a near-duplicate.</summary>
    public int MaxHammingDistance => _maxDistance;

    /// <summary>Adds a normalized complaint; its client comes from its context.</summary>
    /// <param name="complaintId">The complaint's identifier.</param>
    /// <param name="complaint">The normalized complaint.</param>
    /// <param name="seenAt">When it was received.</param>
    /// <exception cref="ArgumentNullException"><paramref name="complaintId"/> or <paramref name="complaint"/> is <see langword="null"/>.</exception>
    public void Add(string complaintId, NormalizedComplaint complaint, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        Add(complaintId, complaint.FingerprintValue, seenAt, complaint.Context.Client);
    }

    /// <summary>Adds a fingerprint and links it to its near-duplicates within the window.</summary>
    /// <param name="complaintId">The complaint's identifier.</param>
    /// <param name="fingerprint">Its fingerprint (<see cref="NormalizedComplaint.FingerprintValue"/>).</param>
    /// <param name="seenAt">When it was received.</param>
    /// <param name="client">The client who complained, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="complaintId"/> is <see langword="null"/>.</exception>
    public void Add(string complaintId, ulong fingerprint, DateTimeOffset seenAt, string? client = null)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        lock (_gate)
        {
            var index = _ids.Count;
            var ticks = seenAt.UtcTicks;
            _inTimeOrder &= index == 0 || ticks >= _ticks[index - 1];
            _fingerprints.Add(fingerprint);
            _ticks.Add(ticks);
            _offsets.Add(seenAt.Offset);
            _ids.Add(complaintId);
            _clients.Add(client);
            _parents.Add(index);
            foreach (var match in Candidates(fingerprint, ticks - _windowTicks, ticks + _windowTicks, _maxDistance, index))
            {
                Union(index, match);
            }

            for (var b = 0; b < _heads.Length; b++)
            {
                var key = (fingerprint >> _shifts[b]) & _masks[b];
                _next[b].Add(_heads[b].TryGetValue(key, out var head) ? head : -1);
                _heads[b][key] = index;
            }
        }
    }

    /// <summary>Finds the complaints whose fingerprint is within the index's distance of <paramref name="fingerprint"/>, seen in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="fingerprint">The fingerprint to look for.</param>
    /// <param name="from">The earliest time.</param>
    /// <param name="to">The latest time.</param>
    /// <returns>The matches, nearest first, then in the order they were added.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public IReadOnlyList<RecurrenceMatch> FindNearDuplicates(ulong fingerprint, DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The end of the time range ({to:O}) is before its start ({from:O}).", nameof(to));
        }

        lock (_gate)
        {
            var result = new List<RecurrenceMatch>();
            foreach (var i in Candidates(fingerprint, from.UtcTicks, to.UtcTicks, _maxDistance, _ids.Count))
            {
                result.Add(new RecurrenceMatch(
                    _ids[i], _fingerprints[i], new DateTimeOffset(_ticks[i], TimeSpan.Zero).ToOffset(_offsets[i]), _clients[i],
                    BitOperations.PopCount(_fingerprints[i] ^ fingerprint)));
            }

            result.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.SeenAt.CompareTo(b.SeenAt));
            return result;
        }
    }

    /// <summary>Gets the recurring problems: groups of near-duplicate complaints linked within the window.</summary>
    /// <param name="minimumCount">The fewest complaints a group needs to be listed; at least 1 (2 by default).</param>
    /// <returns>The problems, largest first, then by first seen.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumCount"/> is below 1.</exception>
    public IReadOnlyList<RecurringProblem> GetRecurringProblems(int minimumCount = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        lock (_gate)
        {
            var groups = new Dictionary<int, List<int>>();
            for (var i = 0; i < _ids.Count; i++)
            {
                var root = Find(i);
                if (!groups.TryGetValue(root, out var members))
                {
                    groups[root] = members = [];
                }

                members.Add(i);
            }

            var problems = new List<RecurringProblem>();
            foreach (var members in groups.Values)
            {
                if (members.Count < minimumCount)
                {
                    continue;
                }

                var first = members.MinBy(i => _ticks[i]);
                var last = members.MaxBy(i => _ticks[i]);
                var clients = members.Select(i => _clients[i]).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
                problems.Add(new RecurringProblem(
                    members.Count,
                    new DateTimeOffset(_ticks[first], TimeSpan.Zero).ToOffset(_offsets[first]),
                    new DateTimeOffset(_ticks[last], TimeSpan.Zero).ToOffset(_offsets[last]),
                    clients,
                    [.. members.Select(i => _ids[i])]));
            }

            problems.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.FirstSeen.CompareTo(b.FirstSeen));
            return problems;
        }
    }

    /// <summary>The entries below <paramref name="limit"/> within the distance and time range, each once.</summary>
    private List<int> Candidates(ulong fingerprint, long fromTicks, long toTicks, int maxDistance, int limit)
    {
        if (_visited.Length < _ids.Count)
        {
            Array.Resize(ref _visited, Math.Max(16, _ids.Count * 2));
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_visited);
            _stamp = 1;
        }

        var result = new List<int>();
        for (var b = 0; b < _heads.Length; b++)
        {
            var key = (fingerprint >> _shifts[b]) & _masks[b];
            if (!_heads[b].TryGetValue(key, out var i))
            {
                continue;
            }

            var next = _next[b];
            for (; i >= 0; i = next[i])
            {
                if (_inTimeOrder && _ticks[i] < fromTicks)
                {
                    break;
                }

                if (i >= limit || _visited[i] == _stamp)
                {
                    continue;
                }

                _visited[i] = _stamp;
                if (_ticks[i] >= fromTicks && _ticks[i] <= toTicks && BitOperations.PopCount(_fingerprints[i] ^ fingerprint) <= maxDistance)
                {
                    result.Add(i);
                }
            }
        }

        return result;
    }

    private int Find(int i)
    {
        while (_parents[i] != i)
        {
            _parents[i] = _parents[_parents[i]];
            i = _parents[i];
        }

        return i;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra != rb)
        {
            _parents[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
