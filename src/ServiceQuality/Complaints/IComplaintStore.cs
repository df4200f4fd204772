namespace ServiceQuality.Complaints;

/// <summary>
/// Where complaint histories are kept: append-only streams, one per complaint, with optimistic concurrency. Every
/// implementation must pass the same contract tests (<c>ComplaintStoreContractTests</c>).
/// </summary>
public interface IComplaintStore
{
    /// <summary>Appends events to a complaint's stream if the stream is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="expectedVersion">The version the writer read (0 for a new complaint).</param>
    /// <param name="events">The events, with versions <paramref name="expectedVersion"/> + 1, + 2, ...; a new stream starts with <see cref="ComplaintReceived"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stream's new version.</returns>
    /// <exception cref="ComplaintConcurrencyException">The stream is not at <paramref name="expectedVersion"/>: another writer got there first. Nothing was appended.</exception>
    /// <exception cref="ArgumentException">The events are empty, null, for another complaint, or not numbered from <paramref name="expectedVersion"/> + 1.</exception>
    ValueTask<long> AppendAsync(string complaintId, long expectedVersion, IReadOnlyList<ComplaintEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a complaint's whole stream.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The events in order; empty when the complaint is unknown.</returns>
    ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>Streams the complaints of one client, by time received.</summary>
    /// <param name="clientId">The client.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The complaints' summaries.</returns>
    IAsyncEnumerable<ComplaintStreamInfo> GetByClientAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Streams the complaints currently in <paramref name="state"/>, by time received.</summary>
    /// <param name="state">The state (a leaf state, or <see cref="ComplaintState.Open"/> / <see cref="ComplaintState.Engaged"/> for all their substates).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The complaints' summaries.</returns>
    IAsyncEnumerable<ComplaintStreamInfo> GetByStateAsync(ComplaintState state, CancellationToken cancellationToken = default);

    /// <summary>Streams the complaints received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), by time received.</summary>
    /// <param name="from">The start of the range.</param>
    /// <param name="to">The end of the range.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The complaints' summaries.</returns>
    IAsyncEnumerable<ComplaintStreamInfo> GetReceivedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>A summary of one stored complaint, as the store's queries return it.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="ClientId">The client.</param>
/// <param name="State">The current state (of the last event).</param>
/// <param name="Version">The stream's version.</param>
/// <param name="ReceivedAt">When the complaint was received.</param>
/// <param name="LastEventAt">When the last event happened.</param>
public readonly record struct ComplaintStreamInfo(string ComplaintId, string ClientId, ComplaintState State, long Version, DateTimeOffset ReceivedAt, DateTimeOffset LastEventAt)
{
    /// <summary>Tells whether <paramref name="state"/> is this complaint's state or one of its superstates.</summary>
    /// <param name="state">The state asked about.</param>
    /// <returns><see langword="true"/> when the complaint is in <paramref name="state"/>.</returns>
    public bool IsIn(ComplaintState state) => ComplaintLifecycle.Hierarchy.IsInState(State, state);
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

