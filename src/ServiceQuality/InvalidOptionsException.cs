namespace ServiceQuality;

/// <summary>
/// Options failed validation. The message lists every problem, one a line; <see cref="Problems"/> holds the same
/// problems one by one (each names the setting and its valid range), so a host can report them in its own form.
/// </summary>
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidOptionsException()
        : this("Invalid options.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InvalidOptionsException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception for an options class and its problems.</summary>
    /// <param name="options">The name of the options class, e.g. <c>ComplaintOptions</c>.</param>
    /// <param name="problems">Every problem found.</param>
    public InvalidOptionsException(string options, IReadOnlyList<string> problems)
        : base(FormatMessage(options, problems), options)
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, each naming the setting and its valid range.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatMessage(string options, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"{options} has {problems.Count} invalid setting(s):{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}";
    }
}
