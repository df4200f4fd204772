namespace ServiceQuality.Scoring;

/// <summary>Argument checks shared by the scoring models: each names the valid range in its message.</summary>
internal static class Check
{
    public static void Level(double level, string name)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(name, level, "The confidence level must be in the open range (0, 1).");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a finite number (not NaN or infinity).");
        }
    }

    public static void Weight(double weight, string name)
    {
        if (!(weight >= 0) || double.IsPositiveInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(name, weight, "The weight must be a finite number ≥ 0.");
        }
    }

    public static void InRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The value must be in the range [{min}, {max}].");
        }
    }

    public static void NonNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The count must be ≥ 0.");
        }
    }

    /// <summary>The two-sided normal critical value z_{1-(1-level)/2}.</summary>
    public static double Z(double level) => Distributions.NormalQuantile(1 - ((1 - level) / 2));
}
