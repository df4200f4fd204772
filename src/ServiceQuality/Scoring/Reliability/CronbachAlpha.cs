using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>Cronbach's alpha with its Feldt interval.</summary>
public readonly record struct AlphaResult
{
    [JsonConstructor]
    internal AlphaResult(double? estimate, long sampleSize, int items, ConfidenceInterval? interval, UndefinedReason undefined)
    {
        Estimate = estimate;
        SampleSize = sampleSize;
        Items = items;
        Interval = interval;
        Undefined = undefined;
    }

    /// <summary>
    /// Gets Alpha, α = k/(k-1)·(1 - Σ item variances / variance of the total); <see langword="null"/> when the totals have no variance
    /// (<see cref="UndefinedReason.NoVariance"/>).
    /// </summary>
    public double? Estimate { get; }

    /// <summary>Gets the number of respondents (rows).</summary>
    public long SampleSize { get; }

    /// <summary>Gets the number of items (columns), k.</summary>
    public int Items { get; }

    /// <summary>
    /// Gets Feldt, Woodruff and Salih (1987), as pingouin's <c>cronbach_alpha</c>: [1 - (1-α)·F_{1-a/2}(n-1, (n-1)(k-1)),
    /// 1 - (1-α)·F_{a/2}(n-1, (n-1)(k-1))]; <see langword="null"/> with alpha.
    /// </summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets why alpha is missing; <see cref="UndefinedReason.None"/> when it has a value.</summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Gets whether there is an alpha (the totals vary).</summary>
    public bool HasValue => Estimate.HasValue;
}

/// <summary>Cronbach's alpha (reference: pingouin <c>cronbach_alpha</c>, which equals ICC(3,k) of Shrout and Fleiss).</summary>
/// <remarks>
/// The variances are computed by the two-pass algorithm on values shifted by each item's first score, so items offset by
/// 1e7 or 1e9 (or scaled by any positive constant) give the same alpha as the unshifted items.
/// </remarks>
public static class CronbachAlpha
{
    /// <summary>Computes alpha for a respondents × items matrix.</summary>
    /// <param name="scores">Rows are respondents, columns items; at least 2 × 2, all finite.</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>Alpha and its interval; undefined when the respondents' totals have no variance.</returns>
    /// <exception cref="ArgumentException">Fewer than two rows or columns (an empty matrix included).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is not finite, or the level is outside (0, 1).</exception>
    public static AlphaResult Compute(double[,] scores, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int rows = scores.GetLength(0), items = scores.GetLength(1);
        CheckShape(rows, items, nameof(scores));
        return ComputeRowMajor(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref scores[0, 0], scores.Length), items, level);
    }

    /// <summary>Computes alpha for a respondents × items matrix stored row by row. Two passes over the data, no allocation for up to 256 items.</summary>
    /// <param name="rowMajor">The scores, respondent after respondent.</param>
    /// <param name="items">The number of items per respondent, ≥ 2.</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>Alpha and its interval; undefined when the respondents' totals have no variance.</returns>
    /// <exception cref="ArgumentException">Fewer than two rows or columns, or a length that is not a multiple of the item count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is not finite, or the level is outside (0, 1).</exception>
    public static AlphaResult ComputeRowMajor(ReadOnlySpan<double> rowMajor, int items, double level = 0.95)
    {
        Check.Level(level, nameof(level));
        if (items < 2 || rowMajor.Length % items != 0)
        {
            throw new ArgumentException($"Alpha needs at least 2 items and a length that is a multiple of the item count (got {rowMajor.Length} scores for {items} items).", nameof(rowMajor));
        }

        var n = rowMajor.Length / items;
        CheckShape(n, items, nameof(rowMajor));
        Span<double> buffer = items <= 256 ? stackalloc double[3 * items] : new double[3 * items];
        var shift = buffer[..items];
        var mean = buffer.Slice(items, items);
        var squares = buffer.Slice(2 * items, items);
        rowMajor[..items].CopyTo(shift);
        mean.Clear();
        squares.Clear();

        // Pass 1: each item's mean of x - shift.
        for (var r = 0; r < n; r++)
        {
            var row = rowMajor.Slice(r * items, items);
            for (var c = 0; c < items; c++)
            {
                mean[c] += row[c] - shift[c];
            }
        }

        for (var c = 0; c < items; c++)
        {
            mean[c] /= n;
            if (!double.IsFinite(mean[c]))
            {
                throw NotFinite(rowMajor, nameof(rowMajor));
            }
        }

        // Pass 2: squared deviations of each item and of the respondent's total (the sum of its items' deviations).
        double totalSquares = 0;
        for (var r = 0; r < n; r++)
        {
            var row = rowMajor.Slice(r * items, items);
            double total = 0;
            for (var c = 0; c < items; c++)
            {
                var d = row[c] - shift[c] - mean[c];
                squares[c] += d * d;
                total += d;
            }

            totalSquares += total * total;
        }

        double itemSquares = 0;
        foreach (var s in squares)
        {
            itemSquares += s;
        }

        if (!double.IsFinite(totalSquares) || !double.IsFinite(itemSquares))
        {
            throw new OverflowException("The spread of the scores exceeds the range of a double; rescale them.");
        }

        return FromVariances(itemSquares / (n - 1), totalSquares / (n - 1), n, items, level);
    }

    /// <summary>
    /// Computes alpha with pairwise deletion of missing scores (NaN), as pingouin's <c>cronbach_alpha</c> (default
    /// <c>nan_policy="pairwise"</c>) and R psych's <c>alpha(use = "pairwise")</c>: each item variance over the respondents
    /// who answered it, each covariance over those who answered both (pandas' <c>DataFrame.cov()</c>), then
    /// <see cref="FromCovariance"/> with n = the number of rows. With no missing score it equals <see cref="Compute"/>.
    /// </summary>
    /// <param name="scores">Rows are respondents, columns items; at least 2 × 2; NaN marks a missing score.</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>Alpha and its interval; undefined when a pair of items has fewer than two respondents in common (<see cref="UndefinedReason.TooFewObservations"/>) or the covariances sum to 0 or less.</returns>
    /// <exception cref="ArgumentException">Fewer than two rows or columns.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is infinite, or the level is outside (0, 1).</exception>
    public static AlphaResult ComputePairwise(double[,] scores, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Check.Level(level, nameof(level));
        int n = scores.GetLength(0), k = scores.GetLength(1);
        CheckShape(n, k, nameof(scores));

        // Welford co-moments per pair on scores shifted by each item's first answer: count, two means, C = Σ dx·dy.
        var shift = new double[k];
        for (var j = 0; j < k; j++)
        {
            shift[j] = double.NaN;
            for (var i = 0; i < n && double.IsNaN(shift[j]); i++)
            {
                shift[j] = scores[i, j];
            }
        }

        var count = new long[k, k];
        var meanX = new double[k, k];
        var meanY = new double[k, k];
        var comoment = new double[k, k];
        var row = new double[k];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var x = scores[i, j];
                if (double.IsInfinity(x))
                {
                    throw new ArgumentOutOfRangeException(nameof(scores), x, $"The score at row {i}, column {j} must be a finite number or NaN (missing).");
                }

                row[j] = x - shift[j];
            }

            for (var a = 0; a < k; a++)
            {
                if (double.IsNaN(row[a]))
                {
                    continue;
                }

                for (var b = a; b < k; b++)
                {
                    if (double.IsNaN(row[b]))
                    {
                        continue;
                    }

                    var c = ++count[a, b];
                    var dx = row[a] - meanX[a, b];
                    meanX[a, b] += dx / c;
                    meanY[a, b] += (row[b] - meanY[a, b]) / c;
                    comoment[a, b] += dx * (row[b] - meanY[a, b]);
                }
            }
        }

        var covariance = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                if (count[a, b] < 2)
                {
                    return new AlphaResult(null, n, k, null, UndefinedReason.TooFewObservations);
                }

                covariance[a, b] = covariance[b, a] = comoment[a, b] / (count[a, b] - 1);
            }
        }

        return FromCovariance(covariance, n, level);
    }

    /// <summary>
    /// Computes alpha from an item covariance matrix: α = k/(k-1)·(1 - trace(C)/ΣC), equivalently k·c̄/(v̄ + (k-1)·c̄)
    /// with c̄ the mean covariance and v̄ the mean variance (pingouin <c>cronbach_alpha</c>), with Feldt's interval for
    /// <paramref name="respondents"/> respondents.
    /// </summary>
    /// <param name="covariance">A symmetric k × k covariance matrix, k ≥ 2, finite, with variances ≥ 0 on the diagonal.</param>
    /// <param name="respondents">The number of respondents behind it, ≥ 2 (the interval's degrees of freedom).</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>Alpha and its interval; undefined when the covariances sum to 0 or less (the total has no variance).</returns>
    /// <exception cref="ArgumentException">The matrix is not square, smaller than 2 × 2, or not symmetric.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry is not finite, a variance is negative, the respondents are fewer than 2, or the level is outside (0, 1).</exception>
    public static AlphaResult FromCovariance(double[,] covariance, int respondents, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        Check.Level(level, nameof(level));
        var k = covariance.GetLength(0);
        if (k != covariance.GetLength(1) || k < 2)
        {
            throw new ArgumentException($"The covariance matrix must be square and at least 2 × 2; it is {k} × {covariance.GetLength(1)}.", nameof(covariance));
        }

        Check.InRange(respondents, 2, int.MaxValue, nameof(respondents));
        double trace = 0, sum = 0;
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                var c = covariance[a, b];
                Check.Finite(c, nameof(covariance));
                var mirror = covariance[b, a];
                if (Math.Abs(c - mirror) > 1e-12 * Math.Max(1, Math.Max(Math.Abs(c), Math.Abs(mirror))))
                {
                    throw new ArgumentException($"The covariance matrix must be symmetric; entry [{a}, {b}] is {c} and [{b}, {a}] is {mirror}.", nameof(covariance));
                }

                sum += c;
            }

            if (covariance[a, a] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(covariance), covariance[a, a], $"The variance of item {a} (the diagonal) must be ≥ 0.");
            }

            trace += covariance[a, a];
        }

        return FromVariances(trace, sum, respondents, k, level);
    }

    /// <summary>Alpha from the sum of the item variances and the variance of the total, with Feldt's interval.</summary>
    internal static AlphaResult FromVariances(double sumOfItemVariances, double totalVariance, int n, int items, double level)
    {
        if (!(totalVariance > 0))
        {
            return new AlphaResult(null, n, items, null, UndefinedReason.NoVariance);
        }

        double k = items;
        var alpha = k / (k - 1) * (1 - (sumOfItemVariances / totalVariance));
        double df1 = n - 1, df2 = (n - 1) * (k - 1);
        var a = 1 - level;
        var lower = 1 - ((1 - alpha) * Distributions.FQuantile(1 - (a / 2), df1, df2));
        var upper = 1 - ((1 - alpha) * Distributions.FQuantile(a / 2, df1, df2));
        return new AlphaResult(alpha, n, items, new ConfidenceInterval(lower, upper, level), UndefinedReason.None);
    }

    internal static void CheckShape(int rows, int items, string name)
    {
        if (rows < 2 || items < 2)
        {
            throw new ArgumentException($"Alpha needs at least 2 respondents (rows) and 2 items (columns); the matrix is {rows} × {items}.", name);
        }
    }

    private static Exception NotFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return new ArgumentOutOfRangeException(name, values[i], $"Every score must be a finite number (not NaN or infinity); the score at index {i} is not.");
            }
        }

        return new OverflowException("The scores' sums exceed the range of a double; rescale them.");
    }
}
