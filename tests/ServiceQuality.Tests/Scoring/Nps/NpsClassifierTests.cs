using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Nps;

public sealed class NpsClassifierTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Classify_StandardBreaks_AreRNpsDefaults(int rating, NpsCategory expected) =>
        Assert.Equal(expected, NpsClassifier.Standard.Classify(rating)); // R NPS: breaks = c(0, 6, 8, 10)

    [Theory]
    [InlineData(1, NpsCategory.Detractor)]
    [InlineData(9, NpsCategory.Detractor)]
    [InlineData(10, NpsCategory.Passive)]
    [InlineData(12, NpsCategory.Passive)]
    [InlineData(13, NpsCategory.Promoter)]
    [InlineData(15, NpsCategory.Promoter)]
    public void Classify_AnyScale_UsesItsBreaks(int rating, NpsCategory expected) =>
        Assert.Equal(expected, new NpsClassifier { Minimum = 1, DetractorMaximum = 9, PassiveMaximum = 12, Maximum = 15 }.Classify(rating)); // a 1-15 scale, R NPS breaks = c(1, 9, 12, 15)

    [Fact]
    public void Classify_OffTheScaleOrBadBreaks_Throws()
    {
        var off = Assert.Throws<ArgumentOutOfRangeException>(() => new NpsClassifier { Minimum = 1, DetractorMaximum = 9, PassiveMaximum = 12, Maximum = 15 }.Classify(16));
        Assert.Contains("[1, 15]", off.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsClassifier { Minimum = 1, DetractorMaximum = 9, PassiveMaximum = 12, Maximum = 15 }.Classify(0));
        var order = Assert.Throws<ArgumentOutOfRangeException>(() => new NpsClassifier { Minimum = 0, DetractorMaximum = 8, PassiveMaximum = 6, Maximum = 10 }.Classify(5));
        Assert.Contains("(0, 8, 6, 10)", order.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsClassifier { Minimum = 0, DetractorMaximum = 6, PassiveMaximum = 10, Maximum = 10 }.Validate()); // no promoters
        Assert.Equal(NpsCategory.Promoter, new NpsClassifier { Minimum = 0, DetractorMaximum = 6, PassiveMaximum = 6, Maximum = 10 }.Classify(7)); // no passives is allowed
    }
}
