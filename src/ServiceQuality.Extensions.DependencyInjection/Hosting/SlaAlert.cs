using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// An SLA clock that went at risk or breached, as the hosted SLA monitor recorded it on the complaint
/// (<see cref="SlaAlertRecorded"/>, by <see cref="Complaint.RecordSlaAlert"/>): each clock, status and cycle is recorded
/// once in the complaint's history, whichever host and whichever sweep got there first, and handed to the
/// <see cref="ISlaAlertHandler"/>s of the host that recorded it.
/// </summary>
public readonly record struct SlaAlert
{
    internal SlaAlert(string complaintId, string clientId, SlaClockKind clock, SlaStatus status, int cycle, DateTimeOffset? breachAt, DateTimeOffset recordedAt, long version)
    {
        ComplaintId = complaintId;
        ClientId = clientId;
        Clock = clock;
        Status = status;
        Cycle = cycle;
        BreachAt = breachAt;
        RecordedAt = recordedAt;
        Version = version;
    }

    /// <summary>Gets the complaint.</summary>
    public string ComplaintId { get; }

    /// <summary>Gets the complaint's client.</summary>
    public string ClientId { get; }

    /// <summary>Gets the clock.</summary>
    public SlaClockKind Clock { get; }

    /// <summary>Gets the status recorded: <see cref="SlaStatus.AtRisk"/> or <see cref="SlaStatus.Breached"/>.</summary>
    public SlaStatus Status { get; }

    /// <summary>Gets the clock's cycle (the update clock starts a new one with each client-visible update).</summary>
    public int Cycle { get; }

    /// <summary>Gets when the clock breached, or will breach if nothing happens.</summary>
    public DateTimeOffset? BreachAt { get; }

    /// <summary>Gets when the alert was recorded (the event's time).</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>Gets the version of the complaint's stream at the alert's event.</summary>
    public long Version { get; }

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
