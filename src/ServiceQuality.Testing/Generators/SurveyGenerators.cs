using FsCheck;
using FsCheck.Fluent;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Testing;

/// <summary>The share of internal and external clients among generated survey responses.</summary>
public readonly record struct SegmentMix
{
    /// <summary>Gets an even mix.</summary>
    public static SegmentMix Even => new() { InternalWeight = 1, ExternalWeight = 1 };

    /// <summary>Gets a mix of external clients only.</summary>
    public static SegmentMix ExternalOnly => new() { InternalWeight = 0, ExternalWeight = 1 };

    /// <summary>Gets a mix of internal clients only.</summary>
    public static SegmentMix InternalOnly => new() { InternalWeight = 1, ExternalWeight = 0 };

    /// <summary>Gets the relative weight of <see cref="ClientSegment.Internal"/> clients, 0 or more.</summary>
    public required int InternalWeight { get; init; }

    /// <summary>Gets the relative weight of <see cref="ClientSegment.External"/> clients, 0 or more.</summary>
    public required int ExternalWeight { get; init; }

    internal void Validate()
    {
        if (InternalWeight < 0 || ExternalWeight < 0 || InternalWeight + ExternalWeight == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SegmentMix), this, "Valid: weights of 0 or more, at least one greater than 0.");
        }
    }
}

/// <summary>
/// FsCheck generators of survey data: ratings on a scale (a host's own <see cref="IRatingScale"/> too), with a realistic
/// skew or uniformly; rating histograms; survey responses with a segment mix, agents, and the seven client wants.
/// </summary>
public static class SurveyGenerators
{
    /// <summary>Ratings on <typeparamref name="TScale"/>, skewed the way real answers are (most near the top, a tail of low ones) with uniform ones mixed in.</summary>
    /// <typeparam name="TScale">The scale.</typeparam>
    /// <returns>The generator.</returns>
    public static Gen<int> Rating<TScale>()
        where TScale : IRatingScale => Rating(TScale.Minimum, TScale.Maximum);

    /// <summary>Ratings from <paramref name="minimum"/> to <paramref name="maximum"/>, skewed the way real answers are (most near the top, a tail of low ones) with uniform ones mixed in.</summary>
    /// <param name="minimum">The lowest rating.</param>
    /// <param name="maximum">The highest rating, greater than <paramref name="minimum"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is not greater than <paramref name="minimum"/>.</exception>
    public static Gen<int> Rating(int minimum, int maximum)
    {
        if (maximum <= minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"Valid: greater than the minimum ({minimum}).");
        }

        int span = maximum - minimum;
        int topThird = maximum - (span / 3);
        return Gen.Frequency(
            (3, Gen.Choose(minimum, maximum)),
            (5, Gen.Choose(topThird, maximum)),
            (2, Gen.Choose(minimum, minimum + (span / 3))));
    }

    /// <summary>Rating histograms on <typeparamref name="TScale"/>: one count a rating, from <c>Minimum</c> to <c>Maximum</c>, each 0 to <paramref name="maxCount"/>; empty histograms and single spikes included.</summary>
    /// <typeparam name="TScale">The scale.</typeparam>
    /// <param name="maxCount">The largest count of one rating, 1 or more.</param>
    /// <returns>The generator; index <c>i</c> holds the count of rating <c>Minimum + i</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public static Gen<long[]> Histogram<TScale>(long maxCount = 1_000)
        where TScale : IRatingScale
    {
        if (maxCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, "Valid: 1 or more.");
        }

        int bins = TScale.Maximum - TScale.Minimum + 1;
        int max = (int)Math.Min(maxCount, int.MaxValue);
        var counts = Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, Math.Min(max, 20))), (2, Gen.Choose(0, max)));
        var spike = Gen.Choose(0, bins - 1).SelectMany(at => Gen.Choose(1, max).Select(n =>
        {
            var spiked = new long[bins];
            spiked[at] = n;
            return spiked;
        }));
        return Gen.Frequency(
            (1, Gen.Constant(new long[bins])),
            (1, spike),
            (8, counts.ArrayOf(bins).Select(a => a.Select(c => (long)c).ToArray())));
    }

    /// <summary>Fills an accumulator on <typeparamref name="TScale"/> from a histogram of <see cref="Histogram{TScale}"/>.</summary>
    /// <typeparam name="TScale">The scale.</typeparam>
    /// <param name="histogram">The counts, index <c>i</c> for rating <c>Minimum + i</c>.</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentException">The histogram does not have one count a rating of the scale, or a count is negative.</exception>
    public static RatingAccumulator<TScale> ToAccumulator<TScale>(long[] histogram)
        where TScale : IRatingScale
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Length != TScale.Maximum - TScale.Minimum + 1)
        {
            throw new ArgumentException($"The histogram has {histogram.Length} counts; the scale {TScale.Minimum}-{TScale.Maximum} needs {TScale.Maximum - TScale.Minimum + 1}.", nameof(histogram));
        }

        var accumulator = default(RatingAccumulator<TScale>);
        for (var i = 0; i < histogram.Length; i++)
        {
            if (histogram[i] < 0)
            {
                throw new ArgumentException($"The count of rating {TScale.Minimum + i} is {histogram[i]}; valid: 0 or more.", nameof(histogram));
            }

            if (histogram[i] > 0)
            {
                accumulator.Add(TScale.Minimum + i, histogram[i]);
            }
        }

        return accumulator;
    }

    /// <summary>
    /// Survey responses: the client's segment drawn from <paramref name="mix"/>, one of <paramref name="agents"/> agents,
    /// an answer time within 90 days of <paramref name="from"/>, and each of NPS (0-10), CSAT (1-5), CES (1-7) and the
    /// seven client wants (importance and performance, 1-5) asked or not, as real surveys skip questions.
    /// </summary>
    /// <param name="mix">The segment mix.</param>
    /// <param name="agents">How many agents serve the clients (named <c>agent-1</c>...), 1 or more.</param>
    /// <param name="from">The earliest answer time; 2026-01-01 UTC when <see langword="null"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The mix has a negative weight or only zeros, or <paramref name="agents"/> is less than 1.</exception>
    public static Gen<SurveyResponse> Response(SegmentMix mix, int agents = 6, DateTimeOffset? from = null)
    {
        mix.Validate();
        if (agents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(agents), agents, "Valid: 1 or more.");
        }

        var start = from ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var segment = Gen.Frequency((mix.InternalWeight, Gen.Constant(ClientSegment.Internal)), (mix.ExternalWeight, Gen.Constant(ClientSegment.External)));
        var wants = Gen.SubListOf(Enum.GetValues<ClientWant>()).SelectMany(chosen =>
            Gen.CollectToArray(chosen, want => Gen.Zip(Rating(1, 5), Rating(1, 5), (i, p) => (want, new WantAnswer { Importance = i, Performance = p }))))
            .Select(pairs => (IReadOnlyDictionary<ClientWant, WantAnswer>)pairs.ToDictionary(p => p.want, p => p.Item2));
        return
            from s in segment
            from client in Gen.Choose(1, 500)
            from agent in Gen.Choose(1, agents)
            from minutes in Gen.Choose(0, 90 * 24 * 60)
            from nps in Asked(Rating<NpsScale>())
            from csat in Asked(Rating<CsatScale>())
            from ces in Asked(Rating<CesScale>())
            from w in wants
            select new SurveyResponse
            {
                ClientId = FormattableString.Invariant($"client-{client}"),
                Segment = s,
                Agent = FormattableString.Invariant($"agent-{agent}"),
                AnsweredAt = start.AddMinutes(minutes),
                Nps = nps,
                Csat = csat,
                Ces = ces,
                Wants = w,
            };
    }

    /// <summary>A question asked three times in four, skipped otherwise.</summary>
    private static Gen<int?> Asked(Gen<int> rating) => Gen.Frequency((1, Gen.Constant<int?>(null)), (3, rating.Select(r => (int?)r)));

    /// <summary>Lists of survey responses (see <see cref="Response"/>), shrinking by dropping responses.</summary>
    /// <param name="mix">The segment mix.</param>
    /// <param name="agents">How many agents serve the clients, 1 or more.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SurveyResponse[]> Responses(SegmentMix mix, int agents = 6) =>
        Arb.From(Response(mix, agents).ArrayOf(), responses => LawCheck.ShrinkList(responses));
}
