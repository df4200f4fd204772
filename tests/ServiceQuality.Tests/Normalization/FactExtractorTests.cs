using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// The fact rules a word starts are one table (<see cref="FactExtractor.WordRules"/>) from which the lexicon's trigger
/// flags are made: a rule cannot be left without its words, and each rule must find the example it names. Impact and
/// recurrence read the facts' typed payloads.
/// </summary>
public class FactExtractorTests
{
    private static readonly ComplaintNormalizer Normalizer = new();

    public static TheoryData<int> RuleIndices()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < FactExtractor.WordRules.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIndices))]
    public void WordRule_Example_FindsAFactStartingAtOneOfItsWords(int index)
    {
        var rule = FactExtractor.WordRules[index];
        var record = Normalizer.Normalize(rule.Example);

        // The fact the rule makes starts at its word: not one another rule made from the same text.
        var found = record.Facts.Where(f => f.Kind == rule.ExampleKind)
            .Select(f => rule.Example[f.Start..].Split(' ')[0].ToLowerInvariant())
            .ToList();
        Assert.Contains(found, w => rule.Words.Contains(w));
    }

    [Fact]
    public void WordRules_EveryWord_IsFlaggedAFactTriggerAndCarriesItsRulesInTableOrder()
    {
        var lexicons = new Lexicons(new NormalizationOptions());
        Assert.NotEmpty(FactExtractor.WordRules);
        foreach (var rule in FactExtractor.WordRules)
        {
            Assert.NotEmpty(rule.Words);
            foreach (var word in rule.Words)
            {
                Assert.True(lexicons.Words.TryGetIndex(word, Hashing.Hash(word), out var entry, out var tag), $"'{word}' is not in the lexicon table");
                Assert.True(((Lexicons.WordFlags)tag & Lexicons.WordFlags.FactTrigger) != 0, $"'{word}' is not flagged FactTrigger");
                var rules = lexicons.Words[entry].FactRules;
                Assert.Contains(rule, rules);
                Assert.Equal(FactExtractor.WordRules.Where(r => r.Words.Contains(word)), rules);
            }
        }
    }

    [Fact]
    public void WordRules_EveryFactTriggerWord_HasARule()
    {
        // The flag and the rules come from one table: no word is flagged without a rule to run.
        var lexicons = new Lexicons(new NormalizationOptions());
        var flagged = 0;
        for (var i = 0; i < lexicons.Words.Count; i++)
        {
            var entry = lexicons.Words[i];
            if ((entry.Flags & Lexicons.WordFlags.FactTrigger) != 0)
            {
                flagged++;
                Assert.NotEmpty(entry.FactRules);
            }
            else
            {
                Assert.Empty(entry.FactRules);
            }
        }

        Assert.Equal(FactExtractor.WordRules.SelectMany(r => r.Words).Distinct(StringComparer.Ordinal).Count(), flagged);
    }

    [Theory]
    [InlineData("1 user cannot log in", ImpactLevel.Individual)]
    [InlineData("more than 1 user cannot log in", ImpactLevel.Team)]
    [InlineData("over 1 user cannot log in", ImpactLevel.Individual)]
    [InlineData("at least 2 users cannot log in", ImpactLevel.Team)]
    [InlineData("49 users cannot log in", ImpactLevel.Team)]
    [InlineData("50 users cannot log in", ImpactLevel.Organization)]
    [InlineData("fifty users cannot log in", ImpactLevel.Organization)]
    [InlineData("the whole team cannot log in", ImpactLevel.Team)]
    [InlineData("the whole company cannot log in", ImpactLevel.Organization)]
    [InlineData("everyone cannot log in", ImpactLevel.Organization)]
    public void Normalize_PeopleAffected_ImpactFromTheTypedPayload(string text, ImpactLevel expected) =>
        Assert.Equal(expected, Normalizer.Normalize(text).Impact);

    [Theory]
    [InlineData("the VPN failed again", true, null)]
    [InlineData("the VPN failed twice", true, 2)]
    [InlineData("the VPN failed for the 3rd time this week", true, 3)]
    [InlineData("the VPN failed for the third time", true, 3)]
    [InlineData("the VPN failed 1 time", false, 1)]
    [InlineData("the VPN failed 12 times today", true, 12)]
    [InlineData("the VPN failed for the hundredth time", true, null)]
    public void Normalize_Occurrences_RecurrenceFromTheTypedPayload(string text, bool recurring, int? count) =>
        Assert.Equal(new RecurrenceSignal(recurring, count), Normalizer.Normalize(text).Recurrence);

    /// <summary>The facts of a text but its systems (currency codes' system facts are the tokenizer's business), as "Kind: value" parted by " | ".</summary>
    private static string FactsOf(string text) =>
        string.Join(" | ", Normalizer.Normalize(text).Facts.Where(f => f.Kind != FactKind.System).Select(f => $"{f.Kind}: {f.Value}"));

    [Theory]
    [InlineData("under 15 U.S. code 1681 they must", "")]
    [InlineData("per U.S Code 1618d", "")]
    [InlineData("15 United States Code 1681 says so", "")]
    [InlineData("as § 1681i requires", "")]
    [InlineData("§1681i", "")]
    [InlineData("under 15 U.S.C. 1681s-2 they must", "")]
    [InlineData("15 USC 1681g", "")]
    [InlineData("section 609 of the FCRA", "")]
    [InlineData("under section 5 days are given", "")]
    [InlineData("12 CFR 1026.13 says", "")]
    [InlineData("at one time they said it was paid", "")]
    [InlineData("the error code 1681 came back", "ErrorCode: error 1681")]
    [InlineData("it showed code 3 hours ago", "Duration: PT3H")]
    [InlineData("it failed one time", "Occurrence: 1")]
    public void Normalize_LegalCitationsAndIdioms_GiveNoWrongFacts(string text, string expected) =>
        Assert.Equal(expected, FactsOf(text));

    [Fact]
    public void Normalize_AtOneTime_IsNoOccurrenceAndNoFirstTimeFix()
    {
        var record = Normalizer.Normalize("at one time they said it was paid");
        Assert.Equal(new RecurrenceSignal(false, null), record.Recurrence);
        Assert.DoesNotContain(record.Areas, a => a.Area == ServiceAreas.FirstTimeFix);
    }

    [Theory]
    [InlineData("12 March 2024", "Date: 2024-03-12")]
    [InlineData("12th March 2024", "Date: 2024-03-12")]
    [InlineData("March 12th, 2024", "Date: 2024-03-12")]
    [InlineData("March 12 2024", "Date: 2024-03-12")]
    [InlineData("on 1st of March", "")]
    [InlineData("March 2022", "Date: 2022-03")]
    [InlineData("on XX/XX/2019 they", "Date: 2019-XX-XX")]
    public void Normalize_Dates_GiveOneDateEach(string text, string expected) =>
        Assert.Equal(expected, FactsOf(text));

    [Fact]
    public void Normalize_DayMonthWithoutYear_TakesTheReferenceYear() =>
        Assert.Equal(["2024-03-12"], Normalizer.Normalize("12th March", new NormalizationContext { ReferenceDate = new DateOnly(2024, 6, 1) }).Facts.Select(f => f.Value));

    private static readonly string[] ComplaintParts =
    [
        "the", "refund", "is", "still", "missing", "after", "i", "called", "them", "and", "they", "said", "error 1603",
        "3 hours", "within 5-7 business days", "twice", "again", "12 March 2024", "$40", "account ending in 1234", "code",
        "my", "credit", "report", "shows", "for", "over a month",
    ];

    private static readonly string[] Citations =
    [
        "15 U.S. Code 1681", "U.S Code 1618d", "§ 1681i", "15 U.S.C. 1681s-2", "section 609", "12 CFR 1026.13",
        "15 USC 1681g", "under 15 United States Code 1681", "at one time",
    ];

    /// <summary>A legal citation (or "at one time") written anywhere in a complaint adds no error code, duration or occurrence (issue 11: "15 U.S. Code 1681" was error 1681, "U.S Code 1618d" 1,618 days).</summary>
    [Property(MaxTest = 500)]
    public Property Citation_InsertedAnywhere_AddsNoErrorCodeDurationOrOccurrence_Meets_Specification() =>
        Prop.ForAll(
            Gen.Elements(ComplaintParts).ArrayOf().Where(a => a.Length is >= 1 and <= 12).ToArbitrary(),
            Gen.Elements(Citations).ToArbitrary(),
            Gen.Choose(0, 12).ToArbitrary(),
            (parts, citation, at) =>
            {
                var position = Math.Min(at, parts.Length);
                var plain = string.Join(' ', parts);
                var cited = string.Join(' ', parts[..position].Append(citation).Concat(parts[position..]));
                var before = Guarded(plain);
                var after = Guarded(cited);

                // Every such fact of the cited text is one of the plain text's (the citation may part a "code" from
                // the number after it, so the plain text may have more).
                var added = after.ToList();
                foreach (var fact in before)
                {
                    added.Remove(fact);
                }

                return (added.Count == 0).Label($"{plain} => {string.Join(" | ", before)} || {cited} => {string.Join(" | ", after)}");
            });

    private static List<string> Guarded(string text) => Normalizer.Normalize(text).Facts
        .Where(f => f.Kind is FactKind.ErrorCode or FactKind.Duration or FactKind.Occurrence)
        .Select(f => $"{f.Kind}: {f.Value}").ToList();
}
