using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>The areas of a normalized complaint ranked by the weight of their evidence (issue 11: the primary area first).</summary>
public class NormalizedComplaintTests
{
    [Fact]
    public void RankedAreas_StrongerEvidenceOfALaterWant_IsPrimary()
    {
        // 11 live words: outlook is down it crashed and is offline nobody told us. Availability: "down" (word 2),
        // "crashed" (4), "offline" (7), each 1 x (1.5 - 0.5 x position / 11) = 1.409 + 1.318 + 1.182 = 3.909;
        // Communication: "nobody told" (8, two words) 2 x 1.136 = 2.273 and "told" (9) 1.091, 3.364.
        var record = Normalizer.Normalize("Outlook is down. It crashed and is offline. Nobody told us.");

        Assert.Equal([(ServiceAreas.Communication, 3.36), (ServiceAreas.Availability, 3.91)], record.Areas.Select(a => (a.Area, a.Weight)));
        Assert.Equal([ServiceAreas.Availability, ServiceAreas.Communication], record.RankedAreas.Select(a => a.Area));
        Assert.Same(record.RankedAreas[0], record.PrimaryArea);
        Assert.Equal(["down", "crashed", "offline"], record.PrimaryArea!.Evidence);
    }

    [Fact]
    public void RankedAreas_EarlierMentionOfTheSameEvidence_WeighsMore()
    {
        // The same two one-word cues; the one stated first is the primary area (1.5 at the first word down to 1 at the last).
        var down = Normalizer.Normalize("the vpn is down, we got no explanation");
        var explanation = Normalizer.Normalize("we got no explanation, the vpn is down");

        Assert.Equal(ServiceAreas.Availability, down.PrimaryArea!.Area);
        Assert.Equal(ServiceAreas.Communication, explanation.PrimaryArea!.Area);
        Assert.Equal(AreaNames(down), AreaNames(explanation));
    }

    [Fact]
    public void RankedAreas_EqualWeights_KeepTheOrderOfTheWantsThenHostCategories()
    {
        var options = new NormalizationOptions();
        options.Categories["Network"] = ["down"];
        var record = new ComplaintNormalizer(options).Normalize("the link is down");

        Assert.Equal([(ServiceAreas.Availability, 1.13), ("Network", 1.13)], record.RankedAreas.Select(a => (a.Area, a.Weight)));
        Assert.Equal(ServiceAreas.Availability, record.PrimaryArea!.Area);
    }

    [Fact]
    public void PrimaryArea_NoEvidence_IsNullAndRankedAreasEmpty()
    {
        var record = Normalizer.Normalize("I paid {$1,200.50} on 03/15/2024");

        Assert.Null(record.PrimaryArea);
        Assert.Empty(record.RankedAreas);
    }

    [Fact]
    public void RankedAreas_RepeatedEvidence_CountsEachOccurrenceButListsTheTermOnce()
    {
        var once = Normalizer.Normalize("we got no explanation, the vpn is down");
        var twice = Normalizer.Normalize("we got no explanation, the vpn is down, down again and down");

        var availability = twice.Areas.Single(a => a.Area == ServiceAreas.Availability);
        Assert.Equal(["down"], availability.Evidence);
        Assert.True(availability.Weight > 2 * once.Areas.Single(a => a.Area == ServiceAreas.Availability).Weight);
        Assert.Equal(ServiceAreas.Communication, once.PrimaryArea!.Area);
        Assert.Equal(ServiceAreas.Availability, twice.PrimaryArea!.Area);
    }
}
