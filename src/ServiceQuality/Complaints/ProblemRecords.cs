namespace ServiceQuality.Complaints;

/// <summary>A recurring problem as the events of its linked complaints tell it.</summary>
public sealed class ProblemRecord
{
    internal ProblemRecord(string problemId, IReadOnlyList<string> complaintIds, IReadOnlyList<string> clientIds, int openComplaints, DateTimeOffset firstLinkedAt, DateTimeOffset lastLinkedAt)
    {
        ProblemId = problemId;
        ComplaintIds = complaintIds;
        ClientIds = clientIds;
        OpenComplaints = openComplaints;
        FirstLinkedAt = firstLinkedAt;
        LastLinkedAt = lastLinkedAt;
    }

    /// <summary>Gets the problem.</summary>
    public string ProblemId { get; }

    /// <summary>Gets the complaints linked to it now, in the order they were linked.</summary>
    public IReadOnlyList<string> ComplaintIds { get; }

    /// <summary>Gets the distinct clients of those complaints, in the order they first appear.</summary>
    public IReadOnlyList<string> ClientIds { get; }

    /// <summary>Gets how many of those complaints are still being handled (in a state under <see cref="ComplaintState.Open"/>).</summary>
    public int OpenComplaints { get; }

    /// <summary>Gets when the first complaint still linked was linked.</summary>
    public DateTimeOffset FirstLinkedAt { get; }

    /// <summary>Gets when the latest complaint still linked was linked.</summary>
    public DateTimeOffset LastLinkedAt { get; }
}

/// <summary>
/// A read model of recurring problems built from complaint events (<see cref="LinkedToProblem"/>,
/// <see cref="UnlinkedFromProblem"/>, and every event for each complaint's client and state): feed it the events of
/// many complaints, each complaint's in order (e.g. from a store's global feed), and ask for a problem's record. An
/// event at or below a version already applied for its complaint is skipped, so re-reading a feed from an earlier
/// checkpoint changes nothing. Not thread-safe: one reader builds it.
/// </summary>
public sealed class ProblemRecords
{
    private readonly Dictionary<string, ComplaintLink> _complaints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);

    /// <summary>Gets the number of problems with at least one linked complaint.</summary>
    public int Count => _problems.Count;

    /// <summary>Applies one event.</summary>
    /// <param name="complaintEvent">The event.</param>
    /// <returns><see langword="true"/> when it was applied; <see langword="false"/> when its complaint already had it (a replay).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaintEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event skips a version of its complaint (an earlier event was not applied), or a complaint's first event is not <see cref="ComplaintReceived"/>.</exception>
    public bool Apply(ComplaintEvent complaintEvent)
    {
        ArgumentNullException.ThrowIfNull(complaintEvent);
        var e = complaintEvent;
        if (!_complaints.TryGetValue(e.ComplaintId, out var link))
        {
            if (e is not ComplaintReceived received || e.Version != 1)
            {
                throw new ArgumentException(
                    $"The first event applied for complaint '{e.ComplaintId}' is {e.GetType().Name} at version {e.Version}; a complaint's events are applied from its ComplaintReceived (version 1).",
                    nameof(complaintEvent));
            }

            _complaints[e.ComplaintId] = new ComplaintLink(received.ClientId, e.State, 1, null, default);
            return true;
        }

        if (e.Version <= link.Version)
        {
            return false;
        }

        if (e.Version != link.Version + 1)
        {
            throw new ArgumentException(
                $"Event {e.Version} of complaint '{e.ComplaintId}' ({e.GetType().Name}) follows version {link.Version}: versions {link.Version + 1} to {e.Version - 1} were not applied.",
                nameof(complaintEvent));
        }

        link = link with { State = e.State, Version = e.Version };
        switch (e)
        {
            case LinkedToProblem linked:
                Unlink(e.ComplaintId, link.ProblemId);
                link = link with { ProblemId = linked.ProblemId, LinkedAt = e.At };
                if (!_problems.TryGetValue(linked.ProblemId, out var complaints))
                {
                    _problems[linked.ProblemId] = complaints = [];
                }

                complaints.Add(e.ComplaintId);
                break;
            case UnlinkedFromProblem:
                Unlink(e.ComplaintId, link.ProblemId);
                link = link with { ProblemId = null };
                break;
            default:
                break;
        }

        _complaints[e.ComplaintId] = link;
        return true;
    }

    /// <summary>Applies events in order.</summary>
    /// <param name="events">The events.</param>
    /// <returns>How many were applied (the rest were replays).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">See <see cref="Apply(ComplaintEvent)"/>.</exception>
    public int ApplyAll(IEnumerable<ComplaintEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int applied = 0;
        foreach (var e in events)
        {
            applied += Apply(e) ? 1 : 0;
        }

        return applied;
    }

    /// <summary>Gets a problem's record.</summary>
    /// <param name="problemId">The problem.</param>
    /// <returns>The record, or <see langword="null"/> when no complaint is linked to it now.</returns>
    /// <exception cref="ArgumentException"><paramref name="problemId"/> is null, empty or white space.</exception>
    public ProblemRecord? Get(string problemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problemId);
        if (!_problems.TryGetValue(problemId, out var complaints))
        {
            return null;
        }

        var links = complaints.Select(id => _complaints[id]).ToList();
        return new ProblemRecord(
            problemId,
            [.. complaints],
            [.. links.Select(l => l.ClientId).Distinct(StringComparer.Ordinal)],
            links.Count(l => ComplaintLifecycle.Hierarchy.IsInState(l.State, ComplaintState.Open)),
            links.Min(l => l.LinkedAt),
            links.Max(l => l.LinkedAt));
    }

    /// <summary>Gets every problem's record, the most complaints first (then by problem, ordinal).</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<ProblemRecord> GetAll() =>
        [.. _problems.Keys.Select(id => Get(id)!).OrderByDescending(p => p.ComplaintIds.Count).ThenBy(p => p.ProblemId, StringComparer.Ordinal)];

    private void Unlink(string complaintId, string? problemId)
    {
        if (problemId is not null && _problems.TryGetValue(problemId, out var complaints))
        {
            complaints.Remove(complaintId);
            if (complaints.Count == 0)
            {
                _problems.Remove(problemId);
            }
        }
    }

    private readonly record struct ComplaintLink(string ClientId, ComplaintState State, long Version, string? ProblemId, DateTimeOffset LinkedAt);
}
