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
}
