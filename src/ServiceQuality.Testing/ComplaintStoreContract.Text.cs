using ServiceQuality.Complaints;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>Unicode text, stored exactly or refused, never silently changed.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>Text that trips stores up: every plane, combining marks, ZWJ sequences, right-to-left, NUL and other controls, a BOM, noncharacters, quotes and markup.</summary>
    protected const string AwkwardText =
        "Naïve café — 日本語のテキスト — עברית ומספרים 123 — 👩‍👩‍👧‍👦 family — e\u0301 combining — \u0000NUL \u0001\u001F\u007F controls — "
        + "\uFEFF BOM — \uFFFE\uFFFF noncharacters — \U0010FFFF last — 𝕸𝖆𝖙𝖍 — tab\t newline\n return\r — \"quotes\" 'single' \\backslash — <b>&amp;</b> — \u2028\u2029 separators";

    /// <summary>Identifiers, texts and the client's words in any script, with awkward characters and 100,000 characters long, come back exactly (ordinal equality), from reads, queries and the feed.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task UnicodeText_EveryKindOfCharacter_RoundTripsExactly()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        const string Id = "Ü-😀-עב-1", Client = "клиент-🌍";
        string longText = string.Concat(Enumerable.Repeat(AwkwardText, 100_000 / AwkwardText.Length + 1))[..100_000];
        var c = service.Lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = Id, ClientId = Client, Segment = ClientSegment.External, Channel = ContactChannel.Chat, Priority = Priority.Normal, Text = AwkwardText, Actor = "agent-日本" });
        c.Acknowledge("日本", ContactChannel.Chat, longText).EnsureAccepted();
        c.StartInvestigating("日本").EnsureAccepted();
        c.Apologize("日本", ContactChannel.Chat, "申し訳ありません 🙇").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Chat, [AwkwardText, "😀"]).EnsureAccepted();
        await SaveAsync(store, c, s => s with { IncidentKey = "INC-🔥-日本", Agent = "Zoë 😀" });

        var read = await store.ReadAsync(Id);

        Assert.Equal(c.History, read);
        Assert.Equal(AwkwardText, ((ComplaintReceived)read[0]).Text, StringComparer.Ordinal);
        Assert.Equal(longText, ((ComplaintAcknowledged)read[1]).Thanks, StringComparer.Ordinal);
        Assert.Equal("agent-日本", read[0].Actor, StringComparer.Ordinal);
        var summary = Assert.Single((await store.QueryAsync(ComplaintQuery.ByClient(Client))).Items);
        Assert.Equal((Id, Client, "INC-🔥-日本", "Zoë 😀"), (summary.ComplaintId, summary.ClientId, summary.IncidentKey, summary.Agent));
        Assert.Equal([Id], (await store.QueryAsync(ComplaintQuery.ByIncidentKey("INC-🔥-日本"))).Items.Select(i => i.ComplaintId));
        Assert.Equal(c.History, (await ReadWholeFeedAsync(store, c.History.Count)).Select(e => e.Event));
    }

    /// <summary>
    /// A lone surrogate (half of a character) is refused at intake with an <see cref="ArgumentException"/> that says
    /// where; an event built by hand with one is either refused by the store with an <see cref="ArgumentException"/>
    /// (nothing stored) or stored exactly — never replaced by U+FFFD.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task UnicodeText_LoneSurrogate_RefusedAtIntakeAndNeverReplaced()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);

        var intake = Assert.Throws<ArgumentException>("request.Text", () =>
            service.Lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "LS-1", ClientId = "ann", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "broken \uD83D emoji", Actor = "desk" }));
        Assert.StartsWith("The text has a lone surrogate U+D83D at index 7", intake.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>("request.Text", async () =>
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "LS-1", ClientId = "ann", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "\uDE00 first", Actor = "desk" }));
        var valid = Receive(service.Lifecycle, "LS-2");
        Assert.Throws<ArgumentException>("update", () => valid.PostUpdate("ann", ContactChannel.Email, "tail \uD800"));
        Assert.Throws<ArgumentException>("request.ClientId", () => service.Lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "LS-3", ClientId = "ann\uDFFF", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "ok", Actor = "desk" }));
        Assert.Empty(await store.ReadAsync("LS-1"));

        // No public API makes an event with a lone surrogate any more (events are the core's own, and JSON cannot carry
        // one); a corrupted event can still reach a store by reflection or a host's bug, so set one that way.
        var handMade = (ComplaintReceived)ComplaintEventSerializer.Deserialize(ComplaintEventSerializer.Serialize(valid.History[0]));
        typeof(ComplaintReceived).GetProperty(nameof(ComplaintReceived.Text))!.SetValue(handMade, "a\uD800b");
        var append = new ComplaintAppend(0, [handMade], ComplaintStreamInfo.Of(valid));
        try
        {
            await store.AppendAsync(append);
        }
        catch (ArgumentException)
        {
            Assert.Empty(await store.ReadAsync("LS-2"));
            Assert.Null(await store.GetSummaryAsync("LS-2"));
            return;
        }

        Assert.Equal("a\uD800b", Assert.IsType<ComplaintReceived>(Assert.Single(await store.ReadAsync("LS-2"))).Text, StringComparer.Ordinal);
    }
}
