using FsCheck.Xunit;
using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintTextTests
{
    /// <summary>A small alphabet in which lone and paired surrogates are common.</summary>
    private static readonly char[] Alphabet = ['a', 'é', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', '\uE000', '\uFFFD'];

    [Fact]
    public void IndexOfLoneSurrogate_Examples_FindsTheFirstLoneHalf()
    {
        // Built in code: an attribute's string argument is stored as UTF-8, which would replace a lone surrogate.
        (string Text, int Expected)[] examples =
        [
            ("", -1), ("plain ASCII", -1), ("emoji 😀 and 𝕸", -1), ("\uD83D", 0), ("\uDE00", 0), ("ab\uD83Dc", 2), ("😀\uDE00", 2),
            ("😀😀\uD83D", 4), ("\uDE00\uD83D", 0),
        ];

        foreach (var (text, expected) in examples)
        {
            Assert.Equal(expected, ComplaintText.IndexOfLoneSurrogate(text));
            Assert.Equal(expected < 0, ComplaintText.IsWellFormed(text));
        }
    }

    [Property(MaxTest = 500)]
    public void IndexOfLoneSurrogate_MeetsTheDefinition(byte[] picks)
    {
        string text = new([.. (picks ?? []).Select(p => Alphabet[p % Alphabet.Length])]);

        Assert.Equal(Naive(text), ComplaintText.IndexOfLoneSurrogate(text));

        static int Naive(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && (i + 1 == s.Length || !char.IsLowSurrogate(s[i + 1])))
                {
                    return i;
                }

                if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1])))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    [Fact]
    public void ThrowIfInvalid_LoneSurrogate_SaysWhereAndNamesTheParameter()
    {
        var ex = Assert.Throws<ArgumentException>("reply", () => ComplaintText.ThrowIfInvalid("ok \uDC00", "reply"));

        Assert.Equal(
            "The text has a lone surrogate U+DC00 at index 3: it is not well-formed UTF-16 (half of a character, usually from cutting a string inside an emoji), and would not be stored as it was received. Valid: text whose surrogates all come in high-low pairs. (Parameter 'reply')",
            ex.Message);
        Assert.Throws<ArgumentNullException>("reply", () => ComplaintText.ThrowIfInvalid(null, "reply"));
        Assert.Throws<ArgumentException>("reply", () => ComplaintText.ThrowIfInvalid(" ", "reply"));
        ComplaintText.ThrowIfIllFormed(null, "reply");
    }

    [Fact]
    public void Receive_IdentifierWithNul_IsRefusedAtIntake()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();

        var ex = Assert.Throws<ArgumentException>("request.ClientId", () =>
            lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "ann\0", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "text", Actor = "desk" }));

        Assert.StartsWith("The identifier has a U+0000 (NUL) character at index 3", ex.Message, StringComparison.Ordinal);
    }
}
