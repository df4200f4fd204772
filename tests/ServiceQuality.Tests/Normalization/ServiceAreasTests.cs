using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Normalization;

public class ServiceAreasTests
{
    [Fact]
    public void Want_EachOfTheSevenAreas_IsItsClientWant_AndAHostCategoryIsNone()
    {
        Assert.Equal(Enum.GetNames<ClientWant>(), ServiceAreas.ClientWants);
        foreach (var want in Enum.GetValues<ClientWant>())
        {
            Assert.Equal(want, new ServiceAreaMatch(want.ToString(), []).Want);
        }

        Assert.Null(new ServiceAreaMatch("Billing", ["invoice"]).Want);
    }

    [Fact]
    public void Normalize_AClassifiedComplaint_NamesItsClientWant()
    {
        var record = new ComplaintNormalizer().Normalize("We lost access to Outlook for 8 hours yesterday.");

        Assert.Contains(record.Areas, a => a.Want == ClientWant.Availability);
    }

    // Word senses (issue 11): each sense with a sentence where it is taken and one where it is not.
    [Theory]
    [InlineData("My funds are on hold.", ServiceAreas.Availability, "on hold")]
    [InlineData("They placed my account on hold", ServiceAreas.Availability, "on hold")]
    [InlineData("They put a hold on my account", ServiceAreas.Availability, "hold on")]
    [InlineData("I was on hold for 45 minutes.", ServiceAreas.Responsiveness, "on hold")]
    [InlineData("They closed my account without notice.", ServiceAreas.AnticipateNeeds, "without notice")]
    [InlineData("The card was cancelled without notification", ServiceAreas.AnticipateNeeds, "without notification")]
    [InlineData("I was never notified that the loan was sold", ServiceAreas.Communication, "never notified")]
    [InlineData("The rate went up with no warning", ServiceAreas.Communication, "no warning")]
    [InlineData("They charged me {$35.00} in fees", ServiceAreas.CostEffectiveness, "fees")]
    public void ClassifyAreas_WordInThisSense_IsEvidenceOfItsArea(string text, string area, string term)
    {
        var record = new ComplaintNormalizer().Normalize(text);

        Assert.Contains(record.Areas, a => a.Area == area && a.Evidence.Contains(term));
    }

    [Theory]
    [InlineData("My funds are on hold.", ServiceAreas.Responsiveness)]
    [InlineData("They put a hold on my account", ServiceAreas.Responsiveness)]
    [InlineData("I was on hold for 45 minutes.", ServiceAreas.Availability)]
    [InlineData("I moved it to a different checking account I hold", ServiceAreas.Availability)]
    [InlineData("I received a notice in the mail", ServiceAreas.AnticipateNeeds)]
    [InlineData("They notified me before they closed the account", ServiceAreas.AnticipateNeeds)]
    [InlineData("Please correct it without further delay", ServiceAreas.Responsiveness)]
    [InlineData("A wire of {$100000.00} was lost", ServiceAreas.CostEffectiveness)]
    public void ClassifyAreas_WordInAnotherSense_IsNotEvidenceOfTheArea(string text, string area)
    {
        var record = new ComplaintNormalizer().Normalize(text);

        Assert.DoesNotContain(area, record.Areas.Select(a => a.Area));
    }

    [Fact]
    public void ClassifyAreas_WithoutNotice_IsBothAnticipateNeedsAndCommunication()
    {
        var record = new ComplaintNormalizer().Normalize("They closed my account without notice.");

        Assert.Equal([ServiceAreas.AnticipateNeeds, ServiceAreas.Communication], record.RankedAreas.Select(a => a.Area));
        Assert.All(record.Areas, a => Assert.Equal(["without notice"], a.Evidence));
    }
}
