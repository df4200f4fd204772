using ServiceQuality.Normalization;
using ServiceQuality.Testing;

namespace ServiceQuality.Samples.PropertyTests;

/// <summary>The host's lexicon: its own profanity, insult and system name, checked with the kit's normalization laws.</summary>
public class HostLexiconTests
{
    public static NormalizationOptions HostOptions()
    {
        var options = new NormalizationOptions();
        options.Profanity.Add("frick");
        options.Insults.Add("muppets");
        options.Systems.Add("Payroll Portal");
        return options;
    }

    [Fact]
    public void HostLexicon_KeepsTheNormalizationLaws() =>
        new NormalizerLaws(HostOptions(), ToneEdits.WordLevel).CheckAll();
}
