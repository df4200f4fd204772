using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// Service measures computed from complaint histories: time to acknowledge and to resolve (business time, paused time
/// excluded), first-contact resolution, reopen rate, update-interval adherence and apology-before-offer adherence.
/// A mergeable accumulator: <see cref="Merge"/> is associative and commutative with <see cref="Empty"/> as identity, so
/// measures over any partition of the histories, merged in any order, equal the measures over all of them. Every rate
/// is <see langword="null"/> when its denominator is zero (no score, never 0). Measures travel as the compact
/// versioned binary state the accumulators use (<see cref="TryWriteTo"/>, <see cref="TryReadFrom"/>), so partial
/// measures kept per silo or per database merge elsewhere exactly.
/// </summary>
public readonly record struct ComplaintMeasures
{
    internal ComplaintMeasures(
        int complaints,
        int acknowledged,
        TimeSpan totalTimeToAcknowledge,
        int resolved,
        TimeSpan totalTimeToResolve,
        int closed,
        int firstContactResolutions,
        int everResolved,
        int reopened,
        int updateCyclesMet,
        int updateCycles,
        int withOffer,
        int offerAfterApology)
    {
        Complaints = complaints;
        Acknowledged = acknowledged;
        TotalTimeToAcknowledge = totalTimeToAcknowledge;
        Resolved = resolved;
        TotalTimeToResolve = totalTimeToResolve;
        Closed = closed;
        FirstContactResolutions = firstContactResolutions;
        EverResolved = everResolved;
        Reopened = reopened;
        UpdateCyclesMet = updateCyclesMet;
        UpdateCycles = updateCycles;
        WithOffer = withOffer;
        OfferAfterApology = offerAfterApology;
    }

    /// <summary>Gets the number of histories measured.</summary>
    public int Complaints { get; }

    /// <summary>Gets how many complaints were acknowledged.</summary>
    public int Acknowledged { get; }

    /// <summary>Gets the sum of the business time from receipt to acknowledgement.</summary>
    public TimeSpan TotalTimeToAcknowledge { get; }

    /// <summary>Gets how many complaints are now resolved, or closed after a fix.</summary>
    public int Resolved { get; }

    /// <summary>Gets the sum of the resolved complaints' business time to resolve (across reopens, paused time excluded).</summary>
    public TimeSpan TotalTimeToResolve { get; }

    /// <summary>Gets how many complaints are now closed.</summary>
    public int Closed { get; }

    /// <summary>Gets how many closed complaints were never reopened or rejected and never needed to ask the client for information.</summary>
    public int FirstContactResolutions { get; }

    /// <summary>Gets how many complaints had a fix delivered at least once.</summary>
    public int EverResolved { get; }

    /// <summary>Gets how many of the complaints ever resolved had their fix rejected or were reopened at least once.</summary>
    public int Reopened { get; }

    /// <summary>Gets how many update cycles had the client updated within the interval.</summary>
    public int UpdateCyclesMet { get; }

    /// <summary>Gets how many update cycles were counted (met plus breached, the current one when it has breached).</summary>
    public int UpdateCycles { get; }

    /// <summary>Gets how many complaints had help offered.</summary>
    public int WithOffer { get; }

    /// <summary>Gets how many of the complaints with an offer had an apology before the first offer.</summary>
    public int OfferAfterApology { get; }

    /// <summary>The most bytes <see cref="TryWriteTo"/> writes: version, kind, eleven counts as varints and two 8-byte tick counts.</summary>
    public const int MaxBinarySize = 2 + (CountFields * MaxCountSize) + (2 * sizeof(long));

    private const int CountFields = 11;

    private const int MaxCountSize = 5;

    /// <summary>Gets the measures of no complaints: the identity of <see cref="Merge"/>.</summary>
    public static ComplaintMeasures Empty => default;

    /// <summary>Gets the mean business time to acknowledge, or <see langword="null"/> when none was acknowledged.</summary>
    public TimeSpan? MeanTimeToAcknowledge => Acknowledged == 0 ? null : TotalTimeToAcknowledge / Acknowledged;

    /// <summary>Gets the mean business time to resolve, or <see langword="null"/> when none is resolved.</summary>
    public TimeSpan? MeanTimeToResolve => Resolved == 0 ? null : TotalTimeToResolve / Resolved;

    /// <summary>Gets the share of closed complaints resolved at first contact (fixed right the first time), or <see langword="null"/> when none is closed.</summary>
    public double? FirstContactResolutionRate => Closed == 0 ? null : FirstContactResolutions / (double)Closed;

    /// <summary>Gets the share of fixed complaints that were reopened or whose fix was rejected, or <see langword="null"/> when none was fixed.</summary>
    public double? ReopenRate => EverResolved == 0 ? null : Reopened / (double)EverResolved;

    /// <summary>Gets the share of update cycles that met the interval, or <see langword="null"/> when there were none.</summary>
    public double? UpdateIntervalAdherence => UpdateCycles == 0 ? null : UpdateCyclesMet / (double)UpdateCycles;

    /// <summary>Gets the share of complaints with an offer in which the apology came first, or <see langword="null"/> when no help was offered.</summary>
    public double? ApologyBeforeOfferAdherence => WithOffer == 0 ? null : OfferAfterApology / (double)WithOffer;

    /// <summary>Measures one complaint with its lifecycle's options, at the lifecycle's current time.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The measures of this one complaint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintMeasures Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Measure(complaint.History, complaint.EvaluateSla());
    }

    /// <summary>Measures one history.</summary>
    /// <param name="history">The events, starting with <see cref="ComplaintReceived"/>.</param>
    /// <param name="options">The SLA policies, calendar and paused states to measure with.</param>
    /// <param name="now">The instant of measurement (for clocks still running).</param>
    /// <returns>The measures of this one complaint.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The history does not start with <see cref="ComplaintReceived"/>, or the options are invalid.</exception>
    public static ComplaintMeasures Of(IReadOnlyList<ComplaintEvent> history, ComplaintOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (history.Count == 0 || history[0] is not ComplaintReceived)
        {
            throw new ArgumentException("A history must start with ComplaintReceived.", nameof(history));
        }

        return Measure(history, ComplaintSlaTrack.Of(history, options).Evaluate(now));
    }

    /// <summary>Combines two sets of measures (associative and commutative).</summary>
    /// <param name="other">The other measures.</param>
    /// <returns>The measures of both.</returns>
    public ComplaintMeasures Merge(ComplaintMeasures other) => new(
        Complaints + other.Complaints,
        Acknowledged + other.Acknowledged,
        TotalTimeToAcknowledge + other.TotalTimeToAcknowledge,
        Resolved + other.Resolved,
        TotalTimeToResolve + other.TotalTimeToResolve,
        Closed + other.Closed,
        FirstContactResolutions + other.FirstContactResolutions,
        EverResolved + other.EverResolved,
        Reopened + other.Reopened,
        UpdateCyclesMet + other.UpdateCyclesMet,
        UpdateCycles + other.UpdateCycles,
        WithOffer + other.WithOffer,
        OfferAfterApology + other.OfferAfterApology);

    /// <summary>
    /// Writes the compact binary state: format version 1, kind 7, then <see cref="Complaints"/>, <see cref="Acknowledged"/>,
    /// <see cref="Resolved"/>, <see cref="Closed"/>, <see cref="FirstContactResolutions"/>, <see cref="EverResolved"/>,
    /// <see cref="Reopened"/>, <see cref="UpdateCyclesMet"/>, <see cref="UpdateCycles"/>, <see cref="WithOffer"/> and
    /// <see cref="OfferAfterApology"/> as unsigned LEB128 varints, then the ticks of <see cref="TotalTimeToAcknowledge"/>
    /// and <see cref="TotalTimeToResolve"/> as 8 little-endian bytes each (see <c>docs/scoring.md</c>, "Serialization").
    /// </summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small or the measures are not a state any histories give (<see cref="TryReadFrom"/>).</param>
    /// <returns><see langword="false"/> when the destination is too small, or when the measures are inconsistent (a negative count or time, a part larger than its whole), which no reader would accept.</returns>
    public bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        if (!IsConsistent(this))
        {
            bytesWritten = 0;
            return false;
        }

        var writer = BinaryState.Writer(destination, BinaryKind.ComplaintMeasures);
        foreach (var count in (ReadOnlySpan<int>)[Complaints, Acknowledged, Resolved, Closed, FirstContactResolutions, EverResolved, Reopened, UpdateCyclesMet, UpdateCycles, WithOffer, OfferAfterApology])
        {
            writer.WriteVarint(count);
        }

        writer.WriteInt64(TotalTimeToAcknowledge.Ticks);
        writer.WriteInt64(TotalTimeToResolve.Ticks);
        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The measures read; <see cref="Empty"/> when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took; 0 when the bytes are not a valid state.</param>
    /// <returns>
    /// <see langword="false"/> when the bytes are truncated or malformed, of another version or kind, or inconsistent: a
    /// count above <see cref="int.MaxValue"/>, a negative time, or a part larger than its whole (more acknowledged,
    /// resolved, closed, ever resolved or offered than complaints; more first-contact resolutions than closed; more
    /// resolved or reopened than ever resolved; more update cycles met than counted; more offers after an apology than offers).
    /// </returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out ComplaintMeasures value, out int bytesRead)
    {
        var reader = BinaryState.Reader(source, BinaryKind.ComplaintMeasures);
        Span<int> counts = stackalloc int[CountFields];
        foreach (ref var count in counts)
        {
            var read = reader.ReadVarint();
            if (read > int.MaxValue)
            {
                value = default;
                bytesRead = 0;
                return false;
            }

            count = (int)read;
        }

        var (acknowledge, resolve) = (reader.ReadInt64(), reader.ReadInt64());
        var measures = new ComplaintMeasures(
            counts[0], counts[1], TimeSpan.FromTicks(acknowledge), counts[2], TimeSpan.FromTicks(resolve), counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], counts[9], counts[10]);
        if (!reader.Ok || !IsConsistent(measures))
        {
            value = default;
            bytesRead = 0;
            return false;
        }

        value = measures;
        bytesRead = reader.Position;
        return true;
    }

    /// <summary>Whether the measures are a state some histories give: nothing negative, no part larger than its whole.</summary>
    private static bool IsConsistent(in ComplaintMeasures m) =>
        m.Complaints >= 0 && m.TotalTimeToAcknowledge >= TimeSpan.Zero && m.TotalTimeToResolve >= TimeSpan.Zero
        && m.Acknowledged >= 0 && m.Acknowledged <= m.Complaints
        && m.Closed >= 0 && m.Closed <= m.Complaints
        && m.EverResolved >= 0 && m.EverResolved <= m.Complaints
        && m.WithOffer >= 0 && m.WithOffer <= m.Complaints
        && m.Resolved >= 0 && m.Resolved <= m.EverResolved
        && m.Reopened >= 0 && m.Reopened <= m.EverResolved
        && m.FirstContactResolutions >= 0 && m.FirstContactResolutions <= m.Closed
        && m.UpdateCycles >= 0 && m.UpdateCyclesMet >= 0 && m.UpdateCyclesMet <= m.UpdateCycles
        && m.OfferAfterApology >= 0 && m.OfferAfterApology <= m.WithOffer;

    private static ComplaintMeasures Measure(IReadOnlyList<ComplaintEvent> history, SlaEvaluation sla)
    {
        var tally = default(ComplaintTally);
        foreach (var e in history)
        {
            e.Measure(ref tally);
        }

        var state = history[^1].State;
        bool resolved = tally.FixedOnce && state is ComplaintState.Resolved or ComplaintState.Closed;
        bool closed = state == ComplaintState.Closed;
        return new ComplaintMeasures(
            1,
            tally.Acknowledged ? 1 : 0,
            tally.Acknowledged ? sla.Acknowledge.Elapsed : TimeSpan.Zero,
            resolved ? 1 : 0,
            resolved ? sla.Resolve.Elapsed : TimeSpan.Zero,
            closed ? 1 : 0,
            closed && !tally.Reopened && !tally.AskedClient ? 1 : 0,
            tally.FixedOnce ? 1 : 0,
            tally.FixedOnce && tally.Reopened ? 1 : 0,
            sla.UpdateCyclesMet,
            sla.UpdateCyclesMet + sla.UpdateCyclesBreached,
            tally.Offered ? 1 : 0,
            tally.Offered && tally.ApologyBeforeOffer ? 1 : 0);
    }
}
