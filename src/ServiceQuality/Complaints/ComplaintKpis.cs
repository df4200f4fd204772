using System.Text.Json.Serialization;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// The complaint KPIs with the library's one definition of each, as mergeable tallies that give results with n and an
/// interval:
/// <list type="bullet">
/// <item><description>First-contact resolution: of the closed complaints, those never reopened or rejected and never awaiting the client (Wilson interval).</description></item>
/// <item><description>Reopen rate: of the complaints that had a fix delivered, those whose fix was rejected or that were reopened (Wilson interval).</description></item>
/// <item><description>SLA attainment per clock: of the decided clocks, those met. A clock is decided when it is
/// <see cref="SlaStatus.Met"/>, <see cref="SlaStatus.Breached"/> or <see cref="SlaStatus.Stopped"/> (e.g. withdrawn), and
/// only <see cref="SlaStatus.Met"/> counts as met; running, at-risk and paused clocks are not decided yet (<see cref="SlaOutcome"/>).
/// For the update clock each cycle is a trial (met or breached cycles) and a stopped current cycle one more not met.</description></item>
/// <item><description>Times to acknowledge and to resolve: the business time (the calendar's working hours, paused time
/// excluded) of the acknowledged and of the resolved complaints, in hours, as a mean with a Student-t interval.</description></item>
/// </list>
/// <see cref="Merge"/> adds the tallies (associative and commutative, <see langword="default"/> the identity), so KPIs
/// computed on different machines (per silo, per database) merge into the KPIs of all. The state travels as versioned
/// JSON (<see cref="ComplaintKpisJson"/>, source-generated) or as compact versioned binary (<see cref="TryWriteTo"/>,
/// <see cref="TryReadFrom"/>); a restored state equals the original exactly, so serialize → deserialize → merge equals merge.
/// </summary>
[JsonConverter(typeof(ComplaintKpisJsonConverter))]
public readonly record struct ComplaintKpis
{
    internal ComplaintKpis(
        ProportionAccumulator firstContactResolutions,
        ProportionAccumulator reopens,
        ProportionAccumulator acknowledgeSla,
        ProportionAccumulator updateSla,
        ProportionAccumulator resolveSla,
        MeanAccumulator hoursToAcknowledge,
        MeanAccumulator hoursToResolve)
    {
        FirstContactResolutions = firstContactResolutions;
        Reopens = reopens;
        AcknowledgeSla = acknowledgeSla;
        UpdateSla = updateSla;
        ResolveSla = resolveSla;
        HoursToAcknowledge = hoursToAcknowledge;
        HoursToResolve = hoursToResolve;
    }

    /// <summary>Gets the tally of the closed complaints (trials) resolved at first contact (successes).</summary>
    public ProportionAccumulator FirstContactResolutions { get; }

    /// <summary>Gets the tally of the complaints fixed at least once (trials) that were reopened or whose fix was rejected (successes).</summary>
    public ProportionAccumulator Reopens { get; }

    /// <summary>Gets the tally of the decided acknowledge clocks (trials) and those met (successes).</summary>
    public ProportionAccumulator AcknowledgeSla { get; }

    /// <summary>Gets the tally of the decided update cycles (trials) and those met (successes).</summary>
    public ProportionAccumulator UpdateSla { get; }

    /// <summary>Gets the tally of the decided resolve clocks (trials) and those met (successes).</summary>
    public ProportionAccumulator ResolveSla { get; }

    /// <summary>Gets the tally of the business hours from receipt to acknowledgement of the acknowledged complaints.</summary>
    public MeanAccumulator HoursToAcknowledge { get; }

    /// <summary>Gets the tally of the business hours from receipt to resolution of the resolved complaints (across reopens, paused time excluded).</summary>
    public MeanAccumulator HoursToResolve { get; }

    /// <summary>The most bytes <see cref="TryWriteTo"/> writes: version, kind, the complaint count, five proportion states and two mean states.</summary>
    public const int MaxBinarySize = 2 + BinaryState.MaxVarintSize + (5 * ProportionAccumulator.MaxBinarySize) + (2 * MeanAccumulator.MaxBinarySize);

    /// <summary>Gets the KPIs of no complaints: the identity of <see cref="Merge"/>.</summary>
    public static ComplaintKpis Empty => default;

    /// <summary>Gets the number of complaints measured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public long Complaints
    {
        get;
        internal init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Complaints), value, "The number of complaints must be ≥ 0.");
    }

    /// <summary>Tells whether a clock in <paramref name="status"/> counts as met, not met, or is not decided yet: the one rule behind SLA attainment.</summary>
    /// <param name="status">The clock's status.</param>
    /// <returns><see langword="true"/> for <see cref="SlaStatus.Met"/>; <see langword="false"/> for <see cref="SlaStatus.Breached"/> and <see cref="SlaStatus.Stopped"/> (a withdrawn complaint's clock is never met); <see langword="null"/> for running, at-risk and paused clocks.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined status.</exception>
    public static bool? SlaOutcome(SlaStatus status) => status switch
    {
        SlaStatus.Met => true,
        SlaStatus.Breached or SlaStatus.Stopped => false,
        SlaStatus.Running or SlaStatus.AtRisk or SlaStatus.Paused => null,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Valid statuses: Running, Paused, Met, AtRisk, Breached, Stopped."),
    };

    /// <summary>Measures one complaint with its lifecycle's options, at the lifecycle's current time.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The KPIs of this one complaint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintKpis Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var sla = complaint.EvaluateSla();
        return Measure(ComplaintMeasures.Of(complaint), sla);
    }

    /// <summary>Measures one complaint with its lifecycle's options, at <paramref name="now"/>.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="now">The instant of measurement (for clocks still running).</param>
    /// <returns>The KPIs of this one complaint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintKpis Of(Complaint complaint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Of(complaint.History, complaint.Lifecycle.Options, now);
    }

    /// <summary>Measures one history.</summary>
    /// <param name="history">The events, starting with <see cref="ComplaintReceived"/>.</param>
    /// <param name="options">The SLA policies, calendar and paused states to measure with.</param>
    /// <param name="now">The instant of measurement (for clocks still running).</param>
    /// <returns>The KPIs of this one complaint.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The history does not start with <see cref="ComplaintReceived"/>, or the options are invalid.</exception>
    public static ComplaintKpis Of(IReadOnlyList<ComplaintEvent> history, ComplaintOptions options, DateTimeOffset now)
    {
        var measures = ComplaintMeasures.Of(history, options, now);
        return Measure(measures, ComplaintSlaTrack.Of(history, options).Evaluate(now));
    }

    /// <summary>Combines two sets of KPIs (associative and commutative; the means up to floating-point rounding).</summary>
    /// <param name="other">The other KPIs.</param>
    /// <returns>The KPIs of both.</returns>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>.</exception>
    public ComplaintKpis Merge(in ComplaintKpis other) => new(
        ProportionAccumulator.Combine(FirstContactResolutions, other.FirstContactResolutions),
        ProportionAccumulator.Combine(Reopens, other.Reopens),
        ProportionAccumulator.Combine(AcknowledgeSla, other.AcknowledgeSla),
        ProportionAccumulator.Combine(UpdateSla, other.UpdateSla),
        ProportionAccumulator.Combine(ResolveSla, other.ResolveSla),
        MeanAccumulator.Combine(HoursToAcknowledge, other.HoursToAcknowledge),
        MeanAccumulator.Combine(HoursToResolve, other.HoursToResolve))
    {
        Complaints = checked(Complaints + other.Complaints),
    };

    /// <summary>Gets the first-contact resolution rate with its 95% Wilson interval; no estimate when no complaint is closed.</summary>
    public ProportionResult FirstContactResolution => FirstContactResolutions.GetResult();

    /// <summary>Gets the reopen rate with its 95% Wilson interval; no estimate when no complaint was fixed.</summary>
    public ProportionResult ReopenRate => Reopens.GetResult();

    /// <summary>Gets the mean business hours to acknowledge with its 95% interval.</summary>
    public MeanResult TimeToAcknowledge => HoursToAcknowledge.GetResult();

    /// <summary>Gets the mean business hours to resolve with its 95% interval.</summary>
    public MeanResult TimeToResolve => HoursToResolve.GetResult();

    /// <summary>Gets the SLA attainment of one clock with its 95% Wilson interval: met over decided (met, breached or stopped).</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The attainment; no estimate when no clock of this kind is decided.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clock"/> is not a defined clock.</exception>
    public ProportionResult SlaAttainment(SlaClockKind clock) => Sla(clock).GetResult();

    /// <summary>Gets the SLA attainment of one clock with the given interval options.</summary>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The confidence level, interval method and clipping.</param>
    /// <returns>The attainment; no estimate when no clock of this kind is decided.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clock"/> is not a defined clock, or an option is out of range.</exception>
    public ProportionResult SlaAttainment(SlaClockKind clock, ProportionOptions options) => Sla(clock).GetResult(options);

    /// <summary>Gets the tally behind the SLA attainment of one clock.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>Decided clocks (trials) and those met (successes).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clock"/> is not a defined clock.</exception>
    public ProportionAccumulator Sla(SlaClockKind clock) => clock switch
    {
        SlaClockKind.Acknowledge => AcknowledgeSla,
        SlaClockKind.Update => UpdateSla,
        SlaClockKind.Resolve => ResolveSla,
        _ => throw new ArgumentOutOfRangeException(nameof(clock), clock, "Valid clocks: Acknowledge, Update, Resolve."),
    };

    /// <summary>
    /// Writes the compact binary state: format version 1, kind 6, the complaint count as an unsigned LEB128 varint, then
    /// the binary states of <see cref="FirstContactResolutions"/>, <see cref="Reopens"/>, <see cref="AcknowledgeSla"/>,
    /// <see cref="UpdateSla"/>, <see cref="ResolveSla"/> (<see cref="ProportionAccumulator.TryWriteTo"/>),
    /// <see cref="HoursToAcknowledge"/> and <see cref="HoursToResolve"/> (<see cref="MeanAccumulator.TryWriteTo"/>), in that order.
    /// </summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        var writer = BinaryState.Writer(destination, BinaryKind.ComplaintKpis);
        writer.WriteVarint(Complaints);
        foreach (var tally in (ReadOnlySpan<ProportionAccumulator>)[FirstContactResolutions, Reopens, AcknowledgeSla, UpdateSla, ResolveSla])
        {
            writer.Nested(tally.TryWriteTo(writer.Free, out var n), n);
        }

        writer.Nested(HoursToAcknowledge.TryWriteTo(writer.Free, out var a), a);
        writer.Nested(HoursToResolve.TryWriteTo(writer.Free, out var r), r);
        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The KPIs read; <see cref="Empty"/> when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took; 0 when the bytes are not a valid state.</param>
    /// <returns><see langword="false"/> when the bytes are truncated or malformed, of another version or kind, or hold an invalid tally (more successes than trials, a negative or non-finite sum).</returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out ComplaintKpis value, out int bytesRead)
    {
        var reader = BinaryState.Reader(source, BinaryKind.ComplaintKpis);
        var complaints = reader.ReadVarint();
        Span<ProportionAccumulator> tallies = stackalloc ProportionAccumulator[5];
        foreach (ref var tally in tallies)
        {
            reader.Nested(ProportionAccumulator.TryReadFrom(reader.Rest, out tally, out var n), n);
        }

        reader.Nested(MeanAccumulator.TryReadFrom(reader.Rest, out var acknowledge, out var a), a);
        reader.Nested(MeanAccumulator.TryReadFrom(reader.Rest, out var resolve, out var r), r);
        if (!reader.Ok)
        {
            value = default;
            bytesRead = 0;
            return false;
        }

        value = new ComplaintKpis(tallies[0], tallies[1], tallies[2], tallies[3], tallies[4], acknowledge, resolve) { Complaints = complaints };
        bytesRead = reader.Position;
        return true;
    }

    private static ComplaintKpis Measure(ComplaintMeasures m, SlaEvaluation sla)
    {
        var fcr = default(ProportionAccumulator);
        fcr.Add(m.FirstContactResolutions, m.Closed);
        var reopens = default(ProportionAccumulator);
        reopens.Add(m.Reopened, m.EverResolved);
        var update = default(ProportionAccumulator);
        update.Add(sla.UpdateCyclesMet, sla.UpdateCyclesMet + sla.UpdateCyclesBreached);
        if (sla.Update.Status == SlaStatus.Stopped)
        {
            update.Add(false);
        }

        var acknowledge = default(MeanAccumulator);
        if (m.Acknowledged > 0)
        {
            acknowledge.Add(m.TotalTimeToAcknowledge.TotalHours);
        }

        var resolve = default(MeanAccumulator);
        if (m.Resolved > 0)
        {
            resolve.Add(m.TotalTimeToResolve.TotalHours);
        }

        return new ComplaintKpis(fcr, reopens, Clock(sla.Acknowledge.Status), update, Clock(sla.Resolve.Status), acknowledge, resolve) { Complaints = m.Complaints };

        static ProportionAccumulator Clock(SlaStatus status)
        {
            var tally = default(ProportionAccumulator);
            if (SlaOutcome(status) is { } met)
            {
                tally.Add(met);
            }

            return tally;
        }
    }
}
