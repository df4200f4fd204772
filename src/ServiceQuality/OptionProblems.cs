namespace ServiceQuality;

/// <summary>Collects option problems so that all of them are reported in one <see cref="InvalidOptionsException"/>.</summary>
internal static class OptionProblems
{
    public static void Add(ref List<string>? problems, string problem) => (problems ??= []).Add(problem);

    public static void ThrowIfAny(List<string>? problems, string options)
    {
        if (problems is { Count: > 0 })
        {
            throw new InvalidOptionsException(options, [.. problems]);
        }
    }
}
