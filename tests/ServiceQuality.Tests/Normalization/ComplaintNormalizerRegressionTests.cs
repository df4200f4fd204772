using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>Exact regressions for the tone-invariance bugs found on the bundled calm and angry complaints.</summary>
public class ComplaintNormalizerRegressionTests
{
    [Fact]
    public void Normalize_ShoutedOrdinaryWordsInMixedCase_AreFoldedNotSystems()
    {
        var record = Normalizer.Normalize("Nobody WARNED us the CRM licence would expire");
        Assert.Equal("nobody warned us the CRM licence would expire", record.CanonicalText);
        Assert.Equal(["System:CRM"], FactValues(record).Where(f => f.StartsWith("System:", StringComparison.Ordinal)));
        Assert.Equal(1, record.Neutralized.Shouting);

        foreach (var word in new[] { "FILLED", "DISK", "CABLE", "MARKED", "PICKED", "FLEET", "CANNOT", "WARNED" })
        {
            var shouted = Normalizer.Normalize($"The technician {word} it");
            Assert.DoesNotContain(shouted.Facts, f => f.Kind == ServiceQuality.Normalization.FactKind.System);
            Assert.Equal($"the technician {word.ToLowerInvariant()} it", shouted.CanonicalText);
        }
    }

    [Fact]
    public void Normalize_ShoutedCannot_KeepsFocusOnPrioritiesEvidence()
    {
        var calm = Normalizer.Normalize("45 users cannot work.");
        var angry = Normalizer.Normalize("45 users CANNOT work!!!.");
        Assert.Equal(Signature(calm), Signature(angry));
        Assert.Contains(angry.Areas, a => a.Area == "FocusOnPriorities" && a.Evidence.Contains("cannot work"));
    }

    [Fact]
    public void Normalize_OddCasedOrdinaryWord_IsShoutingNotAProduct()
    {
        var record = Normalizer.Normalize("nOBODY answered the phone");
        Assert.Equal("nobody answered the phone", record.CanonicalText);
        Assert.DoesNotContain(record.Facts, f => f.Kind == ServiceQuality.Normalization.FactKind.System);
        Assert.Equal(1, record.Neutralized.Shouting);
    }

    [Theory]
    [InlineData("VPN")]
    [InlineData("SSO")]
    [InlineData("CRM")]
    [InlineData("SAP")]
    [InlineData("FCRA")]
    [InlineData("CFPB")]
    public void Normalize_RealAcronymInMixedCase_StaysASystem(string acronym)
    {
        var record = Normalizer.Normalize($"The {acronym} is down");
        Assert.Equal($"the {acronym} is down", record.CanonicalText);
        Assert.Contains($"System:{acronym}", FactValues(record));
    }

    [Fact]
    public void Normalize_ProtectedIdentifiers_SurviveTheEnglishWordList()
    {
        var record = Normalizer.Normalize("HTTP 503 and ERR_CONN_RESET and 0x80070005 on the VPN");
        Assert.Equal("HTTP 503 and ERR_CONN_RESET and 0x80070005 on the VPN", record.CanonicalText);
        Assert.Equal(["ErrorCode:HTTP 503", "ErrorCode:ERR_CONN_RESET", "ErrorCode:0x80070005", "System:VPN"], FactValues(record));
    }

    [Theory]
    [InlineData("The VPN is down. Pathetic service.", "the VPN is down")]
    [InlineData("The VPN is down!!! This is a joke.", "the VPN is down")]
    [InlineData("The VPN is down. Unbelievable incompetence.", "the VPN is down")]
    [InlineData("The VPN is down. Useless IT department.", "the VPN is down")]
    [InlineData("The VPN is down, what a joke, since Monday.", "the VPN is down, since monday")]
    public void Normalize_InsultPhrases_AreRemovedWhole(string angry, string canonical)
    {
        var record = Normalizer.Normalize(angry);
        Assert.Equal(canonical, record.CanonicalText);
        Assert.True(record.Neutralized.Insults >= 1);
        Assert.Equal(Normalizer.Normalize("The VPN is down.").IncidentKeyValue, Normalizer.Normalize(angry.Replace(", since Monday", string.Empty, StringComparison.Ordinal)).IncidentKeyValue);
    }

    [Fact]
    public void Normalize_SentenceEndingExclamations_EndTheSentenceLikeAFullStop()
    {
        var calm = Normalizer.Normalize("The file server still drops every 45 minutes. Ticket INC-4442.");
        foreach (var angry in new[]
        {
            "The file server still drops every 45 minutes!!! Ticket INC-4442.",
            "The file server still drops every 45 minutes?! Ticket INC-4442.",
            "The file server still drops every 45 minutes‽ Ticket INC-4442.",
            "The file server still drops every 45 minutes!!! TICKET INC-4442!!! This is a joke.",
        })
        {
            Assert.Equal("the file server still drops every 45 minutes. ticket INC-4442", Normalizer.Normalize(angry).CanonicalText);
            Assert.Equal(Signature(calm), Signature(Normalizer.Normalize(angry)));
        }

        // Mid-sentence, before a word in lower case, a run is only tone.
        Assert.Equal("the VPN is down again", Normalizer.Normalize("The VPN is down!!! again").CanonicalText);
    }

    [Fact]
    public void Normalize_FsCheckCardMaskingCounterexample_IsAFixpoint()
    {
        const string text = "www.a.comx@y.com'f*ck{$5.00}ệ.!!!\u001b[1m3 hourssooosooo --XXXXệ4111 1111 1111 11114111 1111 1111 11114111 1111 1111 1111x@y.comệ\n> q4111 1111 1111 1111";
        var once = Normalizer.Normalize(text).CanonicalText;
        var twice = Normalizer.Normalize(once).CanonicalText;
        Assert.Equal(once, twice);
        Assert.Equal(once, Normalizer.Normalize(twice).CanonicalText);
    }

    [Fact]
    public void Normalize_LetterThatFoldsToALookAlike_IsRepairedInTheFirstPass()
    {
        // U+1C80 folds to Cyrillic "в", a look-alike of "b" next to the Latin "f": found by the idempotence property.
        var once = Normalizer.Normalize("\u1C80\uFF46").CanonicalText;
        Assert.Equal(once, Normalizer.Normalize(once).CanonicalText);
    }

    [Theory]
    [InlineData("The technician replaced the cable but the file server still drops every 45 minutes.", "FirstTimeFix")]
    [InlineData("The password reset took 3 hours.", "Responsiveness")]
    [InlineData("We lost access to Outlook for 8 hours, it returns HTTP 503.", "Availability")]
    [InlineData("The email about INC-4484 said it was fixed, but Outlook still shows 0x80070005.", "Communication")]
    [InlineData("The email about INC-4484 said it was fixed, but Outlook still shows 0x80070005.", "FirstTimeFix")]
    [InlineData("Nobody warned us the CRM licence would expire.", "AnticipateNeeds")]
    [InlineData("I reported it 2 hours ago and nobody has answered.", "Responsiveness")]
    public void ClassifyAreas_StandardPhrasings_NameTheirWant(string text, string want) =>
        Assert.Contains(want, AreaNames(Normalizer.Normalize(text)));

    // A sentence of frame words only was kept when calm ("the." gave "the") but went whole once an insult joined it
    // ("useless the." gave ""): the kit's tone law found it (shrunk counterexamples "the." / "useless the." and
    // "is." / "useless is."). Such a sentence says nothing: it is left out of the canonical text either way.
    [Theory]
    [InlineData("the.", "useless the.", "")]
    [InlineData("is.", "useless is.", "")]
    [InlineData("VPN down. You people are.", "VPN down. You people are pathetic.", "VPN down")]
    [InlineData("The VPN is down. That is all. Please fix it", "The VPN is down. That is all, idiots. Please fix it", "the VPN is down. please fix it")]
    [InlineData("VPN down.", "VPN down. Idiots, morons!", "VPN down")]
    [InlineData("the. 3 users are locked out", "useless the. 3 users are locked out", "3 users are locked out")]
    public void Normalize_FrameOnlySentence_IsLeftOutWithOrWithoutAnInsult(string calm, string angry, string canonical)
    {
        var calmRecord = Normalizer.Normalize(calm);
        var angryRecord = Normalizer.Normalize(angry);
        Assert.Equal(canonical, calmRecord.CanonicalText);
        Assert.Equal(Signature(calmRecord), Signature(angryRecord));
        Assert.Equal(canonical, Normalizer.Normalize(canonical).CanonicalText);
    }

    [Theory]
    [InlineData("It is not.", "it is not")]
    [InlineData("The VPN is down. It was slow.", "the VPN is down. it was slow")]
    [InlineData("That is all the users", "that is all the users")]
    public void Normalize_SentenceWithAWordBeyondTheFrame_IsKept(string text, string canonical) =>
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);

    // The kit's sarcasm sentences stayed in the canonical text: "Great job, as always." (four words, the rule took three)
    // and "Wow, brilliant support." (the interjection dropped, the praise left); shrunk counterexamples of the kit's laws.
    [Theory]
    [InlineData("53 hours.", "53 hours. Wow, brilliant support.")]
    [InlineData("INC-3270.", "INC-3270. Great job, as always.")]
    [InlineData("the VPN is down.", "the VPN is down. Nice work again, guys.")]
    public void Normalize_SarcasticPraiseOfTheService_IsRemoved(string calm, string angry)
    {
        var angryRecord = Normalizer.Normalize(angry);
        Assert.Equal(Signature(Normalizer.Normalize(calm)), Signature(angryRecord));
        Assert.Equal(1, angryRecord.Neutralized.Sarcasm);
    }

    // Issue 11: sarcasm the sentence rules missed when checked on new text (a clause before a comma, scare quotes, an
    // exclamation without an article).
    [Theory]
    [InlineData("The VPN is down.", "Thanks for the great service, the VPN is down.")]
    [InlineData("The VPN is down.", "Thank you so much for the wonderful support, the VPN is down.")]
    [InlineData("The VPN is down.", "Thanks for the 'help'. The VPN is down.")]
    [InlineData("The VPN is down.", "Thanks for the \u201Csupport\u201D. The VPN is down.")]
    [InlineData("The VPN is down.", "The VPN is down. What great \"support\".")]
    [InlineData("The VPN is down.", "Wow, what amazing service. The VPN is down.")]
    [InlineData("The VPN is down.", "What an excellent job, as always. The VPN is down.")]
    public void Normalize_SarcasticClausesAndScareQuotes_AreRemoved(string calm, string angry)
    {
        var angryRecord = Normalizer.Normalize(angry);
        Assert.Equal(Signature(Normalizer.Normalize(calm)), Signature(angryRecord));
        Assert.Equal(1, angryRecord.Neutralized.Sarcasm);
    }

    [Theory]
    [InlineData("Great support from the engineer who fixed the VPN.", "great support from the engineer who fixed the VPN")]
    [InlineData("Good service depends on the VPN.", "good service depends on the VPN")]
    [InlineData("Thanks for the help, the VPN works now.", "thanks for the help, the VPN works now")]
    [InlineData("Thanks for the help.", "thanks for the help")]
    [InlineData("What amazing engineers fixed the VPN.", "what amazing engineers fixed the VPN")]
    public void Normalize_PraiseWithMoreToSay_IsKept(string text, string canonical) =>
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);

    // Issue 11, checked on new text: a sentence that only passes judgement ("Ridiculous!", "This is unacceptable.") stays
    // in the canonical text; the CFPB narratives 3119940 and 12494561 end with "Unacceptable." and "This is
    // unacceptable.", which a calm telling of the same facts would not write.
    [Theory]
    [InlineData("The refund never arrived.", "Ridiculous. The refund never arrived.", 1)]
    [InlineData("The refund never arrived.", "Seriously?! The refund never arrived.", 1)]
    [InlineData("The refund never arrived.", "Disgraceful! The refund never arrived. Absolutely UNACCEPTABLE!!", 2)]
    [InlineData("The refund never arrived.", "The refund never arrived. This is not acceptable.", 1)]
    [InlineData("The refund never arrived.", "The refund never arrived!!! UNBELIEVABLE.", 1)]
    [InlineData("The refund never arrived.", "Really? The refund never arrived. Just ridiculous, as usual.", 2)]
    public void Normalize_VerdictOnlySentence_IsRemoved(string calm, string angry, int verdicts)
    {
        var angryRecord = Normalizer.Normalize(angry);
        Assert.Equal("the refund never arrived", angryRecord.CanonicalText);
        Assert.Equal(Signature(Normalizer.Normalize(calm)), Signature(angryRecord));
        Assert.Equal(verdicts, angryRecord.Neutralized.Interjections);
    }

    [Theory]
    [InlineData("The fee is unacceptable.", "the fee is unacceptable")]
    [InlineData("The delay was really terrible.", "the delay was terrible")]
    [InlineData("This is an acceptable use of my data?", "this is an acceptable use of my data")]
    public void Normalize_VerdictAboutSomething_IsKept(string text, string canonical) =>
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);

    // Issue 11: a sentence threatening both to leave and to tell others recorded only the word-of-mouth threat.
    [Fact]
    public void Normalize_ThreatToLeaveAndToTell_RecordsBoth()
    {
        var record = Normalizer.Normalize("My card was declined. I'm switching banks and telling everyone I know.");
        Assert.Equal("my card was declined", record.CanonicalText);
        Assert.True(record.ToneSignals.ThreatToLeave);
        Assert.True(record.ToneSignals.WordOfMouthThreat);
        Assert.Equal(1, record.Neutralized.Threats);
        Assert.Equal(Signature(Normalizer.Normalize("My card was declined.")), Signature(record));
    }

    // Issue 11, found by tone-only rewrites of the 272 CFPB narratives generated outside the repository (whole
    // sentences in capitals, masked profanity, look-alike letters, sarcasm): each pair is a shrunk case of a miss.
    [Theory]
    [InlineData("The stuff on my credit report is wrong.", "The stuff on my credit sh!tty report is wrong.")]
    [InlineData("My credit report is wrong.", "My credit 😡 report is wrong.")]
    [InlineData("I need a copy of the letter.", "I need а copy of the letter.")]
    [InlineData("A few days ago the bank called.", "А few days ago the bank called.")]
    [InlineData("Under 15 U.S.C. 1681i and 1681s-2 the bureau must act.", "UNDER 15 U.S.C. 1681I AND 1681S-2 THE BUREAU MUST ACT.")]
    [InlineData("Accounts and/or inquiries were added.", "ACCOUNTS AND/OR INQUIRIES WERE ADDED.")]
    [InlineData("I was told- no refund.", "I WAS TOLD- NO REFUND.")]
    [InlineData("Clear up this matter.The listed item is wrong.", "CLEAR UP THIS MATTER.THE LISTED ITEM IS WRONG.")]
    [InlineData("Ive reached out and im still waiting, heres the timeline.", "IVE REACHED OUT AND IM STILL WAITING, HERES THE TIMELINE.")]
    [InlineData("The refund never arrived.", "Oh great. The refund never arrived.")]
    [InlineData("The refund never arrived.", "The refund never arrived. Just wonderful!")]
    [InlineData("I filed a 30-day notice.", "I FILED A 30-DAY NOTICE.")]
    [InlineData("Please remove these accounts. Thank you", "Please remove these accounts. Thank you. Disgraceful.")] // a verdict, no signature
    [InlineData("Ask the debt Collection/Loss mitigation team.", "ASK THE DEBT COLLECTION/LOSS MITIGATION TEAM.")]
    [InlineData("I bank with Wells Fargo. Wells Fargo closed my account.", "I bank with Wells Fargo. WELLS FARGO CLOSED MY ACCOUNT.")]
    [InlineData("The fdcpa applies. It is a violation of the fdcpa.", "The fdcpa applies. IT IS A VIOLATION OF THE FDCPA.")]
    public void Normalize_ToneOnlyRewritesOfCfpbForms_AreTheSameRecord(string calm, string angry)
    {
        var calmRecord = Normalizer.Normalize(calm);
        var angryRecord = Normalizer.Normalize(angry);
        Assert.Equal(calmRecord.CanonicalText, angryRecord.CanonicalText);
        Assert.Equal(Signature(calmRecord), Signature(angryRecord));
        Assert.Equal(angryRecord.CanonicalText, Normalizer.Normalize(angryRecord.CanonicalText).CanonicalText);
    }

    [Theory]
    [InlineData("The stuff on my credit sh!tty report is wrong.", "the stuff on my credit report is wrong")]
    [InlineData("Under 15 U.S.C. 1681i the bureau must act.", "under 15 U.S.C. 1681I the bureau must act")]
    [InlineData("I filed a 30-day notice.", "i filed a 30-day notice")]
    [InlineData("AND/OR", "and/or")]
    [InlineData("Ticket INC-3270 again", "ticket INC-3270 again")]
    [InlineData("The Chase/JP platform", "the Chase/JP platform")]
    [InlineData("Я пришёл, а он ушёл", "я пришёл, а он ушёл")]
    public void Normalize_CaseAndLookAlikeRules_GiveTheseCanonicalTexts(string text, string canonical) =>
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);

    [Fact]
    public void Normalize_SystemPhraseAroundProfanity_IsTheSystemFact()
    {
        var record = Normalizer.Normalize("The stuff on my credit sh!tty report is wrong.");
        Assert.Contains(record.Facts, f => f.Kind == FactKind.System && f.Value == "credit report");
        Assert.Equal(1, record.Neutralized.Profanity);
        Assert.DoesNotContain(Normalizer.Normalize("my credit, damn report").Facts, f => f.Kind == FactKind.System);
    }

    // Issue 11: shrunk counterexamples of a fuzz run outside the repository over pieces of the forms this session
    // added (shouted joins, look-alikes, SSN cues, signs, durations): one crash ("no. SSN SSN ": the SSN cue read the
    // word before the text) and canonical texts that changed when normalized again. The same run over the code before
    // them failed 200 to 221 times in 100,000 inputs, and now 53 to 71 times; these are the forms it fixed.
    [Theory]
    [InlineData("no. SSN SSN ", "no. SSN SSN")]
    [InlineData("*MATTER.THE", "matter")] // "THE." alone says nothing
    [InlineData("Peter MATTER.THE_**", "peter matter.the")]
    [InlineData("MATTER.THE\u0410", "matter. THEA")]
    [InlineData("\u0410MATTER.THE", "amatter")]
    [InlineData("Clear up this gr\u0435at.The item.", "clear up this great. the item")]
    [InlineData("I need **\u0430 copy", "i need a copy")]
    [InlineData("credit \u00DF  \u0430 card", "credit ss a card")]
    [InlineData("Oh great.\u0410 telling", "a telling")]
    [InlineData("XXXX.down", "XXXX.DOWN")] // a redaction, not a shouted word joined to the next
    [InlineData("XXXXsooo.sooo", "XXXXSOOO.SOOO")]
    [InlineData("the \u0430\u0301ccount", "the \u0430\u0301ccount")] // a look-alike with a combining mark stays: "a\u0301" would compose
    public void Normalize_FuzzCounterexamples_AreIdempotent(string text, string canonical)
    {
        var record = Normalizer.Normalize(text);
        Assert.Equal(canonical, record.CanonicalText);
        Assert.Equal(canonical, new ComplaintNormalizer().Normalize(canonical).CanonicalText);
        Assert.Equal(canonical, Normalizer.Normalize(canonical).CanonicalText);
    }

    [Theory]
    [InlineData("The FDCPA applies. VIOLATION OF FDCPA.", "the FDCPA applies. violation of FDCPA")]
    [InlineData("The VPN is down. THE VPN IS DOWN", "the VPN is down. the VPN is down")]
    [InlineData("I bank with Wells Fargo. WELLS FARGO CLOSED IT.", "i bank with wells fargo. wells fargo closed it")]
    public void Normalize_WordInCapitals_IsAnAcronymUnlessTheTextWritesItAsAWord(string text, string canonical)
    {
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);
        Assert.Equal(canonical, Normalizer.Normalize(canonical).CanonicalText);
    }
}
