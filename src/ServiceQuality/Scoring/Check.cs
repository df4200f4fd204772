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

    /// <summary>Throws unless <paramref name="value"/> is a named member of <typeparamref name="TEnum"/>; the message names the value and the members.</summary>
    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)} is not a defined {typeof(TEnum).Name}; valid: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    /// <summary>Throws unless minimum &lt; maximum, both finite: a scale with one point (1..1) or reversed bounds has no range.</summary>
    public static void Scale(double minimum, double maximum, string name)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || !(minimum < maximum))
        {
            throw new ArgumentOutOfRangeException(name, $"The scale {minimum}..{maximum} is invalid: the minimum must be less than the maximum, both finite.");
        }
    }

    public static void NonNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The count must be ≥ 0.");
        }
    }

    /// <summary>total + added for counts ≥ 0, or a clear <see cref="OverflowException"/> naming what is counted when the sum exceeds <see cref="long.MaxValue"/>.</summary>
    public static long Sum(long total, long added, string what) =>
        total <= long.MaxValue - added
            ? total + added
            : throw new OverflowException($"The number of {what} would exceed {long.MaxValue} ({total} + {added}); nothing was added.");

    /// <summary>The two-sided normal critical value z_{1-(1-level)/2}.</summary>
    public static double Z(double level) => Distributions.NormalQuantile(1 - ((1 - level) / 2));
}
