using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Normalization;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// Every form of personal data docs/normalization.md says is masked, with its typed placeholder; what must not be
/// masked; and that no fact carries personal data. Numbers are the reserved fictional ones where there are such
/// (Ofcom's 07700 900xxx and 020 7946 0xxx, HMRC's QQ 12 34 56 C, the SSA's 078-05-1120 specimen, the ECBS example IBAN
/// GB82 WEST 1234 5698 7654 32, RFC 5737 and RFC 3849 documentation addresses).
/// </summary>
public class PersonalDataTests
{
    public static TheoryData<string, string> MaskedForms() => new()
    {
        // Phones: UK without +, international in brackets and backticks, North American.
        { "Call me on 07700 900123 please", "call me on [phone] please" },
        { "Call me on 07700900123 please", "call me on [phone] please" },
        { "The office is 020 7946 0958 today", "the office is [phone] today" },
        { "Ring 0161 496 0000 now", "ring [phone] now" },
        { "My number (+44 20 7946 0958) is new", "my number ([phone]) is new" },
        { "Call (+44) 20 7946 0958 now", "call [phone] now" },
        { "Call me at (+44) 7700 900123, thanks", "call me at [phone], thanks" },
        { "(+1) 555 123 4567 is my cell", "[phone] is my cell" },
        { "My number `+44 20 7946 0958` is new", "my number [phone] is new" },
        { "My number [+1 555 123 4567] is new", "my number [phone] is new" },
        { "Call 555-123-4567 now", "call [phone] now" },

        // Bank details.
        { "IBAN GB82 WEST 1234 5698 7654 32 was charged", "IBAN [iban] was charged" },
        { "IBAN GB82WEST12345698765432 was charged", "IBAN [iban] was charged" },
        { "iban de89 3704 0044 0532 0130 00 was charged", "iban [iban] was charged" },
        { "Paid from 12-34-56 12345678 yesterday", "paid from [bank-account] yesterday" },
        { "My sort code is 12-34-56 and it failed", "my sort code is [sort-code] and it failed" },
        { "sort code 12-34-56 account 12345678 frozen", "sort code [sort-code] account [account] frozen" },
        { "My account 12345678 was frozen", "my account [account] was frozen" },
        { "Account no. 1234567 was frozen", "account no. [account] was frozen" },
        { "My account number is 123456789 today", "my account number is [account] today" },

        // National identifiers.
        { "My SSN is 078-05-1120 ok", "my SSN is [ssn] ok" },
        { "SSN 078 05 1120 ok", "SSN [ssn] ok" },
        { "NI number QQ 12 34 56 C on file", "NI number [ni-number] on file" },
        { "NI number QQ123456C on file", "NI number [ni-number] on file" },
        { "NINO ab123456d on file", "NINO [ni-number] on file" },

        // Network addresses.
        { "From 192.0.2.44 it fails", "from [ip] it fails" },
        { "From 2001:db8::8a2e:370:7334 it fails", "from [ip] it fails" },
        { "From fe80::1 it fails", "from [ip] it fails" },
        { "Device 00:1A:2B:3C:4D:5E and 00-1a-2b-3c-4d-5e blocked", "device [mac] and [mac] blocked" },

        // Dates of birth in context.
        { "DOB 01/02/1980 on file", "DOB [dob] on file" },
        { "DOB: 1980-02-01 on file", "DOB: [dob] on file" },
        { "I was born on 3 March 1985 in Leeds", "i was born on [dob] in leeds" },
        { "My date of birth is March 3, 1985 ok", "my date of birth is [dob] ok" },
        { "born in March 1985", "born in [dob]" },

        // Secrets after a cue.
        { "my password: hunter2 stopped working", "my password: [secret] stopped working" },
        { "password=hunter2 stopped working", "[secret] stopped working" },
        { "the token=abc123XYZ expired", "the [secret] expired" },
        { "API key: sk-live-abc123 leaked", "API key: [secret] leaked" },
        { "My PIN is 4321 ok", "my PIN is [secret] ok" },
        { "The otp 654321 came late", "the otp [secret] came late" },
        { "PIN 4321 was refused", "PIN [secret] was refused" },

        // Nine digits without separators after an SSN cue are an SSN, not an account number.
        { "SSN 078051120 on file", "SSN [ssn] on file" },
        { "My SSN is 078051120 on file", "my SSN is [ssn] on file" },
        { "Social security number 078051120 on file", "social security number [ssn] on file" },

        // Names after "my name's", "I am", "I'm" (two or three words written as names, shouted too).
        { "Hello, my name's Peter Parker and I need help", "hello, my name's [name] and i need help" },
        { "I am Jane Doe and my card was declined", "i am [name] and my card was declined" },
        { "I AM JANE DOE AND MY CARD WAS DECLINED", "i am [name] and my card was declined" },
        { "I'm Priya Raman, a customer since 2010", "i'm [name], a customer since 2010" },

        // E-mail addresses.
        { "Write to o'brien@example.com today", "write to [email] today" },
        { "Write to mailto:jane.doe@example.com today", "write to [email] today" },
        { "Write to admin@[192.0.2.1] today", "write to [email] today" },
        { "Write to josé@exämple.de today", "write to [email] today" },
        { "Write to jane@example.com today", "write to [email] today" },

        // Cards: in Markdown emphasis, and plain.
        { "Card **4111 1111 1111 1111** was charged", "card [card] was charged" },
        { "Card _4111111111111111_ was charged", "card [card] was charged" },
        { "Card 4111 1111 1111 1111 was charged", "card [card] was charged" },

        // Cards failing the Luhn check (mistyped, or made up) where the context says card.
        { "Card 4111 1111 1111 1112 was charged", "card [card] was charged" },
        { "Visa no. 4111-1111-1111-1112 was charged", "visa no. [card] was charged" },
        { "My card number is 4111111111111112 today", "my card number is [card] today" },
        { "Amex 3782 822463 10006 was charged", "amex [card] was charged" },
        { "Card damn 4111 1111 1111 1112 was charged", "card [card] was charged" },

        // Names after explicit cues.
        { "Hello, my name is John Smith and the VPN is down", "hello, my name is [name] and the VPN is down" },
        { "Name: Jane Doe. The VPN is down", "name: [name]. the VPN is down" },
        { "Mr Smith called twice", "[name] called twice" },
        { "Dr. Jane Patel called twice", "[name] called twice" },
        { "The VPN is down.\nRegards,\nJohn Smith", "the VPN is down. regards, [name]" },
        { "The VPN is down.\nThanks\nJane", "the VPN is down. thanks [name]" },
        { "Mr J. Smith called twice", "[name] called twice" },

        // Signatures: a closing at a line's or sentence's start, one to three name words ending the text, the line, or
        // followed by a comma or sentence punctuation.
        { "The VPN is down again.\n\nRegards,\nPriya Natarajan\nIT Manager", "the VPN is down again. regards, [name] it manager" },
        { "The VPN is down again. Thanks, John Smith", "the VPN is down again. thanks, [name]" },
        { "Best,\nAlan", "best, [name]" },
        { "Kind regards,\nMr. Alan Turing", "kind regards, [name]" },
        { "Cheers\nBob Jones", "cheers [name]" },
        { "Dear team, the VPN is down. Regards, Priya Natarajan, IT Manager, Acme Ltd, +44 20 7946 0018", "dear team, the VPN is down. regards, [name], it manager, acme ltd, [phone]" },
        { "The VPN is down.\nKind regards,\nPriya", "the VPN is down. kind regards, [name]" },
        { "The VPN is down.\nBest regards, Priya Natarajan", "the VPN is down. best regards, [name]" },
        { "The VPN is down. Thank you, Jane McDonald-Smith", "the VPN is down. thank you, [name]" },
        { "The VPN is down. Many thanks!\nSean O'Brien", "the VPN is down. many thanks. [name]" },
        { "The VPN is down.\nSincerely,\nAlan Turing", "the VPN is down. sincerely, [name]" },
        { "The VPN is down.\nYours sincerely,\nJ. R. Tolkien", "the VPN is down. yours sincerely, [name]" },
        { "The VPN is down.\nYours faithfully,\nAlan Turing", "the VPN is down. yours faithfully, [name]" },
        { "The VPN is down.\nRespectfully,\nPriya", "the VPN is down. respectfully, [name]" },
        { "The VPN is down.\nCheers, Angus MacLeod", "the VPN is down. cheers, [name]" },
        { "The VPN is down.\nRegards,\nPriya N.\nIT Manager", "the VPN is down. regards, [name]. it manager" },

        // A signature after "-- " is cut with the quoted regions.
        { "The VPN is down.\n-- \nJohn Smith\nIT Manager", "the VPN is down" },

        // A name learned from a cue is masked wherever else it is a whole word, in any case.
        { "Hi, my name is Sarah O'Connor and the VPN fails. Please sort this out. Sarah, 07700 900461", "hi, my name is [name] and the VPN fails. please sort this out. [name], [phone]" },
        { "Hi, my name is Sarah O'Connor. SARAH O'CONNOR is on the account, sarah too", "hi, my name is [name]. [name] is on the account, [name] too" },
        { "Priya here: the VPN is down.\nRegards,\nPriya Natarajan", "[name] here: the VPN is down. regards, [name]" },
        { "My name is Will Smith. I will call Will later", "my name is [name]. i will call [name] later" },
        { "My name is Sarah. Sarah's laptop is broken", "my name is [name]. [name] laptop is broken" },
        { "The VPN is down.\nBest wishes,\nPriya", "the VPN is down. best wishes, [name]" },
        { "The VPN is down. Thanks so much, John Smith", "the VPN is down. thanks so much, [name]" },
        { "The VPN is down. Thank you in advance, John Smith", "the VPN is down. thank you in advance, [name]" },
        { "The VPN is down. Thanks!!! John Smith", "the VPN is down. thanks. [name]" },
        { "The VPN is down. Thanks so much 🙏\nJohn Smith", "the VPN is down. thanks so much [name]" },
    };

    [Theory]
    [MemberData(nameof(MaskedForms))]
    public void Normalize_PersonalData_IsMaskedWithItsTypedPlaceholder(string text, string canonical)
    {
        var record = Normalizer.Normalize(text);
        Assert.Equal(canonical, record.CanonicalText);
        Assert.Equal(canonical, Normalizer.Normalize(canonical).CanonicalText);
    }

    [Theory]
    [MemberData(nameof(MaskedForms))]
    public void Normalize_PersonalData_NoFactCarriesIt(string text, string canonical)
    {
        _ = canonical;
        var record = Normalizer.Normalize(text);
        foreach (var fact in record.Facts)
        {
            // No run of four or more digits of the text, nor any masked word, reaches a fact value.
            foreach (var digits in System.Text.RegularExpressions.Regex.Matches(text, "[0-9]{4,}").Select(m => m.Value))
            {
                Assert.DoesNotContain(digits, fact.Value, StringComparison.Ordinal);
            }

            foreach (var word in new[] { "Smith", "Jane", "John", "Patel", "Priya", "Natarajan", "Alan", "Turing", "Sarah", "O'Connor", "Tolkien", "MacLeod", "McDonald", "O'Brien", "Bob", "hunter2", "abc123", "o'brien", "GB82", "QQ", "WEST" })
            {
                Assert.DoesNotContain(word, fact.Value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("Ticket 123456789 is still open", "ticket 123456789 is still open", "Reference:#123456789")]
    [InlineData("Case number 987654321 is still open", "case number 987654321 is still open", "Reference:#987654321")]
    [InlineData("Incident no 123456789 is still open", "incident no 123456789 is still open", "Reference:#123456789")]
    public void Normalize_TicketOrCaseReference_IsNotMasked(string text, string canonical, string fact)
    {
        var record = Normalizer.Normalize(text);
        Assert.Equal(canonical, record.CanonicalText);
        Assert.Contains(fact, FactValues(record));
    }

    [Theory]
    [InlineData("The password is wrong again", "the password is wrong again")]
    [InlineData("I will pin the blame on nobody", "i will pin the blame on nobody")]
    [InlineData("A token of thanks", "a token of thanks")]
    [InlineData("MS Teams is down", "ms Teams is down")]
    [InlineData("It took 200 ms to load", "it took 200 ms to load")]
    [InlineData("My name is not important", "my name is not important")]
    [InlineData("The report was born of frustration", "the report was born of frustration")]
    [InlineData("Version 10.0.19045.2965 is installed", "version 10.0.19045.2965 is installed")]
    [InlineData("Meeting at 10:30 in room 12", "meeting at 10:30 in room 12")]
    [InlineData("Back at 10 30 45 then", "back at 10 30 45 then")]
    [InlineData("at 10 30 45 c then", "at 10 30 45 c then")]
    [InlineData("Paid $1,234.56 on 2024-03-15", "paid $1,234.56 on 2024-03-15")]
    [InlineData("The account was closed in 2021", "the account was closed in 2021")]
    [InlineData("Error 0x80070005 on the SharePoint site", "error 0x80070005 on the SharePoint site")]
    [InlineData("GB82 is not an IBAN", "GB82 is not an IBAN")]
    [InlineData("The numbers 4111 1111 1111 1112 fail the Luhn check", "the numbers 4111 1111 1111 1112 fail the luhn check")]
    [InlineData("Card ending in 1234 was charged", "card ending in 1234 was charged")]
    [InlineData("Card 1234 5678 was charged 3 times", "card 1234 5678 was charged 3 times")]
    [InlineData("Thanks, The VPN is back now.", "thanks, the VPN is back now")]
    [InlineData("Thanks, the VPN is back now.", "thanks, the VPN is back now")]
    [InlineData("Best, the service desk", "best, the service desk")]
    [InlineData("Regards to your team", "regards to your team")]
    [InlineData("Cheers for fixing it", "cheers for fixing it")]
    [InlineData("Thanks, Great work", "thanks, great work")]
    [InlineData("Kind regards, Outlook", "kind regards, Outlook")]
    [InlineData("Thanks, Microsoft Teams", "thanks, Microsoft Teams")]
    [InlineData("Thanks John for fixing it", "thanks john for fixing it")]
    [InlineData("It is the best, John Smith said", "it is the best, john smith said")]
    [InlineData("I thank Alan for nothing", "i thank alan for nothing")]
    [InlineData("The VPN is down. Thanks, IT Support", "the VPN is down. thanks, it support")]
    [InlineData("My name is Will Smith. I will call later", "my name is [name]. i will call later")]
    [InlineData("The VPN is down.\nThanks,\nMark Brown", "the VPN is down. thanks, mark brown")]
    [InlineData("The VPN is down. Thanks in Leeds", "the VPN is down. thanks in leeds")]
    [InlineData("The VPN is down. Thanks in advance for fixing it", "the VPN is down. thanks in advance for fixing it")]
    [InlineData("The VPN is down.\nThanks,\nJOHN SMITH", "the VPN is down. thanks, john smith")]
    [InlineData("Thanks, McDonald", "thanks, McDonald")]
    [InlineData("The VPN is down. Thanks Guys", "the VPN is down. thanks guys")]
    [InlineData("The VPN is down. Thanks, Sir", "the VPN is down. thanks, sir")]
    [InlineData("The VPN is down. Cheers, Mate!", "the VPN is down. cheers, mate")]
    [InlineData("The VPN is down. Regards, Management", "the VPN is down. regards, management")]
    [InlineData("You idiots Thanks McDonald", "thanks McDonald")]
    [InlineData("I entered my PIN 3 times", "i entered my PIN 3 times")]
    [InlineData("I am Very Upset About This", "i am upset about this")]
    [InlineData("I AM SO ANGRY AND TIRED OF THIS", "i am so angry and tired of this")]
    [InlineData("I am Wells Fargo customer since 2010", "i am wells fargo customer since 2010")]
    [InlineData("Am Jane Doe", "am jane doe")]
    [InlineData("The social security office 123456789", "the social security office [account]")]
    public void Normalize_OrdinaryText_IsNotMasked(string text, string canonical)
    {
        Assert.Equal(canonical, Normalizer.Normalize(text).CanonicalText);
        Assert.Equal(canonical, Normalizer.Normalize(canonical).CanonicalText);
    }

    [Theory]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("GB82WEST12345698765433", false)]
    [InlineData("DE89370400440532013000", true)]
    public void TryLetterStart_IbanCheckDigits_AreVerified(string iban, bool valid) =>
        Assert.Equal(valid, PersonalData.TryLetterStart(iban, 0, out _, out var placeholder) && placeholder == PersonalData.Iban);

    private static readonly Lexicons Lexicon = new(new NormalizationOptions());

    private static readonly string[] Syllables = ["ka", "ri", "to", "lan", "mi", "zor", "vel", "dra", "shi", "nu", "pe", "quo", "bex", "yor", "tam", "ish"];

    /// <summary>A made-up name word no lexicon knows (so neither an ordinary word, a system nor a cue), capitalised.</summary>
    private static Gen<string> NameWord =>
        Gen.Elements(Syllables).ArrayOf(2).Zip(Gen.Choose(0, 1).SelectMany(n => Gen.Elements(Syllables).ArrayOf(n)))
            .Select(p => string.Concat(p.Item1.Concat(p.Item2)))
            .Where(w => Lexicon.FlagsOf(w) == Lexicons.WordFlags.None)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);

    private static readonly string[] Bodies =
    [
        "The VPN is down again.", "Outlook crashes every morning with error 0x80070005.", "I have called three times and nobody answers!",
        "Please fix the printer on floor 2.", "Ticket 123456789 is still open after 3 days?",
    ];

    private static readonly string[] Closings =
        ["Regards", "Kind regards", "Best regards", "Best", "Best wishes", "Thanks", "Thank you", "Many thanks", "Sincerely", "Yours sincerely", "Cheers", "Respectfully"];

    private static readonly string[] ClosingGaps = [",\n", "\n", ", ", ",\n\n", "!\n", " ", "!!! ", " so much, ", " again,\n"];

    private static readonly string[] Tails = ["", "\nIT Manager", ", IT Manager, Acme Ltd", "\nService Desk Lead\n07700 900461", ".", "\n\nSent with care"];

    /// <summary>
    /// A complaint signed with a made-up name (one to three words, an initial among them or not; its first name also in
    /// the body or not) never shows any word of the name in its canonical text or a fact value, and the canonical text
    /// normalized again is unchanged.
    /// </summary>
    [Property(MaxTest = 400)]
    public Property Normalize_SignedComplaint_NeverShowsTheName() =>
        Prop.ForAll(
            (from body in Gen.Choose(1, 3).SelectMany(n => Gen.Elements(Bodies).ArrayOf(n))
             from first in NameWord
             from middle in Gen.OneOf(Gen.Constant(""), Gen.Constant("Q. "), NameWord.Select(w => w + " "))
             from last in Gen.OneOf(Gen.Constant(""), NameWord.Select(w => " " + w))
             from closing in Gen.Elements(Closings)
             from gap in Gen.Elements(ClosingGaps)
             from tail in Gen.Elements(Tails)
             from mention in Gen.Elements(true, false)
             let name = (first + " " + (last.Length == 0 && middle == "Q. " ? "" : middle) + last.TrimStart()).Trim()
             select (Text: string.Join(' ', body) + (mention ? $" Please ask {first.ToLowerInvariant()} to call me." : "") + "\n" + closing + gap + name + tail,
                     Words: name.Split(' ').Where(w => w.Length > 2).ToArray())).ToArbitrary(),
            sample =>
            {
                var record = Normalizer.Normalize(sample.Text);
                var shown = sample.Words.Where(w => System.Text.RegularExpressions.Regex.IsMatch(record.CanonicalText, $@"\b{w}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                    || record.Facts.Any(f => f.Value.Contains(w, StringComparison.OrdinalIgnoreCase))).ToArray();
                var again = Normalizer.Normalize(record.CanonicalText).CanonicalText;
                return (shown.Length == 0 && again == record.CanonicalText).Label($"{sample.Text} -> {record.CanonicalText} -> {again}");
            });
}
