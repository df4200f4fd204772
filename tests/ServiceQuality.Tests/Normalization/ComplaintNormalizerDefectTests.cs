using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// The defects issue 11 lists, each with the exact input of the issue, on a cold normalizer (a new one, whose scratch
/// buffers have their first size) and on a warm one (after the thread normalized other text, which grew them).
/// </summary>
public class ComplaintNormalizerDefectTests
{
    private const string Vietnamese =
        "Tôi đã gọi tổng đài ba lần trong tuần này nhưng không ai trả lời. Mạng VPN của công ty bị ngắt kết nối mỗi giờ, "
        + "tôi không thể làm việc được. Phiếu hỗ trợ INC-4471 vẫn chưa được xử lý sau 3 ngày. Xin hãy kiểm tra và phản hồi "
        + "sớm nhất có thể, vì cả nhóm của tôi đều bị ảnh hưởng. Cảm ơn.";

    public static TheoryData<string> ExpandingInputs() =>
    [
        string.Concat(Enumerable.Repeat("Still waiting\u2026 ", 40)),
        Vietnamese,
        new string('\uFDFA', 300),
        string.Concat(Enumerable.Repeat("\u2026", 5000)) + " done",
        string.Concat(Enumerable.Repeat("\u337F\u3392 ", 200)),
    ];

    [Theory]
    [MemberData(nameof(ExpandingInputs))]
    public void Normalize_CompatibilityExpansionOnAColdNormalizer_DoesNotThrow(string text)
    {
        var record = new ComplaintNormalizer().Normalize(text);
        Assert.True(IsWellFormed(record));
        Assert.Equal(record.CanonicalText, new ComplaintNormalizer().Normalize(record.CanonicalText).CanonicalText);
    }

    [Theory]
    [MemberData(nameof(ExpandingInputs))]
    public void Normalize_CompatibilityExpansionOnAWarmNormalizer_GivesTheColdRecord(string text)
    {
        var cold = Signature(new ComplaintNormalizer().Normalize(text));
        var warm = new ComplaintNormalizer();
        warm.Normalize(new string('x', 10_000) + " " + string.Concat(Enumerable.Repeat("\u00E9t\u00E9 ", 3000)));
        warm.Normalize("short");
        Assert.Equal(cold, Signature(warm.Normalize(text)));
    }

    [Fact]
    public void Normalize_StillWaitingEllipsis_FoldsEachEllipsisToOneFullStop()
    {
        // NFKC makes "..." of the ellipsis, and the canonical text collapses a repeated mark.
        var record = new ComplaintNormalizer().Normalize(string.Concat(Enumerable.Repeat("Still waiting\u2026 ", 40)));
        Assert.Equal(string.Join(' ', Enumerable.Repeat("still waiting.", 40)), record.CanonicalText);
        Assert.Equal(40, record.Neutralized.CompatibilityCharacters);
    }

    [Fact]
    public void Normalize_SharpSRunBeforeLetters_IsTheSameAsWritingSs()
    {
        // Each ß folds to "ss"; the long runs are then stretched letters, restored as for any word.
        var text = new string('\u00DF', 200) + new string('a', 200);
        var record = new ComplaintNormalizer().Normalize(text);
        Assert.Equal(Normalizer.Normalize(new string('s', 400) + new string('a', 200)).CanonicalText, record.CanonicalText);
        Assert.Equal("sa", record.CanonicalText);
        Assert.Equal(record.CanonicalText, Normalizer.Normalize(text).CanonicalText);
    }

    [Theory]
    [InlineData("Die Straße ist gesperrt, das WLAN im Büro fällt seit drei Tagen aus. Großes Problem für das ganze Team.")]
    [InlineData("STRAẞE ßß ẞẞ Maß Fuß Grüße")]
    public void Normalize_GermanText_FoldsSharpSWithoutThrowing(string text)
    {
        var record = new ComplaintNormalizer().Normalize(text);
        Assert.DoesNotContain('\u00DF', record.CanonicalText);
        Assert.DoesNotContain('\u1E9E', record.CanonicalText);
        Assert.Equal(record.CanonicalText, Normalizer.Normalize(record.CanonicalText).CanonicalText);
    }

    [Fact]
    public void Normalize_UnderscoreBeforeALongNumber_IsIdempotent()
    {
        // The smallest case: "_129007000" gave "129007000", which then gave "[account]".
        var once = Normalizer.Normalize("_129007000").CanonicalText;
        Assert.Equal("[account]", once);
        Assert.Equal(once, Normalizer.Normalize(once).CanonicalText);
    }

    [Theory]
    [InlineData("*4111 1111 1111 1111*", "[card]")]
    [InlineData("**4111 1111 1111 1111**", "[card]")]
    [InlineData("_555-123-4567_", "[phone]")]
    [InlineData("`123456789`", "[account]")]
    [InlineData("\"123456789\"", "\"[account]\"")]
    [InlineData("card **4111 1111** 1111 1111", "card [card]")]
    [InlineData("call 555-123-4567_\u51AC", "call [phone] \u51AC")]
    public void Normalize_NumberAfterLeadingPunctuation_IsMaskedAndIdempotent(string text, string canonical)
    {
        var once = Normalizer.Normalize(text).CanonicalText;
        Assert.Equal(canonical, once);
        Assert.Equal(once, Normalizer.Normalize(once).CanonicalText);
    }

    /// <summary>
    /// 160,000 combining marks after one letter (the insertion sort took about 10 s for 80,000, four times as long for
    /// twice as many): put in canonical order by counting. The cost is measured, linear, in
    /// <c>PathologicalInputBenchmarks</c>; here the result.
    /// </summary>
    [Fact]
    public void Normalize_CombiningMarkFlood_IsSortedByCombiningClass()
    {
        var flood = "x" + string.Concat(Enumerable.Repeat("\u0301\u0316", 80_000));
        var record = new ComplaintNormalizer().Normalize(flood);
        Assert.Equal("x" + new string((char)0x316, 80_000) + new string((char)0x301, 80_000), record.CanonicalText);
    }

    [Fact]
    public void Normalize_CombiningMarksOutOfOrder_AreInCanonicalOrder()
    {
        // U+0301 (class 230) before U+0316 (class 220): canonical order puts 220 first; the long run is sorted the
        // same way as a short one.
        var shortRun = Normalizer.Normalize("x\u0301\u0316").CanonicalText;
        Assert.Equal("x\u0316\u0301", shortRun);
        var longRun = Normalizer.Normalize("x" + string.Concat(Enumerable.Repeat("\u0301\u0316", 100))).CanonicalText;
        Assert.Equal("x" + new string('\u0316', 100) + new string('\u0301', 100), longRun);
    }

    /// <summary>Counterexamples of the fuzz properties (<see cref="ComplaintNormalizerFuzzTests"/>), kept as exact regressions.</summary>
    [Theory]
    [InlineData("555-123-4567\uC286\u212B555-123-4567\uB31C")]
    [InlineData("\u721A~this is a joke")]
    [InlineData("\uC6F6+44 20 7946 0958_**\u560A")]
    [InlineData("\u6CC0this is a joke\u2026")]
    [InlineData("._INC-4471idiots\u2026<b>_f*ck\u51AC\u5929")]
    [InlineData("\u1F82`\u00004111 1111 1111 1111**\u0000 \u00B2`\u00E9t\u00E9")]
    public void Normalize_FuzzCounterexample_IsIdempotent(string text)
    {
        var once = Normalizer.Normalize(text).CanonicalText;
        Assert.Equal(once, Normalizer.Normalize(once).CanonicalText);
    }
}
