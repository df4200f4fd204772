using ServiceQuality.Complaints;
using ServiceQuality.Insights;

namespace ServiceQuality.Orleans.Scores;

/// <summary>
/// Where survey responses and complaint measures enter the cluster, for one scope (the grain's key, e.g. <c>"all"</c>
/// or a tenant). A stateless worker: each silo runs its own activation, which adds to that silo's partial tally
/// (<see cref="IScorePartitionGrain"/>), so intake never funnels through one grain.
/// </summary>
public interface IScoreIntakeGrain : IGrainWithStringKey
{
    /// <summary>Adds survey responses to this silo's partial tally of the scope.</summary>
    /// <param name="responses">The responses (a batch: each call is one write of the partial's state).</param>
    /// <returns>A task that completes when the partial has stored them.</returns>
    /// <exception cref="ArgumentException">A rating is outside its scale (see <see cref="ScorecardAccumulator.Add(SurveyResponse)"/>); nothing was added.</exception>
    Task AddSurveyResponsesAsync(SurveyResponse[] responses);

    /// <summary>Adds complaint measures (e.g. <see cref="ComplaintMeasures.Of(Complaint)"/> of closed complaints) to this silo's partial tally.</summary>
    /// <param name="measures">The measures.</param>
    /// <returns>A task that completes when the partial has stored them.</returns>
    Task AddComplaintMeasuresAsync(ComplaintMeasures measures);
}

/// <summary>
/// One silo's partial tally of a scope, keyed <c>scope@silo</c>: a <see cref="ScorecardAccumulator"/> and
/// <see cref="ComplaintMeasures"/>, kept in the grain storage named <see cref="ScoreGrains.StorageName"/> so the partial
/// survives its silo. Registers itself with the scope's <see cref="IScorecardGrain"/> on its first addition.
/// </summary>
public interface IScorePartitionGrain : IGrainWithStringKey
{
    /// <summary>Adds responses and measures to the partial and stores it.</summary>
    /// <param name="responses">The survey responses (may be empty).</param>
    /// <param name="measures">The complaint measures (<see cref="ComplaintMeasures.Empty"/> for none).</param>
    /// <returns>A task that completes when the partial is stored.</returns>
    /// <exception cref="ArgumentException">A rating is outside its scale; nothing was added.</exception>
    Task AddAsync(SurveyResponse[] responses, ComplaintMeasures measures);

    /// <summary>Gets the partial tally.</summary>
    /// <returns>A copy of the partial.</returns>
    Task<ScoreTally> GetTallyAsync();
}

/// <summary>
/// The scorecard of a scope across the cluster (keyed by the scope): knows the scope's partitions and merges their
/// partial tallies into one, which equals the tally of all the data on one machine (the accumulators' merge is
/// associative and commutative with an identity).
/// </summary>
public interface IScorecardGrain : IGrainWithStringKey
{
    /// <summary>Records a partition of the scope (idempotent); partitions call this themselves.</summary>
    /// <param name="partition">The partition's key.</param>
    /// <returns>A task that completes when the partition is recorded.</returns>
    Task RegisterPartitionAsync(string partition);

    /// <summary>Merges every partition's tally.</summary>
    /// <returns>The merged tally; <see cref="ScoreTally.GetScorecard"/> turns it into the scorecard.</returns>
    Task<ScoreTally> GetTallyAsync();
}
