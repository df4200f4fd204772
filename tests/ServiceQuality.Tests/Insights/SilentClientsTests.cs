using ServiceQuality.Insights;

namespace ServiceQuality.Tests.Insights;

public sealed class SilentClientsTests
{
    [Fact]
    public void Assess_FlagsSilenceAgainstOwnBaseline()
    {
        // 24 contacts in 12 weeks = 2 a week; 3 quiet weeks: λ = 6, P(X ≤ 0) = e⁻⁶ = 0.0024787521766663585.
        var silent = SilentClients.Assess(new ClientActivity { BaselineEvents = 24, BaselineDuration = TimeSpan.FromDays(84), RecentEvents = 0, RecentDuration = TimeSpan.FromDays(21) });
        Assert.Equal(6, silent.Expected, 12);
        Assert.Equal(0.0024787521766663585, silent.Probability, 15);
        Assert.True(silent.IsSilent);

        // 4 contacts in those 3 weeks: P(X ≤ 4; 6) = 0.2850565003166312 (Python 3.11) — not unusual.
        var quieter = SilentClients.Assess(new ClientActivity { BaselineEvents = 24, BaselineDuration = TimeSpan.FromDays(84), RecentEvents = 4, RecentDuration = TimeSpan.FromDays(21) });
        Assert.Equal(0.2850565003166312, quieter.Probability, 13);
        Assert.False(quieter.IsSilent);

        // Too little history to judge.
        var newClient = SilentClients.Assess(new ClientActivity { BaselineEvents = 2, BaselineDuration = TimeSpan.FromDays(7), RecentEvents = 0, RecentDuration = TimeSpan.FromDays(30) });
        Assert.False(newClient.HasEnoughHistory);
        Assert.False(newClient.IsSilent);
    }
}
