using ServiceQuality.Scoring.Means;

namespace ServiceQuality.Scoring;

/// <summary>Shared logic of the fixed-scale rating accumulators (CSAT 1-5, CES 1-7): the mean from the histogram.</summary>
internal static class RatingScale
{
    public static MeanResult Mean(in RatingHistogram histogram, int min, int max, double level)
    {
        double sum = 0, sumSq = 0;
        for (var r = min; r <= max; r++)
        {
            sum += r * (double)histogram[r];
            sumSq += r * (double)r * histogram[r];
        }

        double n = histogram.Count;
        return MeanResult.FromSums(histogram.Count, n, sum, sumSq, n, level);
    }
}
