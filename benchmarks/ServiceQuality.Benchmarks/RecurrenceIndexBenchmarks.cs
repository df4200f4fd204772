using System.Numerics;
using BenchmarkDotNet.Attributes;
using ServiceQuality.Normalization;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// A near-duplicate query (Hamming distance 3, a 30-day window) over 1,000,000 fingerprints spread over a year:
/// the multi-index recurrence index against a linear scan of the same data. Each invocation runs 100 queries.
/// </summary>
[MemoryDiagnoser]
public class RecurrenceIndexBenchmarks
{
    private const int Size = 1_000_000;
    private const int Queries = 100;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RecurrenceIndex _index = new(new RecurrenceIndexOptions { MaxHammingDistance = 3 });
    private readonly ulong[] _fingerprints = new ulong[Size];
    private readonly long[] _ticks = new long[Size];
    private readonly ulong[] _queries = new ulong[Queries];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < Size; i++)
        {
            _fingerprints[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
            var at = Start.AddSeconds(i * 31.5);
            _ticks[i] = at.UtcTicks;
            _index.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _fingerprints[i], at);
        }

        for (var q = 0; q < Queries; q++)
        {
            // Half the queries are near an existing fingerprint (two bits flipped), half are random.
            _queries[q] = q % 2 == 0 ? _fingerprints[random.Next(Size)] ^ (1UL << random.Next(64)) ^ (1UL << random.Next(64)) : (ulong)random.NextInt64();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int LinearScan()
    {
        var found = 0;
        var from = Start.AddDays(150).UtcTicks;
        var to = Start.AddDays(180).UtcTicks;
        foreach (var query in _queries)
        {
            for (var i = 0; i < _fingerprints.Length; i++)
            {
                if (_ticks[i] >= from && _ticks[i] <= to && BitOperations.PopCount(_fingerprints[i] ^ query) <= 3)
                {
                    found++;
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int MultiIndexHashing()
    {
        var found = 0;
        foreach (var query in _queries)
        {
            found += _index.FindNearDuplicates(query, Start.AddDays(150), Start.AddDays(180)).Count;
        }

        return found;
    }
}
