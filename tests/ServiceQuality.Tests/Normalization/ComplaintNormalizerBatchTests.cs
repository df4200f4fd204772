using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

public class ComplaintNormalizerBatchTests
{
    private static readonly string[] Texts =
    [
        "The VPN is DOWN!!! again",
        "Outlook crashed with error 1603",
        string.Empty,
        "20 users waiting for 3 hours, no update",
    ];

    [Fact]
    public void NormalizeMany_Texts_EqualsOneByOneInOrder()
    {
        var many = Enumerable.Range(0, 200).Select(i => Texts[i % Texts.Length] + " #" + (1000 + i)).ToArray();
        var results = Normalizer.NormalizeMany(many, new NormalizationContext { ReferenceDate = new DateOnly(2024, 3, 1) }, maxDegreeOfParallelism: 2);
        Assert.Equal(many.Length, results.Length);
        for (var i = 0; i < many.Length; i++)
        {
            Assert.Equal(Signature(Normalizer.Normalize(many[i])), Signature(results[i]));
            Assert.Equal(new DateOnly(2024, 3, 1), results[i].Context.ReferenceDate);
        }
    }

    [Fact]
    public void NormalizeMany_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("texts", () => Normalizer.NormalizeMany(null!));
        var error = Assert.Throws<ArgumentNullException>("texts", () => Normalizer.NormalizeMany(["ok", null!]));
        Assert.Contains("texts[1] is null", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("maxDegreeOfParallelism", () => Normalizer.NormalizeMany(Texts, maxDegreeOfParallelism: 0));
    }

    [Fact]
    public async Task NormalizeAsync_Stream_YieldsInOrderWithContext()
    {
        var results = new List<NormalizedComplaint>();
        await foreach (var record in Normalizer.NormalizeAsync(Source()))
        {
            results.Add(record);
        }

        Assert.Equal(Texts.Length, results.Count);
        Assert.Equal("the VPN is down again", results[0].CanonicalText);
        Assert.Equal("client-3", results[3].Context.Client);
        Assert.Equal(ImpactLevel.Team, results[3].Impact);

        static async IAsyncEnumerable<(string, NormalizationContext)> Source()
        {
            for (var i = 0; i < Texts.Length; i++)
            {
                await Task.Yield();
                yield return (Texts[i], new NormalizationContext { Client = "client-" + i });
            }
        }
    }

    [Fact]
    public async Task NormalizeAsync_Canceled_StopsTheStream()
    {
        using var cancellation = new CancellationTokenSource();
        var count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Normalizer.NormalizeAsync(Endless(), cancellation.Token))
            {
                if (++count == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(3, count);

        static async IAsyncEnumerable<(string, NormalizationContext)> Endless()
        {
            while (true)
            {
                await Task.Yield();
                yield return ("the printer is down", default);
            }
        }
    }
}
