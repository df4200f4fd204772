namespace ServiceQuality.Scoring;

/// <summary>The concentrations of a Dirichlet distribution over the detractor, passive and promoter shares.</summary>
/// <param name="Detractors">The detractor concentration, &gt; 0.</param>
/// <param name="Passives">The passive concentration, &gt; 0.</param>
/// <param name="Promoters">The promoter concentration, &gt; 0.</param>
public readonly record struct DirichletPrior(double Detractors, double Passives, double Promoters)
{
    /// <summary>Gets the uniform prior Dirichlet(1, 1, 1): every split of the shares equally likely. The default.</summary>
    public static DirichletPrior Uniform { get; } = new(1, 1, 1);

    /// <summary>Gets the Jeffreys prior Dirichlet(½, ½, ½), which pulls less toward the centre.</summary>
    public static DirichletPrior Jeffreys { get; } = new(0.5, 0.5, 0.5);

    /// <summary>Throws unless every concentration is a finite number &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A concentration is not a finite number &gt; 0.</exception>
    public void Validate()
    {
        foreach (var (value, name) in new[] { (Detractors, nameof(Detractors)), (Passives, nameof(Passives)), (Promoters, nameof(Promoters)) })
        {
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "A Dirichlet concentration must be a finite number > 0.");
            }
        }
    }
}
