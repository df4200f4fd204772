using Orleans.Concurrency;
using Orleans.Placement;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Orleans.Serialization;

namespace ServiceQuality.Orleans.Scores;

/// <summary>The names the score grains share with the silo's configuration.</summary>
public static class ScoreGrains
{
    /// <summary>The grain storage the partial tallies and the scorecards' partition lists are kept in: the silo host
    /// configures it (e.g. <c>siloBuilder.AddAdoNetGrainStorage(ScoreGrains.StorageName, ...)</c>, or memory storage in tests).</summary>
    public const string StorageName = "ServiceQuality";

    /// <summary>Gets the key of a silo's partial tally of a scope.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="silo">The silo's identity.</param>
    /// <returns><c>scope@silo</c>.</returns>
    public static string PartitionKey(string scope, string silo) => $"{scope}@{silo}";
}

/// <summary>Forwards to the partial tally of the silo it runs on (one activation per silo).</summary>
[StatelessWorker(1)]
internal sealed class ScoreIntakeGrain : Grain, IScoreIntakeGrain
{
    private IScorePartitionGrain Local => GrainFactory.GetGrain<IScorePartitionGrain>(ScoreGrains.PartitionKey(this.GetPrimaryKeyString(), RuntimeIdentity));

    public Task AddSurveyResponsesAsync(SurveyResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return Local.AddAsync(responses, ComplaintMeasures.Empty);
    }

    public Task AddComplaintMeasuresAsync(ComplaintMeasures measures) => Local.AddAsync([], measures);
}

/// <summary>
/// The stored state of a partial tally, in plain fields whatever the storage's serializer (Orleans, JSON): the survey
/// accumulator's and the complaint measures' own versioned binary states.
/// </summary>
[GenerateSerializer]
[Alias("ServiceQuality.ScorePartitionState")]
internal sealed class ScorePartitionState
{
    [Id(0)] public byte[] Surveys { get; set; } = [];

    /// <summary>Gets or sets the complaint measures field by field, as a pre-release version stored them; read only to refuse them (<see cref="ToTally"/>).</summary>
    [Id(1)] public int[] Counts { get; set; } = [];

    [Id(3)] public bool Registered { get; set; }

    [Id(4)] public byte[] Complaints { get; set; } = [];

    public ScoreTally ToTally()
    {
        var surveys = new ScorecardAccumulator();
        if (Surveys.Length > 0)
        {
            if (!ScorecardAccumulator.TryReadFrom(Surveys, out var read, out int length) || length != Surveys.Length)
            {
                throw new InvalidOperationException($"The stored partial tally ({Surveys.Length} bytes) is not a valid scorecard accumulator state.");
            }

            surveys = read!;
        }

        if (Counts.Length > 0 && Complaints.Length == 0)
        {
            throw new InvalidOperationException("The stored partial tally holds complaint measures field by field, as a pre-release version of ServiceQuality.Orleans stored them; this version reads the measures' binary state only. Clear the score grain storage and add the measures again.");
        }

        var measures = Complaints.Length == 0 ? ComplaintMeasures.Empty : Wire.Measures(Complaints);
        return new ScoreTally(surveys, measures, 1);
    }

    public void Set(ScoreTally tally)
    {
        var buffer = new byte[tally.Surveys.MaxBinarySize];
        if (!tally.Surveys.TryWriteTo(buffer, out int written))
        {
            throw new InvalidOperationException($"A scorecard accumulator did not fit its own MaxBinarySize ({buffer.Length} bytes).");
        }

        Surveys = buffer[..written];
        Complaints = Wire.Measures(tally.Complaints);
    }
}

/// <summary>One silo's partial tally, placed on the silo that first adds to it.</summary>
[PreferLocalPlacement]
internal sealed class ScorePartitionGrain(
    [PersistentState("partition", ScoreGrains.StorageName)] IPersistentState<ScorePartitionState> state) : Grain, IScorePartitionGrain
{
    public async Task AddAsync(SurveyResponse[] responses, ComplaintMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var tally = state.State.ToTally();
        tally.Surveys.Add(responses);                      // a bad response throws here: the stored state is unchanged
        state.State.Set(new ScoreTally(tally.Surveys, tally.Complaints.Merge(measures), tally.Partitions));
        if (!state.State.Registered)
        {
            string key = this.GetPrimaryKeyString();
            await GrainFactory.GetGrain<IScorecardGrain>(key[..key.LastIndexOf('@')]).RegisterPartitionAsync(key);
            state.State.Registered = true;
        }

        await state.WriteStateAsync();
    }

    public Task<ScoreTally> GetTallyAsync() => Task.FromResult(state.State.ToTally());
}

/// <summary>The list of a scope's partitions.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ScorecardState")]
internal sealed class ScorecardState
{
    [Id(0)] public List<string> Partitions { get; set; } = [];
}

/// <summary>Merges a scope's partial tallies.</summary>
internal sealed class ScorecardGrain(
    [PersistentState("scorecard", ScoreGrains.StorageName)] IPersistentState<ScorecardState> state) : Grain, IScorecardGrain
{
    public async Task RegisterPartitionAsync(string partition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        if (!state.State.Partitions.Contains(partition, StringComparer.Ordinal))
        {
            state.State.Partitions.Add(partition);
            await state.WriteStateAsync();
        }
    }

    public async Task<ScoreTally> GetTallyAsync()
    {
        var partials = await Task.WhenAll(state.State.Partitions.Select(p => GrainFactory.GetGrain<IScorePartitionGrain>(p).GetTallyAsync()));
        var surveys = new ScorecardAccumulator();
        var complaints = ComplaintMeasures.Empty;
        foreach (var partial in partials)
        {
            surveys.Merge(partial.Surveys);
            complaints = complaints.Merge(partial.Complaints);
        }

        return new ScoreTally(surveys, complaints, partials.Length);
    }
}
