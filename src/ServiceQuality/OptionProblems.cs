namespace ServiceQuality;

/// <summary>Collects option problems so that all of them are reported in one exception, one "- problem" a line.</summary>
internal static class OptionProblems
{
    public static void Add(ref List<string>? problems, string problem) => (problems ??= []).Add(problem);

    public static void ThrowIfAny(List<string>? problems, string options)
    {
        if (problems is { Count: > 0 })
        {
            throw new ArgumentException(
                $"{options} has {problems.Count} invalid setting(s):{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}",
                options);
        }
    }
}
