using System.Diagnostics;
using System.Runtime.CompilerServices;
using ServiceQuality.Diagnostics;

namespace ServiceQuality.Normalization;

/// <summary>
/// Turns a complaint text into a <see cref="NormalizedComplaint"/>: deterministic (no model, no sentiment score),
/// built once from options, immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The steps run in order: HTML entities and tags, Unicode clean-up (invisible, bidi and control characters, terminal
/// escapes, lone surrogates, emoji, NFKC from shipped tables so the result does not depend on ICU) → masking of
/// personal data → protection of identifiers → tone neutralisation → facts → service areas → impact → incident key
/// and fingerprint. Quoted e-mail replies (lines starting with <c>&gt;</c>, "On ... wrote:") and signatures are
/// left out of the canonical text and the facts: quoted facts are not new facts.
/// Each call records its duration on <c>servicequality.normalization.duration</c> and an activity named
/// <c>ServiceQuality.Normalize</c>, only while something listens: with no listener the timing is skipped.
/// Each thread that normalizes keeps its own working buffers and memos of the words it has classified, about 800 KB,
/// while the thread and the normalizer live: build one normalizer and share it, rather than one per call.
/// </remarks>
public sealed class ComplaintNormalizer
{
    private readonly Lexicons _lexicons;
    private readonly NormalizationOptions _options;
    private readonly ThreadLocal<NormalizerRun> _runs = new(static () => new NormalizerRun());
    private readonly ServiceQualityInstrumentation _instrumentation;

    /// <summary>Builds a normalizer with the built-in lexicons.</summary>
    public ComplaintNormalizer()
        : this(new NormalizationOptions())
    {
    }

    /// <summary>Builds a normalizer; the options are validated and copied, so later changes to them have no effect.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">A setting is out of range; the message names each one; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public ComplaintNormalizer(NormalizationOptions options)
        : this(options, ServiceQualityInstrumentation.Shared)
    {
    }

    /// <summary>Builds a normalizer that records its metrics and activities on <paramref name="instrumentation"/>.</summary>
    /// <param name="options">The options; validated and copied.</param>
    /// <param name="instrumentation">Where durations and activities are recorded.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">A setting is out of range; the message names each one; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public ComplaintNormalizer(NormalizationOptions options, ServiceQualityInstrumentation instrumentation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instrumentation);
        _instrumentation = instrumentation;
        options.Validate();
        _options = new NormalizationOptions { OrganizationThreshold = options.OrganizationThreshold };
        _lexicons = new Lexicons(options);
    }

    /// <summary>Normalizes a complaint text.</summary>
    /// <param name="text">The complaint as written; any string, of any size, including invalid UTF-16.</param>
    /// <returns>The normalized record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public NormalizedComplaint Normalize(string text) => Normalize(text, default);

    /// <summary>Normalizes a complaint text with its context.</summary>
    /// <param name="text">The complaint as written; any string, of any size, including invalid UTF-16.</param>
    /// <param name="context">The reference date, client and channel.</param>
    /// <returns>The normalized record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public NormalizedComplaint Normalize(string text, NormalizationContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        var duration = _instrumentation.NormalizationDuration;
        var source = _instrumentation.ActivitySource;
        if (!duration.Enabled && !source.HasListeners())
        {
            return _runs.Value!.Run(_lexicons, _options, text, context);
        }

        return NormalizeObserved(text, context, duration, source);
    }

    private NormalizedComplaint NormalizeObserved(string text, NormalizationContext context, System.Diagnostics.Metrics.Histogram<double> duration, ActivitySource source)
    {
        using var activity = source.StartActivity("ServiceQuality.Normalize");
        long start = Stopwatch.GetTimestamp();
        var result = _runs.Value!.Run(_lexicons, _options, text, context);
        duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        if (activity is not null)
        {
            activity.SetTag("servicequality.text.length", text.Length);
            activity.SetTag("servicequality.incident_key", result.IncidentKey);
        }

        return result;
    }

    /// <summary>Normalizes many complaints in parallel; the results are in the order of the inputs.</summary>
    /// <param name="texts">The complaint texts.</param>
    /// <param name="context">The context applied to every text.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 (the default) lets the runtime decide.</param>
    /// <returns>One record a text, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public NormalizedComplaint[] NormalizeMany(IReadOnlyList<string> texts, NormalizationContext context = default, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be -1 (no limit) or at least 1.");
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentNullException(nameof(texts), $"texts[{i}] is null; every text must be a string (it may be empty).");
            }
        }

        var results = new NormalizedComplaint[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i => results[i] = Normalize(texts[i], context));
        return results;
    }

    /// <summary>Normalizes a stream of complaints as they arrive, one at a time, in order.</summary>
    /// <param name="complaints">The complaints: a text and its context each.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records, in the order of the inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaints"/> is <see langword="null"/>, or a text in it is.</exception>
    public async IAsyncEnumerable<NormalizedComplaint> NormalizeAsync(
        IAsyncEnumerable<(string Text, NormalizationContext Context)> complaints,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        await foreach (var (text, context) in complaints.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Normalize(text, context);
        }
    }

    /// <summary>Gets the number of bits in which two fingerprints differ.</summary>
    /// <param name="first">A fingerprint.</param>
    /// <param name="second">Another fingerprint.</param>
    /// <returns>The Hamming distance, 0 to 64.</returns>
    public static int HammingDistance(ulong first, ulong second) => System.Numerics.BitOperations.PopCount(first ^ second);
}
