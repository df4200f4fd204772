namespace ServiceQuality.Tests.Scoring.Reliability;

/// <summary>Rating matrices for the reliability tests.</summary>
internal static class Matrices
{
    internal static double[,] Map(double[,] m, Func<double, double> f)
    {
        var result = new double[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                result[i, j] = f(m[i, j]);
            }
        }

        return result;
    }

    internal static double[,] RandomRatings(int seed, out int[] groups)
    {
        var random = new Random(seed);
        int n = random.Next(3, 25), k = random.Next(2, 7);
        var m = new double[n, k];
        groups = new int[n * k];
        for (var i = 0; i < n; i++)
        {
            var trait = random.Next(0, 3);
            for (var j = 0; j < k; j++)
            {
                m[i, j] = Math.Clamp(trait + random.Next(1, 5), 1, 7);
                groups[(i * k) + j] = i;
            }
        }

        return m;
    }

    internal static double[] Flatten(double[,] m) => [.. m.Cast<double>()];
}
