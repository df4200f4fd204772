using System.Diagnostics.CodeAnalysis;

namespace ServiceQuality.Scoring;

/// <summary>The concentrations of a Dirichlet distribution over the detractor, passive and promoter shares.</summary>
public readonly record struct DirichletPrior
{
    /// <summary>Initializes a prior with its three concentrations (checked by <see cref="Validate"/>).</summary>
    /// <param name="detractors">The detractor concentration, &gt; 0.</param>
    /// <param name="passives">The passive concentration, &gt; 0.</param>
    /// <param name="promoters">The promoter concentration, &gt; 0.</param>
    [SetsRequiredMembers]
    public DirichletPrior(double detractors, double passives, double promoters)
    {
        Detractors = detractors;
        Passives = passives;
        Promoters = promoters;
    }

    /// <summary>Gets the detractor concentration, &gt; 0.</summary>
    public required double Detractors { get; init; }

    /// <summary>Gets the passive concentration, &gt; 0.</summary>
    public required double Passives { get; init; }

    /// <summary>Gets the promoter concentration, &gt; 0.</summary>
    public required double Promoters { get; init; }

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
