namespace ServiceQuality.Complaints;

/// <summary>
/// One append to a complaint's stream, as <see cref="IComplaintStore.AppendAsync"/> receives it: the events, the version
/// the writer read, and the summary of the complaint after them. Validated when it is made, so a store only stores it:
/// the events continue the stream from <see cref="ExpectedVersion"/>, all of one complaint, and the summary agrees with
/// the last of them.
/// </summary>
public sealed class ComplaintAppend
{
    private readonly ComplaintEvent[] _events;

    /// <summary>Creates an append.</summary>
    /// <param name="expectedVersion">The version the writer read (0 for a new complaint).</param>
    /// <param name="events">The events, with versions <paramref name="expectedVersion"/> + 1, + 2, ...; a new stream starts with <see cref="ComplaintReceived"/>, and only a new stream does.</param>
    /// <param name="summary">The complaint's summary after the events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or <paramref name="summary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ArgumentException">The events are empty, contain a null, are of another complaint, or are not numbered from <paramref name="expectedVersion"/> + 1; or the summary is of another complaint or version, disagrees with the last event, or an identifier in it is white space, has a lone surrogate or a NUL.</exception>
    public ComplaintAppend(long expectedVersion, IReadOnlyList<ComplaintEvent> events, ComplaintStreamInfo summary)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(summary);
        if (events.Count == 0)
        {
            throw new ArgumentException("There are no events to append.", nameof(events));
        }

        ComplaintText.ThrowIfInvalidIdentifier(summary.ComplaintId, nameof(summary));
        string complaintId = summary.ComplaintId;
        _events = new ComplaintEvent[events.Count];
        for (int i = 0; i < _events.Length; i++)
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

            _events[i] = e;
        }

        ValidateSummary(summary, _events);
        ExpectedVersion = expectedVersion;
        Summary = summary;
    }

    /// <summary>Gets the complaint.</summary>
    public string ComplaintId => Summary.ComplaintId;

    /// <summary>Gets the version the writer read: the stream must still be there for the append to succeed (0: the stream must not exist).</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the events to append, in order.</summary>
    public IReadOnlyList<ComplaintEvent> Events => _events;

    /// <summary>Gets the complaint's summary after the events, for the store's queries.</summary>
    public ComplaintStreamInfo Summary { get; }

    /// <summary>Gets the stream's version after the append.</summary>
    public long NewVersion => ExpectedVersion + _events.Length;

    /// <summary>Gets the append of <paramref name="complaint"/>'s pending events, with its persisted version as the expected version and its summary now.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The append.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The complaint has no pending events.</exception>
    public static ComplaintAppend Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Version == complaint.PersistedVersion)
        {
            throw new ArgumentException($"Complaint '{complaint.Id}' has no pending events: it is stored at version {complaint.Version}.", nameof(complaint));
        }

        return new ComplaintAppend(complaint.PersistedVersion, complaint.GetPendingEvents(), ComplaintStreamInfo.Of(complaint));
    }

    private static void ValidateSummary(ComplaintStreamInfo summary, ComplaintEvent[] events)
    {
        var last = events[^1];
        if (summary.Version != last.Version || summary.State != last.State || summary.LastEventAt != last.At)
        {
            throw new ArgumentException(
                $"The summary says version {summary.Version}, {summary.State}, last event at {summary.LastEventAt:O}; the last event is version {last.Version}, {last.State}, at {last.At:O}.", nameof(summary));
        }

        if (events[0] is ComplaintReceived received
            && (!string.Equals(summary.ClientId, received.ClientId, StringComparison.Ordinal) || summary.ReceivedAt != received.At))
        {
            throw new ArgumentException(
                $"The summary says client '{summary.ClientId}', received at {summary.ReceivedAt:O}; the complaint was received from '{received.ClientId}' at {received.At:O}.", nameof(summary));
        }

        ComplaintText.ThrowIfInvalidIdentifier(summary.ClientId, nameof(summary));
        if (summary.IncidentKey is not null)
        {
            ComplaintText.ThrowIfInvalidIdentifier(summary.IncidentKey, nameof(summary));
        }

        if (summary.Agent is not null)
        {
            ComplaintText.ThrowIfInvalidIdentifier(summary.Agent, nameof(summary));
        }

        if (summary.State is ComplaintState.Open or ComplaintState.Engaged || !Enum.IsDefined(summary.State))
        {
            throw new ArgumentException($"The summary's state {summary.State} is not a leaf state.", nameof(summary));
        }
    }
}
