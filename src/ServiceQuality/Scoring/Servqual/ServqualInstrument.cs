namespace ServiceQuality.Scoring;

/// <summary>
/// A SERVQUAL/SERVPERF questionnaire: items grouped into the five dimensions, the rating scale, importance weights per
/// dimension and the missing-item rule. Immutable and thread-safe once built.
/// </summary>
/// <remarks>
/// Missing items (NaN) are skipped: an item counts only when its perception (and, for SERVQUAL, its expectation) was
/// answered. A dimension's score is the mean over its answered items and is missing when fewer than
/// <see cref="MinimumItemsPerDimension"/> were answered; the overall scores use the available dimensions, the weighted
/// one with their weights renormalised to sum to 1.
/// </remarks>
public sealed class ServqualInstrument
{
    private readonly double[] _weights;

    /// <summary>Creates an instrument.</summary>
    /// <param name="items">The items, in questionnaire order.</param>
    /// <param name="scaleMinimum">The lowest rating; 1 by default.</param>
    /// <param name="scaleMaximum">The highest rating; 7 by default (PZB 1988 used a 7-point scale).</param>
    /// <param name="weights">Importance per dimension (e.g. PZB 1991's 100 points split among the five); equal when <see langword="null"/>.</param>
    /// <param name="minimumItemsPerDimension">The fewest answered items a dimension needs to be scored; 1 by default.</param>
    /// <exception cref="ArgumentException">No items, a dimension has no items, or an item has no id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scale, a weight or the minimum is out of range, or an item or a weight names an undefined dimension.</exception>
    public ServqualInstrument(IEnumerable<ServqualItem> items, int scaleMinimum = 1, int scaleMaximum = 7, IReadOnlyDictionary<ServqualDimension, double>? weights = null, int minimumItemsPerDimension = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
        foreach (var item in Items)
        {
            ArgumentException.ThrowIfNullOrEmpty(item.Id, nameof(items));
            Check.Defined(item.Dimension, nameof(items));
        }

        foreach (var dimension in weights?.Keys ?? [])
        {
            Check.Defined(dimension, nameof(weights));
        }

        if (scaleMaximum <= scaleMinimum)
        {
            throw new ArgumentOutOfRangeException(nameof(scaleMaximum), scaleMaximum, $"The scale maximum must be greater than the minimum {scaleMinimum}.");
        }

        foreach (var d in Enum.GetValues<ServqualDimension>())
        {
            if (!Items.Any(i => i.Dimension == d))
            {
                throw new ArgumentException($"The dimension {d} has no items; every dimension needs at least one.", nameof(items));
            }
        }

        if (minimumItemsPerDimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumItemsPerDimension), minimumItemsPerDimension, "The minimum must be ≥ 1.");
        }

        _weights = new double[5];
        foreach (var d in Enum.GetValues<ServqualDimension>())
        {
            var w = weights is null ? 1 : weights.TryGetValue(d, out var x) ? x : 0;
            Check.Weight(w, nameof(weights));
            _weights[(int)d] = w;
        }

        var total = _weights.Sum();
        if (!(total > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), total, "The weights must sum to more than 0.");
        }

        for (var i = 0; i < 5; i++)
        {
            _weights[i] /= total;
        }

        ScaleMinimum = scaleMinimum;
        ScaleMaximum = scaleMaximum;
        MinimumItemsPerDimension = minimumItemsPerDimension;
    }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ServqualItem> Items { get; }

    /// <summary>Gets the lowest rating.</summary>
    public int ScaleMinimum { get; }

    /// <summary>Gets the highest rating.</summary>
    public int ScaleMaximum { get; }

    /// <summary>Gets the fewest answered items a dimension needs.</summary>
    public int MinimumItemsPerDimension { get; }

    /// <summary>The 22-item layout of PZB 1988 (tangibles 4, reliability 5, responsiveness 4, assurance 4, empathy 5), 7-point scale, equal weights.</summary>
    /// <param name="weights">Optional importance weights per dimension.</param>
    /// <returns>The instrument.</returns>
    public static ServqualInstrument Standard22(IReadOnlyDictionary<ServqualDimension, double>? weights = null)
    {
        var layout = new[] { (ServqualDimension.Tangibles, "T", 4), (ServqualDimension.Reliability, "R", 5), (ServqualDimension.Responsiveness, "SP", 4), (ServqualDimension.Assurance, "A", 4), (ServqualDimension.Empathy, "E", 5) };
        var items = layout.SelectMany(l => Enumerable.Range(1, l.Item3).Select(i => new ServqualItem { Id = l.Item2 + i, Dimension = l.Item1 }));
        return new ServqualInstrument(items, weights: weights);
    }

    /// <summary>Scores a SERVQUAL response: gap = perception - expectation per item and per dimension.</summary>
    /// <param name="perceptions">One rating per item, NaN when not answered.</param>
    /// <param name="expectations">One rating per item, NaN when not answered.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">A span's length differs from the number of items.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale.</exception>
    public ServqualResult Score(ReadOnlySpan<double> perceptions, ReadOnlySpan<double> expectations)
    {
        CheckLength(expectations, nameof(expectations));
        return Compute(perceptions, expectations, ServqualModel.Servqual);
    }

    /// <summary>Scores a SERVPERF response: perceptions only.</summary>
    /// <param name="perceptions">One rating per item, NaN when not answered.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The span's length differs from the number of items.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale.</exception>
    public ServqualResult ScorePerformance(ReadOnlySpan<double> perceptions) => Compute(perceptions, default, ServqualModel.Servperf);

    private void CheckLength(ReadOnlySpan<double> values, string name)
    {
        if (values.Length != Items.Count)
        {
            throw new ArgumentException($"Expected one rating per item ({Items.Count}), got {values.Length}.", name);
        }
    }

    private double Read(double x, ServqualItem item, string name)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (!(x >= ScaleMinimum && x <= ScaleMaximum))
        {
            throw new ArgumentOutOfRangeException(name, x, $"The rating of item {item.Id} must be in the range [{ScaleMinimum}, {ScaleMaximum}] (NaN when not answered).");
        }

        return item.ReverseScored ? ScaleMinimum + ScaleMaximum - x : x;
    }

    private ServqualResult Compute(ReadOnlySpan<double> perceptions, ReadOnlySpan<double> expectations, ServqualModel model)
    {
        CheckLength(perceptions, nameof(perceptions));
        var gap = model == ServqualModel.Servqual;
        var itemScores = new double[Items.Count];
        Span<double> pSum = stackalloc double[5], eSum = stackalloc double[5];
        Span<int> count = stackalloc int[5];
        pSum.Clear();
        eSum.Clear();
        count.Clear();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var p = Read(perceptions[i], item, nameof(perceptions));
            var e = gap ? Read(expectations[i], item, nameof(expectations)) : 0;
            itemScores[i] = p - e;
            if (!double.IsNaN(p) && !double.IsNaN(e))
            {
                var d = (int)item.Dimension;
                pSum[d] += p;
                eSum[d] += e;
                count[d]++;
            }
        }

        var dims = new ServqualDimensionScore[5];
        double unweighted = 0, weighted = 0, weightSum = 0;
        var available = 0;
        for (var d = 0; d < 5; d++)
        {
            if (count[d] < MinimumItemsPerDimension)
            {
                dims[d] = new ServqualDimensionScore((ServqualDimension)d, null, null, null, count[d], _weights[d]);
                continue;
            }

            var p = pSum[d] / count[d];
            double? e = gap ? eSum[d] / count[d] : null;
            var score = p - (e ?? 0);
            dims[d] = new ServqualDimensionScore((ServqualDimension)d, p, e, score, count[d], _weights[d]);
            unweighted += score;
            weighted += _weights[d] * score;
            weightSum += _weights[d];
            available++;
        }

        return new ServqualResult(
            model,
            itemScores,
            dims,
            available == 0 ? null : unweighted / available,
            weightSum > 0 ? weighted / weightSum : null);
    }
}

/// <summary>SERVQUAL or SERVPERF results summarised over respondents: each dimension's and the overall scores' means with intervals.</summary>
public sealed class ServqualSummary
{
    internal ServqualSummary(IReadOnlyList<MeanResult> dimensions, MeanResult unweighted, MeanResult weighted)
    {
        Dimensions = dimensions;
        Unweighted = unweighted;
        Weighted = weighted;
    }

    /// <summary>Gets, per dimension (in <see cref="ServqualDimension"/> order), the mean of the respondents' dimension scores.</summary>
    public IReadOnlyList<MeanResult> Dimensions { get; }

    /// <summary>Gets the mean of the respondents' unweighted scores.</summary>
    public MeanResult Unweighted { get; }

    /// <summary>Gets the mean of the respondents' weighted scores.</summary>
    public MeanResult Weighted { get; }

    /// <summary>Summarises respondents' results; a respondent missing a score is left out of that score's mean only.</summary>
    /// <param name="results">The respondents' results.</param>
    /// <param name="level">The confidence level of the intervals.</param>
    /// <returns>The summary; means without value when no respondent had the score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static ServqualSummary Of(IEnumerable<ServqualResult> results, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(results);
        var dims = new MeanAccumulator[5];
        MeanAccumulator unweighted = default, weighted = default;
        foreach (var r in results)
        {
            foreach (var d in r.Dimensions)
            {
                if (d.Score is { } s)
                {
                    dims[(int)d.Dimension].Add(s);
                }
            }

            if (r.UnweightedScore is { } u)
            {
                unweighted.Add(u);
            }

            if (r.WeightedScore is { } w)
            {
                weighted.Add(w);
            }
        }

        return new ServqualSummary([.. dims.Select(a => a.GetResult(level))], unweighted.GetResult(level), weighted.GetResult(level));
    }
}
