using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ServiceQuality.Scoring;
using NpsRatings = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.NpsScale>;

namespace ServiceQuality.Benchmarks.Scoring;

/// <summary>NPS over 10,000,000 responses held as bytes: a LINQ baseline against the vectorized bulk accumulator.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private byte[] _ratings = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260301);
        _ratings = new byte[10_000_000];
        for (var i = 0; i < _ratings.Length; i++)
        {
            _ratings[i] = (byte)random.Next(0, 11);
        }
    }

    [Benchmark(Baseline = true)]
    public double NpsLinq()
    {
        var promoters = _ratings.Count(r => r >= 9);
        var detractors = _ratings.Count(r => r <= 6);
        return (promoters - detractors) / (double)_ratings.Length;
    }

    [Benchmark]
    public double? NpsBulkAccumulator()
    {
        var acc = default(NpsRatings);
        acc.Add(_ratings);
        return acc.GetNps().Estimate;
    }
}

/// <summary>
/// Merging 1,000 partial NPS accumulators (10,000 responses each) against re-reading the partitions' responses: held in
/// memory, stored as JSON or as binary state and read back, and a full JSON round trip (write, read, merge) of each.
/// </summary>
[MemoryDiagnoser]
public class ScoringMergeBenchmarks
{
    private byte[][] _partitions = [];
    private NpsRatings[] _partials = [];
    private byte[][] _json = [];
    private byte[][] _binary = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private Utf8JsonWriter? _writer;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260302);
        _partitions = new byte[1000][];
        _partials = new NpsRatings[1000];
        _json = new byte[1000][];
        _binary = new byte[1000][];
        for (var p = 0; p < _partitions.Length; p++)
        {
            _partitions[p] = new byte[10_000];
            for (var i = 0; i < _partitions[p].Length; i++)
            {
                _partitions[p][i] = (byte)random.Next(0, 11);
            }

            _partials[p].Add(_partitions[p]);
            _json[p] = JsonSerializer.SerializeToUtf8Bytes(_partials[p], ScoringJson.NpsRatings);
            var state = new byte[NpsRatings.MaxBinarySize];
            if (!_partials[p].TryWriteTo(state, out var written))
            {
                throw new InvalidOperationException("The binary state did not fit in MaxBinarySize.");
            }

            _binary[p] = state[..written];
        }

        _writer = new Utf8JsonWriter(_buffer);
        if (JsonRoundTripAndMerge() != MergePartials() || MergeFromJson() != MergePartials() || MergeFromBinary() != MergePartials())
        {
            throw new InvalidOperationException("A stored state did not merge to the in-memory result.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _writer?.Dispose();

    [Benchmark(Baseline = true)]
    public double? RescanPartitions()
    {
        var acc = default(NpsRatings);
        foreach (var partition in _partitions)
        {
            acc.Add(partition);
        }

        return acc.GetNps().Estimate;
    }

    [Benchmark]
    public double? MergePartials()
    {
        var acc = default(NpsRatings);
        foreach (ref readonly var partial in _partials.AsSpan())
        {
            acc.Merge(partial);
        }

        return acc.GetNps().Estimate;
    }

    [Benchmark]
    public double? MergeFromJson()
    {
        var acc = default(NpsRatings);
        foreach (var state in _json)
        {
            acc.Merge(JsonSerializer.Deserialize(state, ScoringJson.NpsRatings));
        }

        return acc.GetNps().Estimate;
    }

    [Benchmark]
    public double? MergeFromBinary()
    {
        var acc = default(NpsRatings);
        foreach (var state in _binary)
        {
            if (!NpsRatings.TryReadFrom(state, out var partial, out _))
            {
                throw new InvalidOperationException("A stored binary state was refused.");
            }

            acc.Merge(partial);
        }

        return acc.GetNps().Estimate;
    }

    [Benchmark]
    public double? JsonRoundTripAndMerge()
    {
        var acc = default(NpsRatings);
        foreach (ref readonly var partial in _partials.AsSpan())
        {
            _buffer.ResetWrittenCount();
            _writer!.Reset(_buffer);
            JsonSerializer.Serialize(_writer, partial, ScoringJson.NpsRatings);
            acc.Merge(JsonSerializer.Deserialize(_buffer.WrittenSpan, ScoringJson.NpsRatings));
        }

        return acc.GetNps().Estimate;
    }
}

/// <summary>Cronbach's alpha on a 10,000 × 22 matrix: a naive two-pass column-by-column baseline against the shifted two-pass row-major path.</summary>
[MemoryDiagnoser]
public class ScoringAlphaBenchmarks
{
    private const int Rows = 10_000;
    private const int Items = 22;
    private double[] _scores = [];
    private double[,] _matrix = new double[0, 0];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260303);
        _scores = new double[Rows * Items];
        _matrix = new double[Rows, Items];
        for (var r = 0; r < Rows; r++)
        {
            var trait = random.Next(0, 4);
            for (var c = 0; c < Items; c++)
            {
                var x = Math.Clamp(trait + random.Next(1, 5), 1, 7);
                _scores[(r * Items) + c] = x;
                _matrix[r, c] = x;
            }
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveTwoPass()
    {
        // Pass 1: column means and row totals; pass 2: each column's variance and the totals' variance.
        var means = new double[Items];
        var totals = new double[Rows];
        for (var c = 0; c < Items; c++)
        {
            for (var r = 0; r < Rows; r++)
            {
                means[c] += _matrix[r, c] / Rows;
                totals[r] += _matrix[r, c];
            }
        }

        double itemVariance = 0;
        for (var c = 0; c < Items; c++)
        {
            double ss = 0;
            for (var r = 0; r < Rows; r++)
            {
                ss += (_matrix[r, c] - means[c]) * (_matrix[r, c] - means[c]);
            }

            itemVariance += ss / (Rows - 1);
        }

        var totalMean = totals.Average();
        var totalVariance = totals.Sum(t => (t - totalMean) * (t - totalMean)) / (Rows - 1);
        return Items / (Items - 1.0) * (1 - (itemVariance / totalVariance));
    }

    [Benchmark]
    public double? RowMajorTwoPass() => CronbachAlpha.ComputeRowMajor(_scores, Items).Estimate;
}
