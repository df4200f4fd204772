using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Normalization;

/// <summary>The normalization example in README.md, with every value it claims.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_CalmAndAngry_SameFactsAreaKeyAndFingerprint()
    {
        var normalizer = new ComplaintNormalizer();
        var calm = normalizer.Normalize("The VPN has been down for 3 hours. Ticket INC-4471.");
        var angry = normalizer.Normalize("THE VPN HAS BEEN DOWN FOR 3 HOURS!!! Absolutely useless. Ticket INC-4471 😡");

        foreach (var record in new[] { calm, angry })
        {
            Assert.Equal(
                [(FactKind.System, "VPN"), (FactKind.Duration, "PT3H"), (FactKind.Reference, "INC-4471")],
                record.Facts.Select(f => (f.Kind, f.Value)));
            Assert.Equal(["Availability"], record.Areas.Select(a => a.Area));
        }

        Assert.Equal(calm.IncidentKeyValue, angry.IncidentKeyValue);
        Assert.Equal(calm.FingerprintValue, angry.FingerprintValue);
        Assert.Equal("the VPN has been down for 3 hours. ticket INC-4471", angry.CanonicalText);
        Assert.Equal(angry.CanonicalText, calm.CanonicalText);
        var n = angry.Neutralized;
        Assert.Equal((6, 1, 1, 1, 1), (n.Shouting, n.PunctuationRuns, n.Intensifiers, n.Insults, n.Emoji));
        Assert.Equal(0, calm.Neutralized.Total);
    }
}
