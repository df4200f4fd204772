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

        e.AppendSlaEntries(entries);

        if (!wasPaused && isPaused)
        {
            entries.Add(new SlaEntry(e.At, SlaEntryKind.Paused));
        }
    }
}
