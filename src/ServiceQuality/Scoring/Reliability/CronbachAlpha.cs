namespace ServiceQuality.Scoring.Reliability;

/// <summary>Cronbach's alpha with its Feldt interval.</summary>
/// <param name="Alpha">α = k/(k-1)·(1 - Σ item variances / variance of the total).</param>
/// <param name="N">The number of respondents (rows).</param>
/// <param name="Items">The number of items (columns), k.</param>
/// <param name="Interval">
/// Feldt, Woodruff and Salih (1987), as pingouin's <c>cronbach_alpha</c>: [1 - (1-α)·F_{1-a/2}(n-1, (n-1)(k-1)),
/// 1 - (1-α)·F_{a/2}(n-1, (n-1)(k-1))].
/// </param>
public readonly record struct AlphaResult(double Alpha, int N, int Items, ConfidenceInterval Interval);

/// <summary>Cronbach's alpha (reference: pingouin <c>cronbach_alpha</c>, which equals ICC(3,k) of Shrout and Fleiss).</summary>
public static class CronbachAlpha
{
    /// <summary>Computes alpha for a respondents × items matrix.</summary>
    /// <param name="scores">Rows are respondents, columns items; at least 2 × 2, all finite.</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>Alpha and its interval.</returns>
    /// <exception cref="ArgumentException">Fewer than two rows or columns, or the totals have no variance.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is not finite, or the level is outside (0, 1).</exception>
    public static AlphaResult Compute(double[,] scores, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var items = scores.GetLength(1);
        return ComputeRowMajor(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref scores[0, 0], scores.Length), items, level);
    }

    /// <summary>Computes alpha for a respondents × items matrix stored row by row. One pass over the data.</summary>
    /// <param name="rowMajor">The scores, respondent after respondent.</param>
    /// <param name="items">The number of items per respondent, ≥ 2.</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>Alpha and its interval.</returns>
    /// <exception cref="ArgumentException">Fewer than two rows or columns, a ragged length, or no variance in the totals.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is not finite, or the level is outside (0, 1).</exception>
    public static AlphaResult ComputeRowMajor(ReadOnlySpan<double> rowMajor, int items, double level = 0.95)
    {
        Check.Level(level, nameof(level));
        if (items < 2 || rowMajor.Length % items != 0 || rowMajor.Length / items < 2)
        {
            throw new ArgumentException("Alpha needs at least 2 respondents and 2 items, and a length that is a multiple of the item count.", nameof(rowMajor));
        }

        var n = rowMajor.Length / items;
        Span<double> colSum = items <= 256 ? stackalloc double[items] : new double[items];
        Span<double> colSq = items <= 256 ? stackalloc double[items] : new double[items];
        colSum.Clear();
        colSq.Clear();
        double totSum = 0, totSq = 0;
        for (var r = 0; r < n; r++)
        {
            var row = rowMajor.Slice(r * items, items);
            double total = 0;
            for (var c = 0; c < items; c++)
            {
                var x = row[c];
                colSum[c] += x;
                colSq[c] += x * x;
                total += x;
            }

            totSum += total;
            totSq += total * total;
        }

        if (!double.IsFinite(totSq))
        {
            throw new ArgumentOutOfRangeException(nameof(rowMajor), "Every score must be a finite number (not NaN or infinity).");
        }

        double itemVar = 0;
        for (var c = 0; c < items; c++)
        {
            itemVar += (colSq[c] - (colSum[c] * colSum[c] / n)) / (n - 1);
        }

        var totalVar = (totSq - (totSum * totSum / n)) / (n - 1);
        if (!(totalVar > 0))
        {
            throw new ArgumentException("The respondents' totals have no variance: alpha is undefined.", nameof(rowMajor));
        }

        double k = items;
        var alpha = k / (k - 1) * (1 - (itemVar / totalVar));
        double df1 = n - 1, df2 = (n - 1) * (k - 1);
        var a = 1 - level;
        var lower = 1 - ((1 - alpha) * Distributions.FQuantile(1 - (a / 2), df1, df2));
        var upper = 1 - ((1 - alpha) * Distributions.FQuantile(a / 2, df1, df2));
        return new AlphaResult(alpha, n, items, new ConfidenceInterval(lower, upper, level));
    }
}
