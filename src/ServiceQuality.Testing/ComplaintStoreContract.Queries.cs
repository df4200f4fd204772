using ServiceQuality.Complaints;
using ServiceQuality.Sla;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>The summaries' queries: by client, by states, received between, by incident key, due by; paging.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>Identifier stems whose UTF-16 order differs from their code point order (an emoji sorts after U+FFFD in code points, before it in UTF-16 units).</summary>
    private static readonly string[] IdStems = ["a", "Z", "é", "日本", "😀", "\uFFFD", "\uE000", "x y", "Ω", "a-b"];

    /// <summary>Each kind of query returns exactly the matching complaints, by time received and then identifier, with their summaries.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task QueryAsync_EachKind_ReturnsTheMatchingComplaintsInOrder()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var lifecycle = service.Lifecycle;
        await SaveAsync(store, Receive(lifecycle, "A", "ann"), s => s with { IncidentKey = "INC-1" });
        clock.Advance(TimeSpan.FromHours(1));
        var b = Receive(lifecycle, "B", "bob");
        clock.Advance(TimeSpan.FromMinutes(30));
        b.Acknowledge("ann", ContactChannel.Phone, "Thanks").EnsureAccepted();
        await SaveAsync(store, b, s => s with { IncidentKey = "INC-2", Agent = "ann" });
        clock.Advance(TimeSpan.FromMinutes(30));
        var d = Receive(lifecycle, "D", "ann");
        var c = Receive(lifecycle, "C", "ann");
        c.Withdraw("ann", ContactChannel.Web, "fixed itself").EnsureAccepted();
        d.Acknowledge("ann", ContactChannel.Phone, "Thanks").EnsureAccepted();
        d.StartInvestigating("ann").EnsureAccepted();
        await SaveAsync(store, c, s => s with { IncidentKey = "INC-1" });
        await SaveAsync(store, d);

        Assert.Equal(["A", "C", "D"], await IdsAsync(store, ComplaintQuery.ByClient("ann")));
        Assert.Equal(["B"], await IdsAsync(store, ComplaintQuery.ByClient("bob")));
        Assert.Empty(await IdsAsync(store, ComplaintQuery.ByClient("nobody")));
        Assert.Equal(["A"], await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Received)));
        Assert.Equal(["B", "D"], await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Engaged)));
        Assert.Equal(["A", "B", "D"], await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Open)));
        Assert.Equal(["A", "C"], await IdsAsync(store, ComplaintQuery.InStates([ComplaintState.Withdrawn, ComplaintState.Received])));
        Assert.Empty(await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Closed)));
        Assert.Equal(["B"], await IdsAsync(store, ComplaintQuery.ReceivedBetween(Start.AddHours(1), Start.AddHours(2))));
        Assert.Equal(["B", "C", "D"], await IdsAsync(store, ComplaintQuery.ReceivedBetween(Start.AddHours(1), Start.AddHours(3))));
        Assert.Equal(["A"], await IdsAsync(store, ComplaintQuery.ReceivedBetween(Start, Start.AddHours(1))));
        Assert.Empty(await IdsAsync(store, ComplaintQuery.ReceivedBetween(Start, Start)));
        Assert.Equal(["A", "C"], await IdsAsync(store, ComplaintQuery.ByIncidentKey("INC-1")));
        Assert.Empty(await IdsAsync(store, ComplaintQuery.ByIncidentKey("INC-3")));
        var bob = Assert.Single((await store.QueryAsync(ComplaintQuery.ByClient("bob"))).Items);
        Assert.Equal(
            new ComplaintStreamInfo
            {
                ComplaintId = "B", ClientId = "bob", State = ComplaintState.Acknowledged, Version = 2, ReceivedAt = Start.AddHours(1),
                LastEventAt = Start.AddHours(1.5), Priority = Priority.Normal, IncidentKey = "INC-2", Agent = "ann",
                NextDue = new ComplaintDue { At = Start.AddHours(13.5), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Update }, // update every day, at risk at half
            },
            bob);
    }

    /// <summary>Paging through each kind of query returns every complaint once, in (time received, identifier in code point order), in pages of at most the limit, the last without a continuation.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task QueryAsync_Paging_EveryComplaintOnceInCodePointOrder()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var expected = new List<(DateTimeOffset At, string Id)>();
        for (int i = 0; i < 60; i++)
        {
            if (i % 10 == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }

            string id = $"{IdStems[i * 7 % IdStems.Length]}-{i % 3}{i}";
            var c = Receive(service.Lifecycle, id, "pager");
            if (i % 4 == 1)
            {
                c.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
            }

            await SaveAsync(store, c, s => s with { IncidentKey = "INC-P" });
            expected.Add((clock.GetUtcNow(), id));
        }

        expected.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : ComplaintQuery.ComplaintIdOrder.Compare(x.Id, y.Id));
        ComplaintQuery[] queries =
        [
            ComplaintQuery.ByClient("pager"), ComplaintQuery.InState(ComplaintState.Open), ComplaintQuery.ReceivedBetween(Start, Start.AddDays(1)),
            ComplaintQuery.ByIncidentKey("INC-P"),
        ];
        foreach (var query in queries)
        {
            var pages = new List<ComplaintPage>();
            for (ComplaintQuery? next = query.WithLimit(7); next is not null;)
            {
                var page = await store.QueryAsync(next);
                pages.Add(page);
                next = page.Continuation is null ? null : next.After(page.Continuation);
            }

            Assert.Equal(9, pages.Count);
            Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Items.Count));
            Assert.Null(pages[^1].Continuation);
            Assert.Equal(expected.Select(e => e.Id), pages.SelectMany(p => p.Items).Select(i => i.ComplaintId));
        }

        // Exactly a page's worth left: no empty page after it.
        var exact = await store.QueryAsync(ComplaintQuery.ByClient("pager").WithLimit(60));
        Assert.Equal((60, null), (exact.Items.Count, exact.Continuation));
    }

    /// <summary>Paging is by (sort key, identifier), so complaints that change meanwhile never make an unchanged one repeat or go missing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task QueryAsync_PagingWhileComplaintsChange_NeverRepeatsOrSkipsAnUnchangedOne()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        for (int i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = $"C-{i:D2}", ClientId = "client", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "slow laptop", Actor = "desk" });
        }

        var seen = new List<string>();
        var withdrawn = new HashSet<string>(StringComparer.Ordinal);
        int added = 0;
        for (ComplaintQuery? next = ComplaintQuery.InState(ComplaintState.Open).WithLimit(4); next is not null;)
        {
            var page = await store.QueryAsync(next);
            seen.AddRange(page.Items.Select(i => i.ComplaintId));

            // Between pages: one already seen is withdrawn, one not yet seen moves to another open state, one is new.
            var seenOpen = page.Items.Select(i => i.ComplaintId).FirstOrDefault(id => !withdrawn.Contains(id));
            if (seenOpen is not null)
            {
                await service.ExecuteAsync(seenOpen, c => c.Withdraw("client", ContactChannel.Email, "never mind"));
                withdrawn.Add(seenOpen);
            }

            var ahead = $"C-{Math.Min(29, seen.Count + 2):D2}";
            if (!seen.Contains(ahead) && (await store.GetSummaryAsync(ahead))!.State == ComplaintState.Received)
            {
                await service.ExecuteAsync(ahead, c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"));
            }

            clock.Advance(TimeSpan.FromSeconds(1));
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = $"N-{added++:D2}", ClientId = "client", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "new", Actor = "desk" });
            next = page.Continuation is null ? null : next.After(page.Continuation);
        }

        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"C-{i:D2}"), seen.Where(id => id.StartsWith("C-", StringComparison.Ordinal)));
    }

    /// <summary>The summary follows every append: a complaint leaves one state's results and joins another's.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task QueryAsync_AfterAnAppend_TheSummaryFollows()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "ann", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN down", Actor = "desk" });
        Assert.Equal(["C-1"], await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Received)));
        clock.Advance(TimeSpan.FromMinutes(3));

        await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"));

        Assert.Empty(await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Received)));
        Assert.Equal(["C-1"], await IdsAsync(store, ComplaintQuery.InState(ComplaintState.Acknowledged)));
        var summary = (await store.GetSummaryAsync("C-1"))!;
        Assert.Equal((ComplaintState.Acknowledged, 2L, Start.AddMinutes(3), Priority.High), (summary.State, summary.Version, summary.LastEventAt, summary.Priority));
    }

    /// <summary>
    /// "What is due by T" returns the complaints whose next due time is at or before T, by due time then identifier,
    /// with what is due; it follows each append (due times that move or clear), and pages like the other queries.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task QueryAsync_DueBy_ReturnsWhatIsDueInDueOrderAndFollowsAppends()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var dues = new (string Id, ComplaintDue? Due)[]
        {
            ("D-5", new ComplaintDue { At = Start.AddHours(5), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Resolve }),
            ("D-1", new ComplaintDue { At = Start.AddHours(1), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge }),
            ("D-3b", new ComplaintDue { At = Start.AddHours(3), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Update }),
            ("D-3a", new ComplaintDue { At = Start.AddHours(3), Kind = ComplaintDueKind.AutoClose }),
            ("D-none", null),
            ("D-2", new ComplaintDue { At = Start.AddHours(2), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Acknowledge }),
        };
        var stored = new Dictionary<string, Complaint>(StringComparer.Ordinal);
        foreach (var (id, due) in dues)
        {
            stored[id] = await SaveAsync(store, Receive(service.Lifecycle, id), s => s with { NextDue = due });
        }

        Assert.Equal(["D-1", "D-2", "D-3a", "D-3b"], await IdsAsync(store, ComplaintQuery.DueBy(Start.AddHours(3))));
        Assert.Equal(["D-1"], await IdsAsync(store, ComplaintQuery.DueBy(Start.AddHours(1))));
        Assert.Empty(await IdsAsync(store, ComplaintQuery.DueBy(Start.AddMinutes(59))));
        Assert.Equal(["D-1", "D-2", "D-3a", "D-3b", "D-5"], await IdsAsync(store, ComplaintQuery.DueBy(DateTimeOffset.MaxValue)));
        var first = (await store.QueryAsync(ComplaintQuery.DueBy(Start.AddHours(3)).WithLimit(3))).Items;
        Assert.Equal(
            [new ComplaintDue { At = Start.AddHours(1), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge }, new ComplaintDue { At = Start.AddHours(2), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Acknowledge }, new ComplaintDue { At = Start.AddHours(3), Kind = ComplaintDueKind.AutoClose }],
            first.Select(i => i.NextDue!.Value));

        // The monitor handles D-1 (nothing more due) and D-2 (due again later): they leave or move.
        var d1 = stored["D-1"];
        d1.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        await SaveAsync(store, d1, s => s with { NextDue = null });
        var d2 = stored["D-2"];
        d2.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        await SaveAsync(store, d2, s => s with { NextDue = new ComplaintDue { At = Start.AddHours(4), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Update } });

        Assert.Equal(["D-3a", "D-3b"], await IdsAsync(store, ComplaintQuery.DueBy(Start.AddHours(3))));
        Assert.Equal(["D-3a", "D-3b", "D-2", "D-5"], await IdsAsync(store, ComplaintQuery.DueBy(Start.AddHours(6)), pageSize: 1));
    }

    private static async Task<List<string>> IdsAsync(IComplaintStore store, ComplaintQuery query, int pageSize = 2) =>
        [.. (await ToListAsync(store.QueryAllAsync(query.WithLimit(pageSize)))).Select(i => i.ComplaintId)];
}
