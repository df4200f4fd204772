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

        // The fact the rule makes covers one of its words (a duration is read back from its unit, "last four digits"
        // forward to the digits): not one another rule made from the same text.
        var found = record.Facts.Where(f => f.Kind == rule.ExampleKind)
            .SelectMany(f => rule.Example.Substring(f.Start, f.Length).ToLowerInvariant().Split(' '))
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
    [InlineData("in March of 2022", "Date: 2022-03")]
    [InlineData("in XXXX of 2023 they closed it", "Date: 2023-XX")]
    [InlineData("in XXXX 2023", "Date: 2023-XX")]
    [InlineData("on XXXX XX, 2023 they", "Date: 2023-XX-XX")]
    [InlineData("on XX/XX/2019 they", "Date: 2019-XX-XX")]
    [InlineData("XXXX of the account", "")]
    public void Normalize_Dates_GiveOneDateEach(string text, string expected) =>
        Assert.Equal(expected, FactsOf(text));

    [Fact]
    public void Normalize_DayMonthWithoutYear_TakesTheReferenceYear() =>
        Assert.Equal(["2024-03-12"], Normalizer.Normalize("12th March", new NormalizationContext { ReferenceDate = new DateOnly(2024, 6, 1) }).Facts.Select(f => f.Value));

    [Theory]
    [InlineData("10 days", "Duration: P10D")]
    [InlineData("for 2 hours", "Duration: PT2H")]
    [InlineData("within four business days", "Duration: within P4D business")]
    [InlineData("within 5-7 business days", "Duration: within P5D to P7D business")]
    [InlineData("within 5–7 business days", "Duration: within P5D to P7D business")]
    [InlineData("within 5 to 7 business days", "Duration: within P5D to P7D business")]
    [InlineData("2 or 3 days", "Duration: P2D to P3D")]
    [InlineData("between 5 and 7 days", "Duration: P5D to P7D")]
    [InlineData("in 24-48 hours", "Duration: PT24H to PT48H")]
    [InlineData("it has been 3 working days", "Duration: P3D business")]
    [InlineData("within 30 calendar days", "Duration: within P30D")]
    [InlineData("I waited over a month", "Duration: over P1M")]
    [InlineData("it took about an hour", "Duration: about PT1H")]
    [InlineData("it came 8 whole months later", "Duration: P8M")]
    [InlineData("two full weeks", "Duration: P2W")]
    [InlineData("I was told 7-10 days", "Duration: P7D to P10D")]
    [InlineData("more than 2 weeks", "Duration: more than P2W")]
    [InlineData("almost three years", "Duration: almost P3Y")]
    [InlineData("at least 45 minutes", "Duration: at least PT45M")]
    [InlineData("up to 10 business days", "Duration: up to P10D business")]
    [InlineData("once a month", "")]
    [InlineData("for days", "")]
    [InlineData("a few weeks", "")]
    public void Normalize_Durations_AreIso8601WithQualifierAndRange(string text, string expected) =>
        Assert.Equal(expected, FactsOf(text));

    [Theory]
    [InlineData("my account ending in 1234 was charged", "Reference: account ending 1234")]
    [InlineData("card ending in 5678", "Reference: card ending 5678")]
    [InlineData("my debit card ends with 42", "Reference: card ending 42")]
    [InlineData("the charge was on the account ending 0042", "Reference: account ending 0042")]
    [InlineData("the last four digits 5678 of my card", "Reference: card ending 5678")]
    [InlineData("last 4 digits of the account are 9012", "Reference: account ending 9012")]
    [InlineData("the last four digits are 3456", "Reference: ending 3456")]
    [InlineData("the last four digits of my ssn are 1234", "")]
    [InlineData("card ending in 4111 1111 1111 1111", "")]
    [InlineData("account ending in 123456789", "")]
    [InlineData("a story ending in 1999 and beyond", "")]
    [InlineData("the year ending in 2023", "")]
    public void Normalize_LastDigits_AreReferencesOfAtMostFourDigits(string text, string expected) =>
        Assert.Equal(expected, FactsOf(text));

    [Theory]
    [InlineData("I paid EUR 1,250.00", "Amount: EUR 1250.00")]
    [InlineData("I paid GBP 40", "Amount: GBP 40.00")]
    [InlineData("I paid 40 EUR", "Amount: EUR 40.00")]
    [InlineData("I paid 49.99 USD", "Amount: USD 49.99")]
    [InlineData("a fee of usd 40", "Amount: USD 40.00")]
    [InlineData("a fee of 40 gbp", "Amount: GBP 40.00")]
    [InlineData("I paid 1.250,00 €", "Amount: EUR 1250.00")]
    [InlineData("I paid €1.250,00", "Amount: EUR 1250.00")]
    [InlineData("I paid EUR 1.250,00", "Amount: EUR 1250.00")]
    [InlineData("I paid 40 £", "Amount: GBP 40.00")]
    [InlineData("I paid £40 and $49.99", "Amount: GBP 40.00 | Amount: USD 49.99")]
    [InlineData("I paid 40 dollars", "Amount: USD 40.00")]
    [InlineData("I paid EUR 1,250.00 and GBP 40 and 40 EUR and 1.250,00 €",
        "Amount: EUR 1250.00 | Amount: GBP 40.00 | Amount: EUR 40.00 | Amount: EUR 1250.00")]
    public void Normalize_CurrencyCodesAndEuropeanAmounts_AreAmounts(string text, string expected) =>
        Assert.Equal(expected, FactsOf(text));

    [Theory]
    [InlineData("1,250.00", 1250.00)]
    [InlineData("1.250,00", 1250.00)]
    [InlineData("1.250.000,5", 1250000.5)]
    [InlineData("40", 40)]
    [InlineData("49.99", 49.99)]
    public void TryAmountNumber_EnglishAndEuropeanSeparators_ReadTheSameAmount(string number, double expected)
    {
        Assert.True(FactExtractor.TryAmountNumber(number, out var value));
        Assert.Equal((decimal)expected, value);
    }

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

    /// <summary>Any count, filler, unit and qualifier is written as the qualifier, then ISO 8601, then "business" for business days.</summary>
    [Property(MaxTest = 300)]
    public Property Duration_AnyCountFillerUnitAndQualifier_IsWrittenIso8601_Meets_Specification() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 999)
             from unitIndex in Gen.Choose(0, 5)
             from filler in Gen.Elements("", "whole ", "full ", "business ", "working ", "calendar ")
             from qualifier in Gen.Elements("", "within ", "over ", "about ", "almost ", "more than ", "at least ")
             select (n, unitIndex, filler, qualifier)).ToArbitrary(),
            draw =>
            {
                var (n, unitIndex, filler, qualifier) = draw;
                (string Word, string Iso)[] units = [("seconds", "PT{0}S"), ("minutes", "PT{0}M"), ("hours", "PT{0}H"), ("days", "P{0}D"), ("weeks", "P{0}W"), ("months", "P{0}M")];
                var (word, iso) = units[unitIndex];
                var text = $"it took {qualifier}{n} {filler}{word} to fix";
                var business = filler is "business " or "working " ? " business" : string.Empty;
                var expected = "Duration: " + qualifier + string.Format(System.Globalization.CultureInfo.InvariantCulture, iso, n) + business;
                var actual = FactsOf(text);
                return (actual == expected).Label($"{text} => {actual}, expected {expected}");
            });

    // Issue 11, checked on new text: "no." abbreviates "number" before a number; it negated nothing but made a
    // Negation fact "no".
    [Theory]
    [InlineData("routing number 021000021 and account no. 987654321")]
    [InlineData("No. 5 is wrong")]
    [InlineData("Case no 12345 is open")]
    public void Extract_NoBeforeANumber_IsNoNegation(string text) =>
        Assert.DoesNotContain(Normalizer.Normalize(text).Facts, f => f.Kind == FactKind.Negation);

    [Theory]
    [InlineData("I had no choice", "no choice")]
    [InlineData("There was no refund.", "no refund")]
    public void Extract_NoBeforeAWord_IsANegation(string text, string value) =>
        Assert.Contains(Normalizer.Normalize(text).Facts, f => f.Kind == FactKind.Negation && f.Value == value);

    // Issue 11, checked on new text: a decimal comma without a thousands dot ("€250,00") read as 25000.00, a silent
    // wrong amount; signs joined after the number or alone before it, "pounds", durations with an article, a half or
    // a hyphen made no fact.
    [Theory]
    [InlineData("I paid €250,00 for nothing", "EUR 250.00")]
    [InlineData("I paid 250,00 EUR for nothing", "EUR 250.00")]
    [InlineData("I paid €1,25 for nothing", "EUR 1.25")]
    [InlineData("I paid $1,250 for nothing", "USD 1250.00")]
    [InlineData("I paid 40£ today", "GBP 40.00")]
    [InlineData("I paid 1.250,00€ today", "EUR 1250.00")]
    [InlineData("I paid 1.250,00 €", "EUR 1250.00")]
    [InlineData("I paid € 40 today", "EUR 40.00")]
    [InlineData("I was charged 40 pounds", "GBP 40.00")]
    [InlineData("It cost me 200 quid", "GBP 200.00")]
    public void Extract_AmountForms_GiveTheAmount(string text, string amount) =>
        Assert.Equal([amount], Normalizer.Normalize(text).Facts.Where(f => f.Kind == FactKind.Amount).Select(f => f.Value));

    [Theory]
    [InlineData("40 pounds of luggage went missing")]
    [InlineData("I got 3 phone calls a day")]
    public void Extract_WeightsAndRates_AreNoAmountOrDuration(string text) =>
        Assert.DoesNotContain(Normalizer.Normalize(text).Facts, f => f.Kind is FactKind.Amount or FactKind.Duration);

    [Theory]
    [InlineData("I waited an hour on hold", "PT1H")]
    [InlineData("A week later nothing had changed", "P1W")]
    [InlineData("I spent half an hour on hold", "PT0.5H")]
    [InlineData("I spent two and a half hours on hold", "PT2.5H")]
    [InlineData("I got a 10-day notice", "P10D")]
    [InlineData("It was a 24-hour outage", "PT24H")]
    public void Extract_DurationForms_GiveTheDuration(string text, string duration) =>
        Assert.Equal([duration], Normalizer.Normalize(text).Facts.Where(f => f.Kind == FactKind.Duration).Select(f => f.Value));

    [Theory]
    [InlineData("They bill me once a month")]
    [InlineData("It crashes 3 times a week")]
    [InlineData("They charge $50 a month")]
    [InlineData("I had to open a second credit card")]
    [InlineData("Time to call it a day")]
    public void Extract_RatesAndOrdinalsWithAnArticle_AreNoDuration(string text) =>
        Assert.DoesNotContain(Normalizer.Normalize(text).Facts, f => f.Kind == FactKind.Duration);
}
