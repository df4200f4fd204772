namespace ServiceQuality.Testing;

/// <summary>
/// Thrown by a law checker when the host's implementation or configuration breaks a law: it names the law, and carries
/// the minimal counterexample FsCheck shrank the first failing input to, with what went wrong on it.
/// </summary>
public sealed class LawViolationException : Exception
{
    /// <summary>Creates the exception with a message only (for serializers and tools; checkers use the full constructor).</summary>
    public LawViolationException()
        : this("A law was violated.")
    {
    }

    /// <summary>Creates the exception with a message only (for serializers and tools; checkers use the full constructor).</summary>
    /// <param name="message">The message.</param>
    public LawViolationException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and the exception behind it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">What went wrong on the counterexample.</param>
    public LawViolationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Law = string.Empty;
        Failure = innerException?.Message ?? message;
    }

    /// <summary>Creates the exception a checker throws.</summary>
    /// <param name="law">The law's name.</param>
    /// <param name="counterexample">The shrunk counterexample.</param>
    /// <param name="original">The counterexample as first found, before shrinking.</param>
    /// <param name="testsRun">How many inputs were tried until one failed.</param>
    /// <param name="failure">What went wrong on the shrunk counterexample.</param>
    /// <param name="innerException">The exception the law threw on the shrunk counterexample, if any.</param>
    public LawViolationException(string law, object? counterexample, object? original, int testsRun, string failure, Exception? innerException)
        : base($"Law '{law}' is violated after {testsRun} test(s).{Environment.NewLine}Minimal counterexample: {LawCheck.Describe(counterexample)}{Environment.NewLine}{failure}", innerException)
    {
        Law = law;
        Counterexample = counterexample;
        OriginalCounterexample = original;
        TestsRun = testsRun;
        Failure = failure;
    }

    /// <summary>Gets the name of the violated law.</summary>
    public string Law { get; }

    /// <summary>Gets the minimal (shrunk) counterexample: the input of the law's generator on which it fails.</summary>
    public object? Counterexample { get; }

    /// <summary>Gets the counterexample as first found, before shrinking.</summary>
    public object? OriginalCounterexample { get; }

    /// <summary>Gets how many inputs were tried until one failed.</summary>
    public int TestsRun { get; }

    /// <summary>Gets what went wrong on the shrunk counterexample (the law's own explanation, or the exception's message).</summary>
    public string Failure { get; }
}
