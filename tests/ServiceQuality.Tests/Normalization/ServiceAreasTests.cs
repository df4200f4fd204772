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
}
