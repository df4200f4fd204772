using System.Runtime.CompilerServices;

namespace ServiceQuality.Complaints;

/// <summary>Conveniences over <see cref="IComplaintStore"/>'s paged queries: every result of a query, a page at a time.</summary>
public static class ComplaintStoreExtensions
{
    /// <summary>Streams every result of <paramref name="query"/>, reading a page of <see cref="ComplaintQuery.Limit"/> at a time.</summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The query (its continuation, if any, is where the stream starts).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The summaries, in the query's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IAsyncEnumerable<ComplaintStreamInfo> QueryAllAsync(this IComplaintStore store, ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        return Pages(store, query, cancellationToken);

        static async IAsyncEnumerable<ComplaintStreamInfo> Pages(IComplaintStore store, ComplaintQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var next = query; next is not null;)
            {
                var page = await store.QueryAsync(next, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    yield return item;
                }

                next = page.Continuation is { } token ? next.After(token) : null;
            }
        }
    }

    /// <summary>Streams the complaints of one client, by time received.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The complaints' summaries.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is null, empty, white space, has a lone surrogate or a NUL.</exception>
    public static IAsyncEnumerable<ComplaintStreamInfo> GetByClientAsync(this IComplaintStore store, string clientId, CancellationToken cancellationToken = default) =>
        store.QueryAllAsync(ComplaintQuery.ByClient(clientId), cancellationToken);

    /// <summary>Streams the complaints currently in <paramref name="state"/> (a leaf state, or a superstate for all its substates), by time received.</summary>
    /// <param name="store">The store.</param>
    /// <param name="state">The state.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The complaints' summaries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is undefined.</exception>
    public static IAsyncEnumerable<ComplaintStreamInfo> GetByStateAsync(this IComplaintStore store, ComplaintState state, CancellationToken cancellationToken = default) =>
        store.QueryAllAsync(ComplaintQuery.InState(state), cancellationToken);

    /// <summary>Streams the complaints received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), by time received.</summary>
    /// <param name="store">The store.</param>
    /// <param name="from">The start of the range.</param>
    /// <param name="to">The end of the range.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The complaints' summaries.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IAsyncEnumerable<ComplaintStreamInfo> GetReceivedBetweenAsync(this IComplaintStore store, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        store.QueryAllAsync(ComplaintQuery.ReceivedBetween(from, to), cancellationToken);
}
