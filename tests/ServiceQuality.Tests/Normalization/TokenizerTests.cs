using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// How the tokenizer reads capitals and joined sentences in real complaints (issue 11, "Not facts": US state codes,
/// words joined by a missing space; "real product names in capitals stay systems").
/// </summary>
public class TokenizerTests
{
    /// <summary>The codes of Lexicons/codes.txt, read from the embedded resource the lexicons load.</summary>
    private static readonly string[] Codes = LoadCodes();

    private static readonly string[] Words = ["the", "bank", "called", "twice", "payment", "late", "account", "closed", "still", "waiting"];

    [Theory]
    [InlineData("I live in NY and moved from TX", "i live in NY and moved from TX")]
    [InlineData("I paid EUR 40 and 40 GBP and USD 12", "i paid EUR 40 and 40 GBP and USD 12")]
    [InlineData("my SSN and DOB were asked for", "my SSN and DOB were asked for")]
    [InlineData("my NI number is wrong", "my NI number is wrong")]
    [InlineData("the IBAN on the form was wrong", "the IBAN on the form was wrong")]
    [InlineData("a branch in the USA and the UK", "a branch in the USA and the UK")]
    public void Normalize_CodesInCapitals_AreKeptAndAreNoSystemFacts(string text, string canonical)
    {
        var record = Normalizer.Normalize(text);

        Assert.Equal(canonical, record.CanonicalText);
        Assert.DoesNotContain(record.Facts, f => f.Kind == FactKind.System);
    }

    [Fact]
    public void Normalize_AcronymsNotInTheCodes_AreStillSystems()
    {
        var record = Normalizer.Normalize("the VPN and SSO fail; the CFPB and FCRA were cited");

        Assert.Equal(["System:VPN", "System:SSO", "System:CFPB", "System:FCRA"], FactValues(record));
    }

    [Theory]
    [InlineData("LEXISNEXIS reported it", "LexisNexis reported it", "LexisNexis")]
    [InlineData("EXPERIAN still shows the debt", "Experian still shows the debt", "Experian")]
    [InlineData("transunion removed it", "TransUnion removed it", "TransUnion")]
    [InlineData("I sent it with ZELLE", "i sent it with Zelle", "Zelle")]
    [InlineData("MOHELA lost my forms", "MOHELA lost my forms", "MOHELA")]
    public void Normalize_ConsumerFinanceNamesInAnyCase_AreSystems(string text, string canonical, string system)
    {
        var record = Normalizer.Normalize(text);

        Assert.Equal(canonical, record.CanonicalText);
        Assert.Equal(["System:" + system], FactValues(record));
    }

    [Theory]
    [InlineData("RECIEVED", "they recieved it")]
    [InlineData("FLORIDA", "they moved to florida")]
    [InlineData("JOHNSTONE", "johnstone called me")]
    [InlineData("DISAPOINTED", "i am disapointed")]
    public void Normalize_LongUnknownWordsInCapitals_AreShoutingNotSystems(string word, string canonical)
    {
        var text = canonical.Replace(word.ToLowerInvariant(), word, StringComparison.Ordinal);

        var record = Normalizer.Normalize(text);

        Assert.Equal(canonical, record.CanonicalText);
        Assert.Empty(record.Facts);
        Assert.Equal(1, record.Neutralized.Shouting);
    }

    [Theory]
    [InlineData("the matter.The bank said no", "the matter. the bank said no")]
    [InlineData("I called.They hung up.", "i called. they hung up")]
    [InlineData("it ended.A new letter came", "it ended. a new letter came")]
    [InlineData("I called.I waited.", "i called. i waited")]
    [InlineData("it failed.Again!", "it failed. again")]
    public void Normalize_SentencesJoinedByAMissingSpace_ReadAsTwoSentences(string text, string canonical)
    {
        var record = Normalizer.Normalize(text);

        Assert.Equal(canonical, record.CanonicalText);
        Assert.DoesNotContain(record.Facts, f => f.Kind == FactKind.System);
        Assert.Equal(canonical, Normalizer.Normalize(record.CanonicalText).CanonicalText);
    }

    [Theory]
    [InlineData("mail john.Smith@example.com now", "mail [email] now")]
    [InlineData("visit example.Com now", "visit example.com now")]
    [InlineData("ASP.NET core fails", "asp.net core fails")]
    [InlineData("see U.S.The law", "see u.s.the law")]
    [InlineData("version 2.The end", "version 2.the end")] // an identifier of digits and ordinary words is written in lower case
    public void Normalize_DotsThatJoinNoSentences_AreLeftAlone(string text, string canonical) =>
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);

    [Property(MaxTest = 200)]
    public Property Normalize_MissingSpaceAfterAStop_IsTheSameRecordAsTheSpace() =>
        Prop.ForAll(
            Gen.Elements(Words).ArrayOf().Where(a => a.Length is >= 2 and <= 8).ToArbitrary(),
            Gen.Choose(1, 7).ToArbitrary(),
            (words, cut) =>
            {
                var at = Math.Min(cut, words.Length - 1);
                var before = string.Join(' ', words[..at]);
                var after = char.ToUpperInvariant(words[at][0]) + words[at][1..] + " " + string.Join(' ', words[(at + 1)..]);
                var joined = Signature(Normalizer.Normalize(before + "." + after.TrimEnd()));
                var spaced = Signature(Normalizer.Normalize(before + ". " + after.TrimEnd()));
                return (joined == spaced).Label($"{joined} || {spaced}");
            });

    [Property(MaxTest = 200)]
    public Property Normalize_CodeInCapitals_MakesNoSystemFact() =>
        Prop.ForAll(Gen.Elements(Codes).ToArbitrary(), Gen.Elements(Words).ArrayOf().Where(a => a.Length is >= 1 and <= 6).ToArbitrary(), (code, words) =>
        {
            var record = Normalizer.Normalize(string.Join(' ', words) + " " + code + " " + string.Join(' ', words.Reverse()));
            return record.Facts.All(f => f.Kind != FactKind.System).Label(string.Join(", ", FactValues(record)));
        });

    private static string[] LoadCodes()
    {
        using var stream = typeof(ComplaintNormalizer).Assembly.GetManifestResourceStream("ServiceQuality.Normalization.Lexicons.codes.txt")
            ?? throw new InvalidOperationException("codes.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#')];
    }
}
