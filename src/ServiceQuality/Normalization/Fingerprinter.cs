namespace ServiceQuality.Normalization;

/// <summary>
/// The fingerprinter and the incident key. The fingerprint is a SimHash of the live tokens' forms and of each pair of
/// consecutive ones, stop words left out, fed one token at a time from the fused gathering pass; the key hashes what
/// identifies the incident (areas other than first-time fix, systems, error codes, references), whatever their order
/// or repetition. Owns the feature buffers; reused run after run.
/// </summary>
internal sealed class Fingerprinter
{
    /// <summary>Words left out of the fingerprint (flagged in the lexicon table).</summary>
    internal static readonly string[] StopWords =
    [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "be", "been",
        "it", "its", "this", "that", "i", "my", "me", "we", "our", "you", "your", "they", "their", "he", "she", "his", "her",
        "as", "by", "from", "has", "have", "had", "do", "does", "did", "so", "if", "then", "there", "these", "those", "am",
    ];

    private readonly List<ulong> _keyParts = [];

    /// <summary>The fingerprint's feature hashes, in the order of the text (each kept word, and each pair of consecutive ones).</summary>
    private ulong[] _features = new ulong[256];

    /// <summary>The fingerprint's count of features for each bit.</summary>
    private readonly int[] _featureOnes = new int[64];

    private int _count;
    private ulong _previous;
    private TokenStream _t = null!;

    /// <summary>Starts the fingerprint of <paramref name="tokens"/>.</summary>
    public void Begin(TokenStream tokens)
    {
        _t = tokens;
        if (_features.Length < 2 * tokens.Count)
        {
            _features = new ulong[Math.Max(2 * tokens.Count, 2 * _features.Length)];
        }

        _count = 0;
        _previous = 0;
    }

    /// <summary>Adds a live token to the fingerprint: its form and the pair it makes with the previous one; stop words are left out.</summary>
    public void Add(in Token t)
    {
        if (t.FormLength == 0 || (t.Flags & Lexicons.WordFlags.StopWord) != 0)
        {
            return;
        }

        var hash = t.FormHash != 0 ? t.FormHash : Hashing.Hash(_t.Form(t));
        _features[_count++] = hash;
        if (_previous != 0)
        {
            _features[_count++] = Hashing.Combine(_previous, hash);
        }

        _previous = hash;
    }

    /// <summary>Ends the fingerprint and returns it.</summary>
    public ulong End() => SimHash.Of(_features.AsSpan(0, _count), _featureOnes);

    /// <summary>
    /// Hashes each part (an area other than first-time fix, or a system, error code or reference prefixed by its kind), sorts the part hashes
    /// and hashes them in order: the key does not depend on the order or repetition of the facts.
    /// </summary>
    public ulong IncidentKey(ServiceAreaMatch[] areas, List<Fact> facts)
    {
        var parts = _keyParts;
        parts.Clear();
        foreach (var area in areas)
        {
            // First-time fix is what the client says of the fix ("yet AGAIN", "still not fixed", "the error came
            // back"): framing that the recurrence field and the areas keep, not what identifies the incident.
            if (area.Area != ServiceAreas.FirstTimeFix)
            {
                parts.Add(Hashing.Accumulate(Hashing.Accumulate(14695981039346656037UL, "a:"), area.Area));
            }
        }

        foreach (var (fact, _) in facts)
        {
            var prefix = fact.Kind switch
            {
                FactKind.System => "s:",
                FactKind.ErrorCode => "e:",
                FactKind.Reference => "r:",
                _ => null,
            };
            if (prefix is not null)
            {
                parts.Add(Hashing.Accumulate(Hashing.Accumulate(14695981039346656037UL, prefix), fact.Value));
            }
        }

        parts.Sort();
        var state = 14695981039346656037UL;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i == 0 || parts[i] != parts[i - 1])
            {
                state = Hashing.Combine(state, parts[i]);
            }
        }

        return Hashing.Mix(state);
    }
}
