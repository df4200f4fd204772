using System.Reflection;
using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintEventErasureTests
{
    /// <summary>The seed process's event types, with every free text set to a recognisable value (ComplaintEventTests covers every event type).</summary>
    private static List<ComplaintEvent> OneOfEachType()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);
        c.Acknowledge("ann", ContactChannel.Email, "secret thanks").EnsureAccepted();
        c.StartInvestigating("ann").EnsureAccepted();
        c.AddInformation("ann", "secret info").EnsureAccepted();
        c.RequestInformation("ann", ContactChannel.Email, "secret question").EnsureAccepted();
        c.RecordClientResponse("client", ContactChannel.Email, "secret response").EnsureAccepted();
        c.Apologize("ann", ContactChannel.Email, "secret apology").EnsureAccepted();
        c.PostUpdate("ann", ContactChannel.Email, "secret update").EnsureAccepted();
        c.Escalate("lead", 1, "secret escalation").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Email, ["secret option 1", "secret option 2"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Email, "secret action", time.GetUtcNow().AddDays(1)).EnsureAccepted();
        c.DeliverFix("bob", ContactChannel.Email, "secret fix").EnsureAccepted();
        c.RecordClientRejection("client", ContactChannel.Email, "secret rejection").EnsureAccepted();
        c.Withdraw("client", ContactChannel.Email, "secret withdrawal").EnsureAccepted();
        var events = c.History.ToList();
        var (time2, lifecycle2) = ComplaintTestKit.Create();
        var d = ComplaintTestKit.InState(lifecycle2, ComplaintState.Closed);
        d.Reopen("client", ContactChannel.Phone, "secret reopen").EnsureAccepted();
        d.OfferHelp("ann", ContactChannel.Email, ["secret option"]).EnsureAccepted();
        d.Commit("ann", ContactChannel.Email, "secret action", time2.GetUtcNow().AddDays(1)).EnsureAccepted();
        d.DeliverFix("bob", ContactChannel.Email, "secret fix").EnsureAccepted();
        time2.Advance(TimeSpan.FromDays(8));
        d.AutoClose("system").EnsureAccepted();
        events.AddRange(d.History.Where(e => e is ComplaintAutoClosed or ComplaintReopened or ClientConfirmedFix));
        return events;
    }

    [Fact]
    public void WithPersonalDataErased_SeedProcessEvents_ReplacesEveryTextKeepsEveryFact()
    {
        var events = OneOfEachType();
        Assert.Equal(17, events.Select(e => ComplaintEventSerializer.Serialize(e)).Select(TypeOf).Distinct().Count());

        foreach (var e in events)
        {
            var erased = e.WithPersonalDataErased();
            string json = ComplaintEventSerializer.Serialize(erased);
            Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
            Assert.DoesNotContain("VPN drops", json, StringComparison.Ordinal); // the words go; the facts ("VPN" the system) stay
            Assert.Equal(e.GetType(), erased.GetType());
            Assert.Equal((e.ComplaintId, e.Version, e.At, e.Actor, e.Channel, e.State, e.DefinitionVersion), (erased.ComplaintId, erased.Version, erased.At, erased.Actor, erased.Channel, erased.State, erased.DefinitionVersion));
            Assert.Equal(erased, erased.WithPersonalDataErased());
            foreach (var property in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == e.GetType()))
            {
                object? before = property.GetValue(e), after = property.GetValue(erased);
                if (before is string text)
                {
                    Assert.Equal(text.Contains("secret", StringComparison.Ordinal) || text.Contains("VPN", StringComparison.Ordinal) ? ComplaintEvent.ErasedText : text, after);
                }
                else if (before is NormalizedRecord record)
                {
                    Assert.Equal(record with { CanonicalText = ComplaintEvent.ErasedText }, after);
                }
                else if (before is IReadOnlyList<string> list)
                {
                    Assert.Equal(list.Select(_ => ComplaintEvent.ErasedText), (IReadOnlyList<string>)after!);
                }
                else
                {
                    Assert.Equal(before, after);
                }
            }
        }

        var received = Assert.IsType<ComplaintReceived>(events[0].WithPersonalDataErased());
        Assert.Equal(("client-7", ComplaintEvent.ErasedText), (received.ClientId, received.Text));
        Assert.Same(events[2], events[2].WithPersonalDataErased()); // InvestigationStarted holds no text

        static string TypeOf(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("type").GetString()!;
    }

    [Fact]
    public void Serialize_LoneSurrogateInAHandMadeEvent_IsRefusedNotReplaced()
    {
        var e = (ComplaintReceived)ComplaintTestKit.Receive(ComplaintTestKit.Create().Lifecycle).History[0] with { Text = "a\uD800b" };

        var ex = Assert.Throws<ArgumentException>(() => ComplaintEventSerializer.Serialize(e));

        Assert.StartsWith("The text has a lone surrogate U+D800 at index 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("a😀b", ((ComplaintReceived)ComplaintEventSerializer.Deserialize(ComplaintEventSerializer.Serialize(e with { Text = "a😀b" }))).Text);
    }
}
