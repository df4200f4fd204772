namespace ServiceQuality.Normalization;

/// <summary>
/// Options of a <see cref="ComplaintNormalizer"/>: the built-in lexicons are embedded data; these lists extend them.
/// Validated once when the normalizer is built.
/// </summary>
public sealed class NormalizationOptions
{
    /// <summary>Gets additional system and product names, in their canonical spelling (multi-word names allowed).</summary>
    /// <value>Empty by default.</value>
    public IList<string> Systems { get; } = [];

    /// <summary>Gets additional intensifiers, removed in adverb position.</summary>
    /// <value>Empty by default.</value>
    public IList<string> Intensifiers { get; } = [];

    /// <summary>Gets additional profanities (single words), removed also when masked.</summary>
    /// <value>Empty by default.</value>
    public IList<string> Profanity { get; } = [];

    /// <summary>Gets additional insults (single words).</summary>
    /// <value>Empty by default.</value>
    public IList<string> Insults { get; } = [];

    /// <summary>Gets additional interjections (single words).</summary>
    /// <value>Empty by default.</value>
    public IList<string> Interjections { get; } = [];

    /// <summary>Gets additional ordinary words: words that are never taken for acronyms when written in capitals.</summary>
    /// <value>Empty by default.</value>
    public IList<string> CommonWords { get; } = [];

    /// <summary>
    /// Gets host-defined categories and their evidence terms (words or phrases, matched on the canonical text), or
    /// more terms for one of the <see cref="ServiceAreas"/>.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, IList<string>> Categories { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    /// <summary>Gets or sets the number of people affected from which the impact is <see cref="ImpactLevel.Organization"/>.</summary>
    /// <value>50 by default; at least 3.</value>
    public int OrganizationThreshold { get; set; } = 50;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="InvalidOptionsException">One or more settings are out of range; the message names each one and its valid range; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (OrganizationThreshold < 3)
        {
            problems.Add($"{nameof(OrganizationThreshold)} is {OrganizationThreshold}; it must be at least 3.");
        }

        Check(Systems, nameof(Systems), problems, allowSpaces: true);
        Check(Intensifiers, nameof(Intensifiers), problems, allowSpaces: false);
        Check(Profanity, nameof(Profanity), problems, allowSpaces: false);
        Check(Insults, nameof(Insults), problems, allowSpaces: false);
        Check(Interjections, nameof(Interjections), problems, allowSpaces: false);
        Check(CommonWords, nameof(CommonWords), problems, allowSpaces: false);
        foreach (var (name, terms) in Categories)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add($"{nameof(Categories)} has a category with an empty name; names must be non-empty.");
            }

            if (terms is null || terms.Count == 0)
            {
                problems.Add($"{nameof(Categories)}[\"{name}\"] has no terms; give it at least one.");
            }
            else
            {
                Check(terms, $"{nameof(Categories)}[\"{name}\"]", problems, allowSpaces: true);
            }
        }

        OptionProblems.ThrowIfAny(problems, nameof(NormalizationOptions));
    }

    private static void Check(IList<string> terms, string name, List<string> problems, bool allowSpaces)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (string.IsNullOrWhiteSpace(term))
            {
                problems.Add($"{name}[{i}] is empty; terms must contain at least one letter or digit.");
            }
            else if (!allowSpaces && term.AsSpan().ContainsAny(' ', '\t', '\n'))
            {
                problems.Add($"{name}[{i}] ('{term}') contains white space; it must be a single word.");
            }
        }
    }
}
