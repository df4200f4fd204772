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
    [InlineData("I was not told about the new rate", ServiceAreas.Communication, "told")]
    [InlineData("They never contacted me about the balance", ServiceAreas.Communication, "contacted")]
    [InlineData("I have not received any updates on my claim", ServiceAreas.Communication, "updates")]
    [InlineData("For 21 months I have received no statements", ServiceAreas.Communication, "statements")]
    [InlineData("They failed to provide a copy of my file", ServiceAreas.Communication, "provide")]
    [InlineData("No one could answer as to why the limit dropped", ServiceAreas.Communication, "answer")]
    [InlineData("The verification codes failed to work", ServiceAreas.Availability, "failed to work")]
    [InlineData("The login page failed", ServiceAreas.Availability, "failed")]
    [InlineData("My card was blocked at the store", ServiceAreas.Availability, "blocked")]
    [InlineData("Five users are blocked and cannot work", ServiceAreas.FocusOnPriorities, "blocked")]
    [InlineData("This is urgent: payroll is down", ServiceAreas.FocusOnPriorities, "urgent")]
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
    [InlineData("I told them to close the card", ServiceAreas.Communication)]
    [InlineData("I was told to send proof of payment", ServiceAreas.Communication)]
    [InlineData("I contacted the company to verify the account", ServiceAreas.Communication)]
    [InlineData("I sent a letter to the bureau", ServiceAreas.Communication)]
    [InlineData("The report shows a paid status", ServiceAreas.Communication)]
    [InlineData("I did not provide written consent to report them", ServiceAreas.Communication)]
    [InlineData("If you can't provide proof, delete the inquiry", ServiceAreas.Communication)]
    [InlineData("They did not answer my calls", ServiceAreas.Communication)]
    [InlineData("You have failed to correct the errors on my report", ServiceAreas.Availability)]
    [InlineData("Experian is failing to investigate my disputes", ServiceAreas.Availability)]
    [InlineData("My credit score has dropped 80 points", ServiceAreas.Availability)]
    [InlineData("I paid the balance down to {$50.00}", ServiceAreas.Availability)]
    [InlineData("The bank is not working with me", ServiceAreas.Availability)]
    [InlineData("Please block the inquiries and remove them from my report", ServiceAreas.FocusOnPriorities)]
    [InlineData("I request that these accounts be blocked and removed from my report", ServiceAreas.FocusOnPriorities)]
    [InlineData("Your prompt attention to this urgent matter is appreciated", ServiceAreas.FocusOnPriorities)]
    [InlineData("It is important to clarify that this is not an error", ServiceAreas.FocusOnPriorities)]
    [InlineData("The report omits critical information", ServiceAreas.FocusOnPriorities)]
    [InlineData("So I sent it by priority mail", ServiceAreas.FocusOnPriorities)]
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
