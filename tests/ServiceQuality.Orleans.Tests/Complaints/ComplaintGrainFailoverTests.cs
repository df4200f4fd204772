using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Orleans.Tests.Complaints;

/// <summary>
/// Three silos, eight clients sending 1,000 commands each over 64 complaints, and one silo stopped half-way: the grains
/// on it move to the survivors, rebuilt from the shared store. Every accepted command is stored exactly once, at the
/// version its reply named; versions stay contiguous; nothing the clients did not send is stored. Then the clock (the
/// complaints' and the reminders', a <see cref="FakeTimeProvider"/>) moves three days on: every complaint's SLA reminder
/// fires on the two survivors, and each clock's at-risk and breach is recorded exactly once.
/// </summary>
public sealed class ComplaintGrainFailoverTests
{
    private const int Clients = 8;
    private const int CommandsPerClient = 1_000;
    private const int Complaints = 64;

    [Fact]
    public async Task ExecuteAsync_SiloStoppedMidRun_EveryAcceptedCommandStoredExactlyOnceAndAlertsRecordedOnce()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(t0);
        var (cluster, store) = await TestClusters.StartAsync(3, time);
        try
        {
            var ids = Enumerable.Range(0, Complaints).Select(i => $"F-{i:D3}").ToArray();
            foreach (string id in ids)
            {
                Assert.True((await cluster.GrainFactory.GetGrain<IComplaintGrain>(id).ReceiveAsync(
                    new ComplaintIntake { ClientId = $"client-{id}", Segment = ClientSegment.Internal, Channel = ContactChannel.Web, Priority = Priority.Normal, Text = "Printer jams on every job.", Actor = "desk" })).IsCreated);
            }

            var accepted = new ConcurrentDictionary<string, (string ComplaintId, long Version)>();
            var acknowledgedAt = new ConcurrentDictionary<string, long>();
            var unknown = new ConcurrentBag<string>();
            int refused = 0;
            int done = 0;
            var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stopper = Task.Run(async () =>
            {
                await halfway.Task;
                await cluster.StopSiloAsync(cluster.SecondarySilos[0]);
            });

            var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var random = new Random(client);
                for (int n = 0; n < CommandsPerClient; n++)
                {
                    string id = ids[random.Next(Complaints)];
                    var grain = cluster.GrainFactory.GetGrain<IComplaintGrain>(id);
                    string tag = $"c{client}-n{n}";
                    bool acknowledge = n % 10 == 0;
                    try
                    {
                        var reply = acknowledge
                            ? await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = tag, Channel = ContactChannel.Web, Thanks = "Thank you for telling us." })
                            : await grain.ExecuteAsync(ComplaintCommand.AddInformation, new() { Actor = tag, Information = tag });
                        if (reply.IsAccepted)
                        {
                            Assert.True(accepted.TryAdd(tag, (id, reply.Event!.Version)));
                            if (acknowledge)
                            {
                                Assert.True(acknowledgedAt.TryAdd(id, reply.Event.Version), $"{id} acknowledged twice");
                            }
                        }
                        else
                        {
                            Assert.True(acknowledge, $"{tag}: AddInformation refused: {reply.Refusal?.Message}");
                            Interlocked.Increment(ref refused);
                        }
                    }
                    catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                    {
                        unknown.Add(tag);          // the silo went away with the call: stored at most once
                    }

                    if (Interlocked.Increment(ref done) == Clients * CommandsPerClient / 2)
                    {
                        halfway.SetResult();
                    }
                }
            })).ToArray();
            await Task.WhenAll(clients);
            await stopper;

            Assert.Equal(2, cluster.GetActiveSilos().Count());
            var unknownTags = unknown.ToHashSet();
            int stored = 0;
            foreach (string id in ids)
            {
                var history = await store.ReadAsync(id);
                Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(e => e.Version));
                new ComplaintLifecycle().Replay(history);     // a valid history: replays to the end
                var byActor = history.Skip(1).GroupBy(e => e.Actor).ToDictionary(g => g.Key, g => g.ToList());
                foreach (var (tag, events) in byActor)
                {
                    var e = Assert.Single(events);            // each command stored at most once
                    if (accepted.TryGetValue(tag, out var reply))
                    {
                        Assert.Equal((id, e.Version), reply);  // at the version its reply named
                    }
                    else
                    {
                        Assert.Contains(tag, unknownTags);     // only a call whose reply was lost may be stored unseen
                    }
                }

                Assert.True(history.OfType<ComplaintAcknowledged>().Count() <= 1);
                stored += byActor.Count;

                // The grain (perhaps moved) reports what the store holds.
                var snapshot = await cluster.GrainFactory.GetGrain<IComplaintGrain>(id).GetSnapshotAsync();
                Assert.Equal(history.Count, snapshot!.Version);
            }

            foreach (var (tag, (id, version)) in accepted)
            {
                Assert.Contains((await store.ReadAsync(id)).Where(e => e.Version == version), e => e.Actor == tag);
            }

            Assert.Equal(Clients * CommandsPerClient, accepted.Count + refused + unknown.Count);
            Assert.InRange(stored, accepted.Count, accepted.Count + unknown.Count);
            Assert.True(accepted.Count > Clients * CommandsPerClient * 8 / 10, $"only {accepted.Count} commands accepted ({unknown.Count} lost with the silo)");

            // Reminders fire on the survivors, alerts exactly once. At each checkpoint (the update clock at risk and
            // breached, then the resolve clock's), every clock at risk or breached then has its alert recorded: wait for it.
            var expected = ids.ToDictionary(id => id, _ => new HashSet<(SlaClockKind, SlaStatus, int)>());
            var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), time);
            foreach (var checkpoint in new[] { 13, 25, 37, 73 }.Select(h => t0.AddHours(h)))
            {
                while (time.GetUtcNow() < checkpoint)
                {
                    time.Advance(TimeSpan.FromMinutes(5));     // the reminder service's timers run on this clock
                    await Task.Delay(2);
                }

                foreach (string id in ids)
                {
                    var complaint = lifecycle.Replay(await store.ReadAsync(id));
                    foreach (var clock in complaint.EvaluateSla(checkpoint).Clocks.Where(c => c.Status is SlaStatus.AtRisk or SlaStatus.Breached))
                    {
                        expected[id].Add((clock.Clock, clock.Status, clock.Cycle));
                    }
                }

                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                while (!await AllRecordedAsync() && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }

            int alerts = 0;
            foreach (string id in ids)
            {
                var history = await store.ReadAsync(id);
                Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(e => e.Version));
                var recorded = history.OfType<SlaAlertRecorded>().Select(a => (a.Clock, a.Status, a.Cycle)).ToList();
                Assert.Equal(expected[id].Order(), recorded.Order());     // each once: no duplicate, none missing
                Assert.Contains(recorded, r => r.Clock == SlaClockKind.Resolve && r.Status == SlaStatus.Breached);
                alerts += recorded.Count;
            }

            Assert.True(alerts >= Complaints * 4, $"{alerts} alerts: expected at least the update and resolve clocks' at-risk and breach on each of {Complaints} complaints");
            var handled = TestClusters.AlertHandlerOf(cluster).Alerts;
            Assert.Equal(alerts, handled.Count);                         // handed out once, by the silo that recorded it
            Assert.Equal(handled.Count, handled.Select(a => (a.ComplaintId, a.Version)).Distinct().Count());

            async Task<bool> AllRecordedAsync()
            {
                foreach (string id in ids)
                {
                    var recorded = (await store.ReadAsync(id)).OfType<SlaAlertRecorded>().Select(a => (a.Clock, a.Status, a.Cycle)).ToHashSet();
                    if (!expected[id].IsSubsetOf(recorded))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }
    }
}
