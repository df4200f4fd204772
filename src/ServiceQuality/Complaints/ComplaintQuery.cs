using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ServiceQuality.Complaints;

/// <summary>What a <see cref="ComplaintQuery"/> selects, and so the order of its results.</summary>
public enum ComplaintQueryKind
{
    /// <summary>One client's complaints, by time received.</summary>
    ByClient = 0,

    /// <summary>The complaints in a set of leaf states, by time received.</summary>
    InStates = 1,

    /// <summary>The complaints received in a range of time, by time received.</summary>
    ReceivedBetween = 2,

    /// <summary>The complaints with one incident key (the same recurring problem), by time received.</summary>
    ByIncidentKey = 3,

    /// <summary>The complaints with something due at or before an instant, by due time.</summary>
    DueBy = 4,
}

/// <summary>
/// A page of one of a store's queries: what to select (<see cref="Kind"/> and its argument), how many at most
/// (<see cref="Limit"/>) and where the previous page ended (<see cref="Continuation"/>). Results are ordered by a sort key
/// (<see cref="SortKeyOf"/>: the time received, or the due time) and then by complaint identifier in Unicode code point
/// order (<see cref="ComplaintIdOrder"/>: UTF-8 byte order, as SQLite's BINARY and PostgreSQL's "C" collation compare).
/// A page continues after the last (sort key, identifier) of the previous one, so paging neither repeats nor skips a
/// complaint whose sort key and match do not change in between, whatever is appended meanwhile.
/// </summary>
public sealed class ComplaintQuery
{
    /// <summary>The default number of complaints in a page.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest number of complaints in a page (and of events in a page of the feed).</summary>
    public const int MaxLimit = 10_000;

    private static readonly ComplaintState[] LeafStates = [.. Enum.GetValues<ComplaintState>().Where(s => s is not (ComplaintState.Open or ComplaintState.Engaged))];

    private ComplaintQuery(ComplaintQueryKind kind)
    {
        Kind = kind;
        States = [];
    }

    private ComplaintQuery(ComplaintQuery other, int limit, string? continuation, (DateTimeOffset, string)? cursor)
    {
        Kind = other.Kind;
        ClientId = other.ClientId;
        IncidentKey = other.IncidentKey;
        States = other.States;
        From = other.From;
        To = other.To;
        Limit = limit;
        Continuation = continuation;
        Cursor = cursor;
    }

    /// <summary>Gets the comparer of complaint identifiers that every store's order follows: Unicode code point order.</summary>
    public static IComparer<string> ComplaintIdOrder { get; } = new CodePointComparer();

    /// <summary>Gets what the query selects.</summary>
    public ComplaintQueryKind Kind { get; }

    /// <summary>Gets the client, for <see cref="ComplaintQueryKind.ByClient"/>.</summary>
    public string? ClientId { get; private init; }

    /// <summary>Gets the incident key, for <see cref="ComplaintQueryKind.ByIncidentKey"/>.</summary>
    public string? IncidentKey { get; private init; }

    /// <summary>Gets the leaf states, distinct and in ascending order, for <see cref="ComplaintQueryKind.InStates"/> (empty otherwise).</summary>
    public IReadOnlyList<ComplaintState> States { get; private init; }

    /// <summary>Gets the start of the range (inclusive) for <see cref="ComplaintQueryKind.ReceivedBetween"/>.</summary>
    public DateTimeOffset From { get; private init; }

    /// <summary>Gets the end of the range (exclusive) for <see cref="ComplaintQueryKind.ReceivedBetween"/>, or the instant (inclusive) for <see cref="ComplaintQueryKind.DueBy"/>.</summary>
    public DateTimeOffset To { get; private init; }

    /// <summary>Gets the largest number of complaints in the page.</summary>
    /// <value>1 to <see cref="MaxLimit"/>; <see cref="DefaultLimit"/> unless set with <see cref="WithLimit"/>.</value>
    public int Limit { get; } = DefaultLimit;

    /// <summary>Gets the continuation token of the previous page (<see cref="ComplaintPage.Continuation"/>), or <see langword="null"/> for the first page.</summary>
    public string? Continuation { get; }

    /// <summary>Gets where the previous page ended, decoded from <see cref="Continuation"/>: results come strictly after this (sort key, identifier); <see langword="null"/> for the first page.</summary>
    public (DateTimeOffset SortKey, string ComplaintId)? Cursor { get; }

    /// <summary>Selects one client's complaints, by time received.</summary>
    /// <param name="clientId">The client.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is null, empty, white space, has a lone surrogate or a NUL.</exception>
    public static ComplaintQuery ByClient(string clientId)
    {
        ComplaintText.ThrowIfInvalidIdentifier(clientId, nameof(clientId));
        return new ComplaintQuery(ComplaintQueryKind.ByClient) { ClientId = clientId };
    }

    /// <summary>Selects the complaints with one incident key, by time received.</summary>
    /// <param name="incidentKey">The incident key.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException"><paramref name="incidentKey"/> is null, empty, white space, has a lone surrogate or a NUL.</exception>
    public static ComplaintQuery ByIncidentKey(string incidentKey)
    {
        ComplaintText.ThrowIfInvalidIdentifier(incidentKey, nameof(incidentKey));
        return new ComplaintQuery(ComplaintQueryKind.ByIncidentKey) { IncidentKey = incidentKey };
    }

    /// <summary>Selects the complaints in any of <paramref name="leafStates"/>, by time received.</summary>
    /// <param name="leafStates">The leaf states (not <see cref="ComplaintState.Open"/> or <see cref="ComplaintState.Engaged"/>: expand a superstate with <see cref="InState"/>); at least one.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leafStates"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no state, or one is undefined or a superstate.</exception>
    public static ComplaintQuery InStates(IEnumerable<ComplaintState> leafStates)
    {
        ArgumentNullException.ThrowIfNull(leafStates);
        var states = new SortedSet<ComplaintState>();
        foreach (var state in leafStates)
        {
            if (Array.IndexOf(LeafStates, state) < 0)
            {
                throw new ArgumentException($"'{state}' is not a leaf state. Valid: {string.Join(", ", LeafStates)} (expand a superstate with ComplaintQuery.InState).", nameof(leafStates));
            }

            states.Add(state);
        }

        if (states.Count == 0)
        {
            throw new ArgumentException($"At least one state is needed. Valid: {string.Join(", ", LeafStates)}.", nameof(leafStates));
        }

        return new ComplaintQuery(ComplaintQueryKind.InStates) { States = [.. states] };
    }

    /// <summary>Selects the complaints in <paramref name="state"/>, a superstate expanded to its leaf states as the lifecycle nests them (<see cref="ComplaintState.Open"/>: Received to Resolved; <see cref="ComplaintState.Engaged"/>: Acknowledged to Resolved).</summary>
    /// <param name="state">A leaf state or a superstate.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is undefined.</exception>
    public static ComplaintQuery InState(ComplaintState state)
    {
        ComplaintLifecycle.RequireDefined(state, nameof(state));
        return InStates(LeafStates.Where(leaf => ComplaintStreamInfo.Contains(state, leaf)));
    }

    /// <summary>Selects the complaints received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), by time received.</summary>
    /// <param name="from">The start of the range.</param>
    /// <param name="to">The end of the range.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static ComplaintQuery ReceivedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        return new ComplaintQuery(ComplaintQueryKind.ReceivedBetween) { From = from, To = to };
    }

    /// <summary>
    /// Selects the complaints with something due at or before <paramref name="instant"/> (their
    /// <see cref="ComplaintStreamInfo.NextDue"/>), by due time: what an SLA monitor asks, at a cost in proportion to
    /// what is due, not to what is open.
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The query.</returns>
    public static ComplaintQuery DueBy(DateTimeOffset instant) => new(ComplaintQueryKind.DueBy) { To = instant };

    /// <summary>Gets this query with another page size.</summary>
    /// <param name="limit">The largest number of complaints in the page: 1 to <see cref="MaxLimit"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to <see cref="MaxLimit"/>.</exception>
    public ComplaintQuery WithLimit(int limit)
    {
        RequireLimit(limit, nameof(limit));
        return new ComplaintQuery(this, limit, Continuation, Cursor);
    }

    /// <summary>Gets this query continued after a page it returned.</summary>
    /// <param name="continuation">The page's <see cref="ComplaintPage.Continuation"/>; <see langword="null"/> for the first page.</param>
    /// <returns>The query for the next page.</returns>
    /// <exception cref="ArgumentException"><paramref name="continuation"/> is not a token a query of this kind returned.</exception>
    public ComplaintQuery After(string? continuation) =>
        new(this, Limit, continuation, continuation is null ? null : Decode(continuation, Kind));

    /// <summary>Gets the key <paramref name="summary"/> is sorted by in this query: the due time for <see cref="ComplaintQueryKind.DueBy"/>, else the time received.</summary>
    /// <param name="summary">A complaint's summary.</param>
    /// <returns>The sort key.</returns>
    /// <exception cref="ArgumentException">A <see cref="ComplaintQueryKind.DueBy"/> query, and nothing is due on the complaint.</exception>
    public DateTimeOffset SortKeyOf(ComplaintStreamInfo summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Kind != ComplaintQueryKind.DueBy)
        {
            return summary.ReceivedAt;
        }

        return summary.NextDue?.At ?? throw new ArgumentException($"Nothing is due on complaint '{summary.ComplaintId}'; it cannot be a result of a due query.", nameof(summary));
    }

    /// <summary>Tells whether <paramref name="summary"/> is selected by the query (the cursor aside): for stores that filter in memory.</summary>
    /// <param name="summary">A complaint's summary.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(ComplaintStreamInfo summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Kind switch
        {
            ComplaintQueryKind.ByClient => string.Equals(summary.ClientId, ClientId, StringComparison.Ordinal),
            ComplaintQueryKind.ByIncidentKey => string.Equals(summary.IncidentKey, IncidentKey, StringComparison.Ordinal),
            ComplaintQueryKind.InStates => States.Contains(summary.State),
            ComplaintQueryKind.ReceivedBetween => summary.ReceivedAt >= From && summary.ReceivedAt < To,
            _ => summary.NextDue is { } due && due.At <= To,
        };
    }

    /// <summary>Compares two results in the query's order: sort key, then identifier in code point order.</summary>
    /// <param name="x">A summary.</param>
    /// <param name="y">Another summary.</param>
    /// <returns>Negative, zero or positive as <paramref name="x"/> comes before, with or after <paramref name="y"/>.</returns>
    public int Compare(ComplaintStreamInfo x, ComplaintStreamInfo y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int c = SortKeyOf(x).UtcTicks.CompareTo(SortKeyOf(y).UtcTicks);
        return c != 0 ? c : ComplaintIdOrder.Compare(x.ComplaintId, y.ComplaintId);
    }

    /// <summary>Tells whether <paramref name="summary"/> comes after the <see cref="Cursor"/> (always, on the first page).</summary>
    /// <param name="summary">A complaint's summary.</param>
    /// <returns><see langword="true"/> when it belongs to this page or a later one.</returns>
    public bool IsAfterCursor(ComplaintStreamInfo summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Cursor is not { } cursor)
        {
            return true;
        }

        int c = SortKeyOf(summary).UtcTicks.CompareTo(cursor.SortKey.UtcTicks);
        return c > 0 || (c == 0 && ComplaintIdOrder.Compare(summary.ComplaintId, cursor.ComplaintId) > 0);
    }

    /// <summary>Makes the continuation token of a page that ends with <paramref name="last"/>.</summary>
    /// <param name="last">The last complaint of the page.</param>
    /// <returns>The opaque token; <see cref="After"/> decodes it.</returns>
    public string ContinuationAfter(ComplaintStreamInfo last)
    {
        ArgumentNullException.ThrowIfNull(last);
        string text = string.Create(CultureInfo.InvariantCulture, $"{(int)Kind}:{SortKeyOf(last).UtcTicks}:{last.ComplaintId}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    internal static void RequireLimit(int limit, string name)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(name, limit, $"The limit must be from 1 to {MaxLimit}.");
        }
    }

    private static (DateTimeOffset, string) Decode(string continuation, ComplaintQueryKind kind)
    {
        const string Problem = "The continuation token is not one a page of this query returned; pass ComplaintPage.Continuation unchanged, to a query of the same kind.";
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(continuation));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(Problem, nameof(continuation), ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArgumentException(Problem, nameof(continuation), ex);
        }

        var parts = text.Split(':', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k != (int)kind
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || parts[2].Length == 0)
        {
            throw new ArgumentException(Problem, nameof(continuation));
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[2]);
    }

    /// <summary>Orders strings by Unicode code point (as UTF-8 bytes compare), not by UTF-16 code unit.</summary>
    private sealed class CodePointComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            int n = x.AsSpan().CommonPrefixLength(y);
            if (n == x.Length || n == y.Length)
            {
                return x.Length.CompareTo(y.Length);
            }

            return Fix(x[n]).CompareTo(Fix(y[n]));

            // Surrogates (U+D800-DFFF) encode code points above U+FFFF: they sort after U+E000-FFFF in code point order.
            static int Fix(char c) => c >= '\uD800' ? (c >= '\uE000' ? c - 0x800 : c + 0x2000) : c;
        }
    }
}

/// <summary>A page of results of a <see cref="ComplaintQuery"/>.</summary>
public sealed class ComplaintPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The complaints, in the query's order.</param>
    /// <param name="continuation">The token for the next page, or <see langword="null"/> when this is the last page.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public ComplaintPage(IReadOnlyList<ComplaintStreamInfo> items, string? continuation)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        Continuation = continuation;
    }

    /// <summary>Gets the complaints, in the query's order.</summary>
    public IReadOnlyList<ComplaintStreamInfo> Items { get; }

    /// <summary>Gets the token for the next page (<see cref="ComplaintQuery.After"/>), or <see langword="null"/> when there is no more.</summary>
    public string? Continuation { get; }

    /// <summary>
    /// Makes a page from what a store fetched: up to <see cref="ComplaintQuery.Limit"/> + 1 matching complaints after
    /// the cursor, in the query's order. One more than the limit means there is a next page.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="fetched">The complaints fetched, in order, at most <see cref="ComplaintQuery.Limit"/> + 1.</param>
    /// <returns>The page, with a continuation token when there is more.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">More than <see cref="ComplaintQuery.Limit"/> + 1 complaints were fetched.</exception>
    public static ComplaintPage From(ComplaintQuery query, IReadOnlyList<ComplaintStreamInfo> fetched)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fetched);
        if (fetched.Count > query.Limit + 1)
        {
            throw new ArgumentException($"Fetch at most the limit plus one ({query.Limit + 1}) complaints; {fetched.Count} were fetched.", nameof(fetched));
        }

        if (fetched.Count <= query.Limit)
        {
            return new ComplaintPage(fetched, null);
        }

        var items = new ComplaintStreamInfo[query.Limit];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = fetched[i];
        }

        return new ComplaintPage(items, query.ContinuationAfter(items[^1]));
    }
}
