namespace ServiceQuality.Complaints;

/// <summary>
/// Where complaint histories are kept: append-only streams, one per complaint, with optimistic concurrency; a summary
/// row per complaint for the queries; a global feed of every event for projections; and the erasure of a client's
/// personal data. The in-memory store, SQLite (<c>ServiceQuality.Sqlite</c>) and PostgreSQL
/// (<c>ServiceQuality.PostgreSql</c>) implement it, and every implementation passes the same contract suite,
/// <c>ComplaintStoreContract</c> in <c>ServiceQuality.Testing</c>: inherit it to test your own. Implementations are
/// thread-safe.
/// </summary>
public interface IComplaintStore
{
    /// <summary>
    /// Appends events to a complaint's stream, atomically, if the stream is still at
    /// <see cref="ComplaintAppend.ExpectedVersion"/>, and keeps the complaint's summary
    /// (<see cref="ComplaintAppend.Summary"/>) for the queries. The events get positions in the global feed.
    /// </summary>
    /// <param name="append">The events, the expected version and the summary after them (validated when it was made).</param>
    /// <param name="cancellationToken">Cancels the operation (before anything is stored).</param>
    /// <returns>The stream's new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="append"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event holds text a serializing store cannot store exactly (a lone surrogate, which intake refuses). Nothing was appended.</exception>
    /// <exception cref="ComplaintAlreadyExistsException">The expected version is 0 and the complaint exists. Nothing was appended.</exception>
    /// <exception cref="ComplaintConcurrencyException">The stream is not at the expected version: another writer got there first. Nothing was appended.</exception>
    ValueTask<long> AppendAsync(ComplaintAppend append, CancellationToken cancellationToken = default);

    /// <summary>Reads a complaint's whole stream.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The events in order (versions 1, 2, ...); empty when the complaint is unknown.</returns>
    /// <exception cref="ArgumentException"><paramref name="complaintId"/> is null, empty or white space.</exception>
    ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>Reads a complaint's summary.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The summary, or <see langword="null"/> when the complaint is unknown.</returns>
    /// <exception cref="ArgumentException"><paramref name="complaintId"/> is null, empty or white space.</exception>
    ValueTask<ComplaintStreamInfo?> GetSummaryAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a page of a query over the summaries: by client, by a set of states, received between, by incident key, or
    /// due by an instant; in the query's order, after its cursor, at most its limit. Served from indexes, at a cost in
    /// proportion to the page, not to the number of complaints stored.
    /// </summary>
    /// <param name="query">The query, its limit and continuation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; its <see cref="ComplaintPage.Continuation"/> is <see langword="null"/> on the last page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the global feed of events after a position, in feed order. An event never appears behind a position
    /// already returned: an append that commits late appears after everything returned before it was visible.
    /// </summary>
    /// <param name="after">The position to read after (<see cref="ComplaintFeedPosition.Start"/> for the beginning).</param>
    /// <param name="limit">The largest number of events: 1 to <see cref="ComplaintQuery.MaxLimit"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page of events, and the position to continue after.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to <see cref="ComplaintQuery.MaxLimit"/>.</exception>
    ValueTask<ComplaintFeedPage> ReadFeedAsync(ComplaintFeedPosition after, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases one client's personal data: every event of the client's complaints is replaced, in place, by
    /// <see cref="ComplaintEvent.WithPersonalDataErased"/>'s copy (the words gone; facts, states, versions, times and feed
    /// positions kept, so replay still works), leaving no trace of the old text in the store. Idempotent.
    /// </summary>
    /// <param name="clientId">The client.</param>
    /// <param name="cancellationToken">Cancels the operation (before anything is changed).</param>
    /// <returns>How many complaints and events were erased.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is null, empty or white space.</exception>
    ValueTask<ComplaintErasure> EraseClientAsync(string clientId, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IComplaintStore.EraseClientAsync"/> erased.</summary>
public readonly record struct ComplaintErasure
{
    /// <summary>Gets the client.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the number of the client's complaints.</summary>
    public required int Complaints { get; init; }

    /// <summary>Gets the number of events whose stored content changed (0 when they were erased before).</summary>
    public required int EventsErased { get; init; }
}

/// <summary>A writer appended to a complaint with a stale expected version: another writer appended first. Reload and retry.</summary>
public class ComplaintConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ComplaintConcurrencyException()
        : this("A complaint stream was changed by another writer.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ComplaintConcurrencyException(string message)
        : base(message)
    {
        ComplaintId = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        ComplaintId = string.Empty;
    }

    /// <summary>Creates the exception for a stale writer.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The stream's version.</param>
    public ComplaintConcurrencyException(string complaintId, long expectedVersion, long actualVersion)
        : base($"Complaint '{complaintId}' is at version {actualVersion}, not the expected {expectedVersion}: another writer appended first. Reload it and retry the command.")
    {
        ComplaintId = complaintId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Creates the exception for a writer refused at <paramref name="actualVersion"/>, with a message.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The stream's version.</param>
    /// <param name="message">The message.</param>
    protected ComplaintConcurrencyException(string complaintId, long expectedVersion, long actualVersion, string message)
        : base(message)
    {
        ComplaintId = complaintId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Gets the complaint.</summary>
    public string ComplaintId { get; }

    /// <summary>Gets the version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the stream's version when the append was refused.</summary>
    public long ActualVersion { get; }
}

/// <summary>
/// A complaint was received with an identifier that is already in the store. It is a
/// <see cref="ComplaintConcurrencyException"/> (the first append expected an empty stream), so existing handlers still
/// catch it, but a host can tell "already exists" from "another writer was first".
/// </summary>
public sealed class ComplaintAlreadyExistsException : ComplaintConcurrencyException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintAlreadyExistsException()
        : base("A complaint with this identifier already exists.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ComplaintAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a complaint identifier already in use.</summary>
    /// <param name="complaintId">The identifier.</param>
    /// <param name="actualVersion">The existing complaint's version.</param>
    public ComplaintAlreadyExistsException(string complaintId, long actualVersion)
        : base(complaintId, 0, actualVersion, $"A complaint '{complaintId}' already exists (at version {actualVersion}); receive the new one under another identifier, or load the existing one.")
    {
    }
}

