using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

public class RecurrenceIndexTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => new RecurrenceIndex(new RecurrenceIndexOptions { MaxHammingDistance = 16, Window = TimeSpan.Zero }));
        Assert.Contains("MaxHammingDistance is 16; it must be 0 to 15.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Window is 00:00:00; it must be more than zero.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new RecurrenceIndex(null!));
        Assert.Throws<ArgumentNullException>(() => new RecurrenceIndex().Add(null!, 1UL, Start));
    }

    [Fact]
    public void GetRecurringProblems_NearDuplicatesInWindow_AreGroupedWithClientsAndTimes()
    {
        var index = new RecurrenceIndex(new RecurrenceIndexOptions { Window = TimeSpan.FromDays(30) });
        index.Add("c1", 0b0000UL, Start, "acme");
        index.Add("c2", 0b0111UL, Start.AddDays(2), "globex");
        index.Add("c3", 0b1111_0000_0000UL, Start.AddDays(3), "acme");
        index.Add("c4", 0b0110UL, Start.AddDays(5), "acme");
        index.Add("c5", 0b0000UL, Start.AddDays(100), "initech");

        var problem = Assert.Single(index.GetRecurringProblems());
        Assert.Equal(3, problem.Count);
        Assert.Equal(Start, problem.FirstSeen);
        Assert.Equal(Start.AddDays(5), problem.LastSeen);
        Assert.Equal(["acme", "globex"], problem.Clients);
        Assert.Equal(["c1", "c2", "c4"], problem.ComplaintIds);
        Assert.Equal(3, index.GetRecurringProblems(minimumCount: 1).Count);
        Assert.Equal(5, index.Count);
    }

    [Fact]
    public void Window_Default_IsThreeYears()
    {
        // The CFPB sample's listed duplicates are 42 to 825 days apart: a 30-day default grouped none of them.
        Assert.Equal(TimeSpan.FromDays(1096), new RecurrenceIndexOptions().Window);
        var index = new RecurrenceIndex();
        index.Add("first", 0b0000UL, Start);
        index.Add("825 days later", 0b0001UL, Start.AddDays(825));
        index.Add("1,096 days after that", 0b0011UL, Start.AddDays(825 + 1096));
        index.Add("1,097 days after that", 0b1111_0000_0000UL, Start.AddDays(825 + 1096 + 1097));
        index.Add("too late", 0b1111_0000_0000UL, Start.AddDays(825 + 1096 + 1097 + 1097));
        Assert.Equal(["first", "825 days later", "1,096 days after that"], Assert.Single(index.GetRecurringProblems()).ComplaintIds);
    }

    [Fact]
    public void FindNearDuplicates_TimeRangeAndDistance_AreRespected()
    {
        var index = new RecurrenceIndex(new RecurrenceIndexOptions { MaxHammingDistance = 2 });
        index.Add("near", 0xFFUL, Start);
        index.Add("far", 0xF0FUL, Start);
        index.Add("late", 0xFFUL, Start.AddDays(40));
        index.Add("exact", 0xFCUL, Start.AddDays(1));

        var matches = index.FindNearDuplicates(0xFEUL, Start, Start.AddDays(10));
        Assert.Equal(
            [new RecurrenceMatch("near", 0xFFUL, Start, null, 1), new RecurrenceMatch("exact", 0xFCUL, Start.AddDays(1), null, 1)],
            matches);
        Assert.Throws<ArgumentException>("to", () => index.FindNearDuplicates(0, Start, Start.AddDays(-1)));
    }

    [Fact]
    public void Add_NormalizedComplaints_GroupsTheSameProblemWrittenDifferently()
    {
        var index = new RecurrenceIndex();
        var calm = Normalizer.Normalize("The VPN keeps dropping, error ERR_CONN_RESET.", new NormalizationContext { Client = "acme" });
        var angry = Normalizer.Normalize("the f*cking VPN KEEPS DROPPING!!! error ERR_CONN_RESET 😡", new NormalizationContext { Client = "globex" });
        var other = Normalizer.Normalize("The invoice for March charged us twice.", new NormalizationContext { Client = "acme" });
        index.Add("1", calm, Start);
        index.Add("2", angry, Start.AddHours(3));
        index.Add("3", other, Start.AddHours(4));
        var problem = Assert.Single(index.GetRecurringProblems());
        Assert.Equal(["1", "2"], problem.ComplaintIds);
        Assert.Equal(["acme", "globex"], problem.Clients);
    }

    [Property(MaxTest = 200)]
    public Property FindNearDuplicates_EqualsLinearScan_Meets_Specification() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(0, 6).ToArbitrary(),
            (seed, distance) =>
            {
                var random = new Random(seed);
                var index = new RecurrenceIndex(new RecurrenceIndexOptions { MaxHammingDistance = distance });
                var entries = new List<(string Id, ulong Fingerprint, DateTimeOffset At)>();
                var query = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 32);
                for (var i = 0; i < 300; i++)
                {
                    var fingerprint = random.Next(3) == 0 ? query ^ (1UL << random.Next(64)) ^ (1UL << random.Next(64)) ^ (1UL << random.Next(64)) : (ulong)random.NextInt64();
                    var at = Start.AddHours(random.Next(24 * 60));
                    entries.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), fingerprint, at));
                    index.Add(entries[^1].Id, fingerprint, at);
                }

                var from = Start.AddDays(10);
                var to = Start.AddDays(40);
                var expected = entries.Where(e => e.At >= from && e.At <= to && ComplaintNormalizer.HammingDistance(e.Fingerprint, query) <= distance)
                    .Select(e => e.Id).Order(StringComparer.Ordinal);
                var actual = index.FindNearDuplicates(query, from, to).Select(m => m.ComplaintId).Order(StringComparer.Ordinal);
                return expected.SequenceEqual(actual);
            });
}
