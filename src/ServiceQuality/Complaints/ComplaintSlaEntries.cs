using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>Adapts complaint events to the SLA evaluator's clock-relevant entries.</summary>
internal static class ComplaintSlaEntries
{
    public static SlaEntry[] From(IReadOnlyList<ComplaintEvent> history, ISet<ComplaintState> pausedStates)
    {
        var entries = new List<SlaEntry>(history.Count + 4);
        var previous = ComplaintState.Received;
        foreach (var e in history)
        {
            Append(entries, e, previous, pausedStates);
            previous = e.State;
        }

        return [.. entries];
    }

    public static void Append(List<SlaEntry> entries, ComplaintEvent e, ComplaintState previous, ISet<ComplaintState> pausedStates)
    {
        bool wasPaused = e is not ComplaintReceived && pausedStates.Contains(previous);
        bool isPaused = pausedStates.Contains(e.State);
        if (wasPaused && !isPaused)
        {
            entries.Add(new SlaEntry(e.At, SlaEntryKind.Resumed));
        }

        switch (e)
        {
            case ComplaintReceived:
                entries.Add(new SlaEntry(e.At, SlaEntryKind.Started));
                break;
            case ComplaintAcknowledged:
                entries.Add(new SlaEntry(e.At, SlaEntryKind.Acknowledged));
                break;
            case FixDelivered:
                entries.Add(new SlaEntry(e.At, SlaEntryKind.Resolved));
                break;
            case ClientRejectedFix or ComplaintReopened:
                entries.Add(new SlaEntry(e.At, SlaEntryKind.Reopened));
                break;
            case ClientConfirmedFix or ComplaintAutoClosed or ComplaintWithdrawn:
                entries.Add(new SlaEntry(e.At, SlaEntryKind.Stopped));
                break;
            default:
                if (e.IsUpdateToClient)
                {
                    entries.Add(new SlaEntry(e.At, SlaEntryKind.ClientUpdate));
                }

                break;
        }

        if (!wasPaused && isPaused)
        {
            entries.Add(new SlaEntry(e.At, SlaEntryKind.Paused));
        }
    }
}
