using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

public class ComplaintNormalizerTests
{
    [Fact]
    public void Normalize_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => Normalizer.Normalize(null!));
        Assert.Throws<ArgumentNullException>("options", () => new ComplaintNormalizer(null!));
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var options = new NormalizationOptions { OrganizationThreshold = 1 };
        options.Intensifiers.Add("two words");
        options.Categories["Security"] = [];
        var error = Assert.Throws<InvalidOptionsException>(() => new ComplaintNormalizer(options));
        Assert.Contains("OrganizationThreshold is 1; it must be at least 3.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Intensifiers[0] ('two words') contains white space", error.Message, StringComparison.Ordinal);
        Assert.Contains("Categories[\"Security\"] has no terms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Empty_GivesEmptyRecord()
    {
        var record = Normalizer.Normalize(string.Empty);
        Assert.Equal(string.Empty, record.CanonicalText);
        Assert.Empty(record.Facts);
        Assert.Empty(record.Areas);
        Assert.Equal(ImpactLevel.Individual, record.Impact);
        Assert.Equal(new RecurrenceSignal(false, null), record.Recurrence);
        Assert.Equal(0UL, record.FingerprintValue);
        Assert.Equal(0, record.Neutralized.Total);
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_OnlyInvisibleCharacters_GivesEmptyTextAndCountsThem()
    {
        var record = Normalizer.Normalize("\u200B\u200D\u2060\uFEFF\u202E\u00AD");
        Assert.Equal(string.Empty, record.CanonicalText);
        Assert.Equal(6, record.Neutralized.InvisibleCharacters);
        Assert.Equal(Normalizer.Normalize(string.Empty).IncidentKeyValue, record.IncidentKeyValue);
    }

    [Fact]
    public void Normalize_OnlyPunctuation_EndsEmpty()
    {
        // The runs go, the dots collapse to one, and a full stop that ends the text goes (as "down!!!" and "down." are "down").
        var record = Normalizer.Normalize("!!! ... ???");
        Assert.Equal(string.Empty, record.CanonicalText);
        Assert.Equal(2, record.Neutralized.PunctuationRuns);
        Assert.Empty(record.Facts);
    }

    [Fact]
    public void Normalize_AllCapsWithAcronyms_FoldsShoutingAndKeepsAcronyms()
    {
        var record = Normalizer.Normalize("THE VPN AND SSO ARE DOWN, ERR_CONN_RESET EVERY TIME!!!");
        Assert.Equal("the VPN and SSO are down, ERR_CONN_RESET every time", record.CanonicalText);
        Assert.Equal(["System:VPN", "System:SSO", "ErrorCode:ERR_CONN_RESET"], FactValues(record));
        Assert.Equal(6, record.Neutralized.Shouting);
        Assert.Equal(1, record.Neutralized.PunctuationRuns);
        Assert.Equal(new ComplaintFact(FactKind.ErrorCode, "ERR_CONN_RESET", 26, 14), record.Facts[2]);
    }

    [Fact]
    public void Normalize_UnknownAcronym_IsProtectedAndASystem()
    {
        var record = Normalizer.Normalize("The FCRA portal and the CRM are down, see 15 U.S.C 1681 and my ID");
        Assert.Equal("the FCRA portal and the CRM are down, see 15 U.S.C 1681 and my id", record.CanonicalText);
        Assert.Equal(["System:FCRA", "System:portal", "System:CRM"], FactValues(record));
        Assert.Equal(1, record.Neutralized.Shouting);
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_CyrillicLookAlikeInSystemName_RepairsIt()
    {
        var record = Normalizer.Normalize("The V\u0420N client fails");
        Assert.Equal("the VPN client fails", record.CanonicalText);
        Assert.Equal(["System:VPN"], FactValues(record));
        Assert.Equal(1, record.Neutralized.Homoglyphs);
        Assert.Equal(Normalizer.Normalize("The VPN client fails").IncidentKeyValue, record.IncidentKeyValue);
    }

    [Fact]
    public void Normalize_ZeroWidthInsideProfanity_RemovesIt()
    {
        var record = Normalizer.Normalize("this is fu\u200Bck\u200Ding broken");
        Assert.Equal("this is broken", record.CanonicalText);
        Assert.Equal(1, record.Neutralized.Profanity);
        Assert.Equal(2, record.Neutralized.InvisibleCharacters);
    }

    [Fact]
    public void Normalize_MaskedProfanity_RemovesIt()
    {
        var record = Normalizer.Normalize("the f*cking printer, $h1t and sh!t!!! f**k");
        Assert.Equal("the printer, and", record.CanonicalText);
        Assert.Equal(4, record.Neutralized.Profanity);
        Assert.Equal(["System:printer"], FactValues(record));
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_RightToLeftOverrideAroundTicket_KeepsTheTicket()
    {
        var record = Normalizer.Normalize("see ticket \u202EINC-4471\u202C please");
        Assert.Equal("see ticket INC-4471 please", record.CanonicalText);
        Assert.Equal([new ComplaintFact(FactKind.Reference, "INC-4471", 12, 8)], record.Facts);
        Assert.Equal(2, record.Neutralized.InvisibleCharacters);
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_NonLatinTextWithHostName_KeepsTextAndFindsHost()
    {
        var russian = Normalizer.Normalize("Сервер mail.example.ru НЕ отвечает");
        Assert.Equal("сервер mail.example.ru не отвечает", russian.CanonicalText);
        Assert.Equal([new ComplaintFact(FactKind.System, "mail.example.ru", 7, 15)], russian.Facts);

        var chinese = Normalizer.Normalize("服务器mail.example.com无法访问");
        Assert.Equal("服务器 mail.example.com 无法访问", chinese.CanonicalText);
        Assert.Equal([new ComplaintFact(FactKind.System, "mail.example.com", 3, 16)], chinese.Facts);
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_EmojiWithSkinTonesAndKeycaps_RemovesEmojiKeepsKeycapDigit()
    {
        var record = Normalizer.Normalize("down again \U0001F44D\U0001F3FD \U0001F468\u200D\U0001F4BB 3\uFE0F\u20E3 times \U0001F1FA\U0001F1F8");
        Assert.Equal("down again 3 times", record.CanonicalText);
        Assert.Equal(4, record.Neutralized.Emoji);
        Assert.Equal(0, record.Neutralized.InvisibleCharacters);
        Assert.Equal(["Occurrence:again", "Occurrence:3"], FactValues(record));
        Assert.Equal(new RecurrenceSignal(true, 3), record.Recurrence);
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_FullwidthAndMathematicalBold_FoldsToAscii()
    {
        var record = Normalizer.Normalize("\uFF36\uFF30\uFF2E is \U0001D41D\U0001D428\U0001D430\U0001D427 ﬁx ²");
        Assert.Equal("VPN is down fix 2", record.CanonicalText);
        Assert.Equal(["System:VPN"], FactValues(record));
        Assert.Equal(9, record.Neutralized.CompatibilityCharacters);
    }

    [Fact]
    public void Normalize_NulAndTerminalColourCodes_RemovesThem()
    {
        var record = Normalizer.Normalize("VPN\0 down \u001B[31mERROR\u001B[0m \u001B]0;title\u0007ok");
        Assert.Equal("VPN down error ok", record.CanonicalText);
        Assert.Equal(4, record.Neutralized.InvisibleCharacters);
        Assert.Equal(1, record.Neutralized.Shouting);
    }

    [Fact]
    public void Normalize_OneMebibyteOfShouting_DoesNotThrow()
    {
        var text = string.Concat(Enumerable.Repeat("DOWN!!! ", 1 << 17));
        var record = Normalizer.Normalize(text);
        // Each "!!!" before a capitalised word ends a sentence; the last, at the end of the text, is dropped.
        Assert.Equal(text.Length / 8 * 6 - 2, record.CanonicalText.Length);
        Assert.StartsWith("down. down. down", record.CanonicalText, StringComparison.Ordinal);
        Assert.Equal(1 << 17, record.Neutralized.Shouting);
        Assert.Equal(1 << 17, record.Neutralized.PunctuationRuns);
        Assert.True(IsWellFormed(record));
    }

    [Fact]
    public void Normalize_OneHundredThousandCharacterToken_KeepsIt()
    {
        var token = new string('a', 50_000) + new string('b', 50_000);
        var record = Normalizer.Normalize("VPN " + token + " down");
        Assert.Equal("VPN ab down", record.CanonicalText);
        Assert.Equal(1, record.Neutralized.StretchedLetters);
        var digits = Normalizer.Normalize(new string('7', 100_000));
        Assert.Equal(new string('7', 100_000), digits.CanonicalText);
    }

    [Fact]
    public void Normalize_HtmlTagsAndDoubleEscapedEntities_DecodesAndStrips()
    {
        var record = Normalizer.Normalize("<p>Outlook &amp;amp; Teams</p> &lt;b&gt;DOWN&lt;/b&gt; &#x2122; &#8203;");
        Assert.Equal("Outlook & Teams down tm", record.CanonicalText);
        Assert.Equal(["System:Outlook", "System:Teams"], FactValues(record));
        Assert.Equal(new ComplaintFact(FactKind.System, "Teams", 21, 5), record.Facts[1]);
    }

    [Fact]
    public void Normalize_MarkdownWithLink_KeepsLinkTextAndUrl()
    {
        var record = Normalizer.Normalize("See [the status page](https://Status.Example.com/VPN) for **status** _now_");
        Assert.Equal("see the status page https://status.example.com/VPN for status now", record.CanonicalText);
        Assert.Equal(["System:status.example.com"], FactValues(record));
    }

    [Fact]
    public void Normalize_QuotedReplyAndSignature_QuotedFactsAreNotNewFacts()
    {
        var record = Normalizer.Normalize(
            "Printer STILL broken!\n\nOn Mon, Mar 4, 2024 at 9:00 AM Help Desk <help@example.com> wrote:\n> Ticket INC-1000 is fixed\n> error 1603");
        Assert.Equal("printer still broken", record.CanonicalText);
        Assert.Equal(["System:printer"], FactValues(record));
        Assert.Equal(1, record.Neutralized.Shouting);

        var signed = Normalizer.Normalize("Printer down again.\n> INC-7 was closed\n--\nJohn Smith\nINC-9999");
        Assert.Equal("printer down again", signed.CanonicalText);
        Assert.Equal(["System:printer", "Occurrence:again"], FactValues(signed));
    }

    [Fact]
    public void Normalize_StretchedWordsNextToIdentifiers_RestoresOnlyTheWords()
    {
        var record = Normalizer.Normalize("sooooo slowwww www.example.com AAA 1000000 0x80070005 wwwww cooool");
        Assert.Equal("so slow www.example.com AAA 1000000 0x80070005 wwwww cool", record.CanonicalText);
        Assert.Equal(3, record.Neutralized.StretchedLetters);
        Assert.Equal(["System:www.example.com", "System:AAA", "ErrorCode:0x80070005"], FactValues(record));
    }

    [Fact]
    public void Normalize_NegationButAndFactualBoosters_AreKept()
    {
        var record = Normalizer.Normalize("not really down, but extremely slow... more than 20 users, total outage");
        Assert.Equal("not really down, but slow. more than 20 users, total outage", record.CanonicalText);
        Assert.Equal(
            [new ComplaintFact(FactKind.Negation, "not down", 0, 15), new ComplaintFact(FactKind.PeopleAffected, "more than 20", 39, 18)],
            record.Facts);
        Assert.Equal(ImpactLevel.Team, record.Impact);
        Assert.Equal(1, record.Neutralized.Intensifiers);
        var availability = Assert.Single(record.Areas);
        Assert.Equal(new[] { "down", "slow", "outage" }, availability.Evidence);
    }

    [Fact]
    [Trait("Category", "Globalization")]
    public void Normalize_TurkishDottedISharpSFinalSigmaAndStackedMarks_FoldsFully()
    {
        var record = Normalizer.Normalize("\u0130stanbul STRAẞE stra\u00DFe \u039F\u0394\u039F\u03A3 \u03BF\u03B4\u03BF\u03C2 e\u0323\u0302 e\u0302\u0323 I\u0307");
        Assert.Equal("i\u0307stanbul strasse strasse οδοσ οδοσ \u1EC7 \u1EC7 i\u0307", record.CanonicalText);
        Assert.Equal(2, record.Neutralized.Shouting);
    }

    [Fact]
    public void Normalize_PersonalData_IsMaskedWithTypedPlaceholders()
    {
        var record = Normalizer.Normalize("mail john.doe@example.com or call +1 (555) 123-4567, card 4111 1111 1111 1111, account 123456789012.");
        Assert.Equal("mail [email] or call [phone], card [card], account [account]", record.CanonicalText);
        Assert.Empty(record.Facts);
    }

    [Fact]
    public void Normalize_Facts_AreExtractedWithPositions()
    {
        var text = "Outlook crashed with error 1603 and HTTP 503 (ticket #12345), 3rd time this week; 2h30m lost, 3 hours yesterday, the whole team, paid {$1,200.50} on 03/15/2024 and March 4th";
        var record = Normalizer.Normalize(text, new NormalizationContext { ReferenceDate = new DateOnly(2024, 3, 20) });
        Assert.Equal(
            [
                "System:Outlook", "ErrorCode:error 1603", "ErrorCode:HTTP 503", "Reference:#12345", "Occurrence:3 this week",
                "Duration:PT2H30M", "Duration:PT3H", "PeopleAffected:team", "Amount:USD 1200.50", "Date:2024-03-15", "Date:2024-03-04",
            ],
            FactValues(record));
        foreach (var fact in record.Facts.Where(f => f.Kind is not FactKind.Occurrence and not FactKind.PeopleAffected))
        {
            Assert.Contains(text.Substring(fact.Start, fact.Length), text, StringComparison.Ordinal);
        }

        Assert.Equal("error 1603", text.Substring(record.Facts[1].Start, record.Facts[1].Length));
        Assert.Equal("{$1,200.50}"[1..^1], text.Substring(record.Facts[8].Start, record.Facts[8].Length));
        Assert.Equal(ImpactLevel.Team, record.Impact);
        Assert.Equal(new RecurrenceSignal(true, 3), record.Recurrence);
        // "paid {$1,200.50}" is an amount paid, not a complaint about cost: no CostEffectiveness (issue 11).
        Assert.Equal([ServiceAreas.Availability, ServiceAreas.FirstTimeFix], AreaNames(record));
    }

    [Theory]
    [InlineData("I paid {$1,200.50} on 03/15/2024", new string[0])]
    [InlineData("A wire of {$100000.00} was sent to the servicer", new string[0])]
    [InlineData("They charged me {$500.00} in fees", new[] { ServiceAreas.CostEffectiveness })]
    [InlineData("The report is inaccurate and the payment history has an error", new string[0])]
    [InlineData("I disputed it and it is still there", new[] { ServiceAreas.FirstTimeFix })]
    public void ClassifyAreas_AmountsAndPaymentsAlone_AreNotCostOrRecurrence(string text, string[] areas) =>
        Assert.Equal(areas, AreaNames(Normalizer.Normalize(text)));

    [Fact]
    public void Normalize_SinceWeekday_ResolvesAgainstReferenceDate()
    {
        var wednesday = new DateOnly(2024, 3, 13);
        var record = Normalizer.Normalize("Teams down since Monday", new NormalizationContext { ReferenceDate = wednesday });
        Assert.Equal(["System:Teams", "Duration:P2D since 2024-03-11"], FactValues(record));
        var unresolved = Normalizer.Normalize("Teams down since Monday");
        Assert.Equal(["System:Teams", "Duration:since monday"], FactValues(unresolved));
    }

    [Fact]
    public void Normalize_PeopleAffected_DrivesImpact()
    {
        Assert.Equal(ImpactLevel.Individual, Normalizer.Normalize("my laptop is slow").Impact);
        Assert.Equal(ImpactLevel.Team, Normalizer.Normalize("12 users cannot log in").Impact);
        Assert.Equal(ImpactLevel.Organization, Normalizer.Normalize("200 employees cannot log in").Impact);
        Assert.Equal(ImpactLevel.Organization, Normalizer.Normalize("everyone is locked out").Impact);
        Assert.Equal(ImpactLevel.Organization, Normalizer.Normalize("the entire company is offline").Impact);
    }

    [Fact]
    public void Normalize_CfpbRedactionTokens_AreNotShouting()
    {
        var record = Normalizer.Normalize("On XX/XX/2019 I called XXXX XXXX about {$500.00}.");
        Assert.Equal("on XX/XX/2019 i called XXXX XXXX about $500.00", record.CanonicalText);
        Assert.Equal(0, record.Neutralized.Shouting);
        Assert.Equal(["Date:2019-XX-XX", "Amount:USD 500.00"], FactValues(record));
    }

    [Fact]
    public void Normalize_HostCategoriesAndLexiconAdditions_AreUsed()
    {
        var options = new NormalizationOptions();
        options.Systems.Add("Acme Portal");
        options.Profanity.Add("frak");
        options.Categories["Security"] = ["phishing", "locked out"];
        var normalizer = new ComplaintNormalizer(options);
        var record = normalizer.Normalize("frak, the acme portal has a phishing page and I am locked out");
        Assert.Equal("the Acme Portal has a phishing page and i am locked out", record.CanonicalText);
        Assert.Equal(["System:Acme Portal"], FactValues(record));
        var security = Assert.Single(record.Areas);
        Assert.Equal(new ServiceAreaMatch("Security", ["phishing", "locked out"]).Area, security.Area);
        Assert.Equal(["phishing", "locked out"], security.Evidence);
    }

    [Fact]
    public void IncidentKey_SameIdentifiersDifferentWording_IsEqual()
    {
        var calm = Normalizer.Normalize("The VPN is down, error ERR_CONN_RESET, see INC-4471.");
        var angry = Normalizer.Normalize("UGH!!! the f*cking VPN is DOWN AGAIN?! ERR_CONN_RESET. INC-4471 😡");
        Assert.NotEqual(calm.CanonicalText, angry.CanonicalText);
        Assert.Equal(calm.IncidentKeyValue, angry.IncidentKeyValue);
        Assert.Equal(16, calm.IncidentKey.Length);
    }

    [Fact]
    public void HammingDistance_CountsDifferingBits()
    {
        Assert.Equal(0, ComplaintNormalizer.HammingDistance(0xFF, 0xFF));
        Assert.Equal(64, ComplaintNormalizer.HammingDistance(0, ulong.MaxValue));
        Assert.Equal(3, ComplaintNormalizer.HammingDistance(0b1011, 0b0000));
    }
}
