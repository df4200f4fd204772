using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// An SLA clock that went at risk or breached, as the hosted SLA monitor recorded it on the complaint
/// (<see cref="SlaAlertRecorded"/>, by <see cref="Complaint.RecordSlaAlert"/>): each clock, status and cycle is recorded
/// once in the complaint's history, whichever host and whichever sweep got there first, and handed to the
/// <see cref="ISlaAlertHandler"/>s of the host that recorded it.
/// </summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="ClientId">Its client.</param>
/// <param name="Clock">The clock.</param>
/// <param name="Status"><see cref="SlaStatus.AtRisk"/> or <see cref="SlaStatus.Breached"/>.</param>
/// <param name="Cycle">The clock's cycle (the update clock starts a new one with each client-visible update).</param>
/// <param name="BreachAt">When the clock breached, or will breach if nothing happens.</param>
/// <param name="RecordedAt">When the alert was recorded (the event's time).</param>
/// <param name="Version">The version of the complaint's stream at the alert's event.</param>
public readonly record struct SlaAlert(
    string ComplaintId, string ClientId, SlaClockKind Clock, SlaStatus Status, int Cycle, DateTimeOffset? BreachAt, DateTimeOffset RecordedAt, long Version)
{
    /// <summary>Gets the alert an <see cref="SlaAlertRecorded"/> event of <paramref name="complaint"/> stands for.</summary>
    /// <param name="complaint">The complaint the event was recorded on.</param>
    /// <param name="recorded">The event.</param>
    /// <returns>The alert.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SlaAlert Of(Complaint complaint, SlaAlertRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(recorded);
        return new SlaAlert(complaint.Snapshot.Id, complaint.Snapshot.ClientId, recorded.Clock, recorded.Status, recorded.Cycle, recorded.BreachAt, recorded.At, recorded.Version);
    }
}
