using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Insights;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Orleans.Tests.Serialization;

/// <summary>
/// Every type that crosses a grain boundary, through the serializer and the copier of a real cluster client (the same
/// codecs the silos use): what comes out equals what went in.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SurrogatesTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    private DeepCopier Copier => fixture.Cluster.Client.ServiceProvider.GetRequiredService<DeepCopier>();

    [Fact]
    public void ComplaintEvent_EveryEventType_RoundTripsAsTheSameEvent()
    {
        var history = EveryEventType();
        Assert.Equal(ComplaintEventSerializer.KnownTypes.Count, history.Select(e => e.GetType()).Distinct().Count());

        foreach (var e in history)
        {
            var copy = RoundTrip(e);
            Assert.IsType(e.GetType(), copy);
            Assert.Equal(ComplaintEventSerializer.Serialize(e), ComplaintEventSerializer.Serialize(copy));
            Assert.Same(e, Copier.Copy(e));                  // immutable once stamped: shared, not copied, within a silo
        }

        var all = RoundTrip(history.ToArray());
        Assert.Equal(ComplaintEventSerializer.SerializeHistory(history), ComplaintEventSerializer.SerializeHistory(all));
    }

    [Fact]
    public void ComplaintSnapshot_AfterAFullHistory_RoundTripsEqual()
    {
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), new FakeTimeProvider(Start));
        var snapshot = lifecycle.Replay(EveryEventType()).Snapshot;

        Assert.Equal(snapshot, RoundTrip(snapshot));
        Assert.Equal(snapshot, RoundTrip<ComplaintSnapshot?>(snapshot));
        Assert.Null(RoundTrip<ComplaintSnapshot?>(null));
    }

    [Fact]
    public void ComplaintSnapshot_EveryFieldSet_RoundTripsEqualFieldByField()
    {
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), new FakeTimeProvider(Start));
        var folded = lifecycle.Replay(EveryEventType()).Snapshot;
        // The fold ends withdrawn (no hold, no open commitment): the fields it leaves unset are set here, so every one
        // crosses. Only the core makes snapshots, so they are set in its own JSON of the snapshot and read back by it.
        var json = JsonNode.Parse(ComplaintEventSerializer.SerializeSnapshot(folded))!.AsObject();
        json["holdReason"] = SlaPauseReasons.AwaitingThirdParty;
        json["heldSince"] = JsonValue.Create(Start.AddDays(3).ToOffset(TimeSpan.FromHours(1)));
        json["committedAction"] ??= "Replace the switch";
        json["commitmentDueAt"] ??= JsonValue.Create(Start.AddDays(4));
        json["resolvedAt"] ??= JsonValue.Create(Start.AddDays(5));
        json["closedAt"] ??= JsonValue.Create(Start.AddDays(6));
        json["acknowledgedAt"] ??= JsonValue.Create(Start.AddHours(1));
        json["lastClientContactAt"] ??= JsonValue.Create(Start.AddDays(7));
        var snapshot = ComplaintEventSerializer.DeserializeSnapshot(json.ToJsonString());
        Assert.Equal((SlaPauseReasons.AwaitingThirdParty, Start.AddDays(3)), (snapshot.HoldReason, snapshot.HeldSince));
        var properties = typeof(ComplaintSnapshot).GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToArray();
        foreach (var property in properties)
        {
            var value = property.GetValue(snapshot);
            Assert.False(IsUnset(value), $"ComplaintSnapshot.{property.Name} is unset in the sample: the round trip would not check it.");
        }

        var normalized = snapshot.Normalized!;
        Assert.NotEmpty(normalized.Facts);
        Assert.NotEmpty(normalized.Areas);
        Assert.NotEmpty(normalized.ToneSignals);

        var copy = RoundTrip(snapshot);

        Assert.Equal(snapshot, copy);
        foreach (var property in properties)
        {
            var expected = property.GetValue(snapshot);
            var actual = property.GetValue(copy);
            if (expected is System.Collections.IEnumerable items and not string)
            {
                Assert.Equal(items.Cast<object>(), ((System.Collections.IEnumerable)actual!).Cast<object>());
            }
            else
            {
                Assert.Equal(expected, actual);
            }
        }

        Assert.Equal(TimeSpan.FromHours(1), copy.HeldSince!.Value.Offset);
        Assert.Equal(normalized.CanonicalText, copy.Normalized!.CanonicalText);
        Assert.Equal(normalized.Facts, copy.Normalized.Facts);
        Assert.Equal(normalized.Areas, copy.Normalized.Areas);
        Assert.Equal(normalized.ToneSignals.OrderBy(p => p.Key, StringComparer.Ordinal), copy.Normalized.ToneSignals.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal((normalized.Impact, normalized.IsRecurring, normalized.StatedOccurrences, normalized.IncidentKey, normalized.Fingerprint),
            (copy.Normalized.Impact, copy.Normalized.IsRecurring, copy.Normalized.StatedOccurrences, copy.Normalized.IncidentKey, copy.Normalized.Fingerprint));
        Assert.Equal(snapshot.SlaAlerts, copy.SlaAlerts);
        Assert.Equal(snapshot, Copier.Copy(snapshot));
    }

    /// <summary>A value that compares by content: events and refusals (reference types without value equality) as the core's JSON of them.</summary>
    private static object? Comparable(object? value) => value switch
    {
        ComplaintEvent e => ComplaintEventSerializer.Serialize(e),
        CommandRefusal r => ComplaintEventSerializer.SerializeRefusal(r),
        _ => value,
    };

    private static bool IsUnset(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        System.Collections.IEnumerable items => !items.Cast<object>().Any(),
        ValueType => value.Equals(Activator.CreateInstance(value.GetType())),
        _ => false,
    };

    [Fact]
    public void ComplaintCommandArguments_EveryField_RoundTripsEqual()
    {
        var arguments = new ComplaintCommandArguments
        {
            Actor = "ann", Channel = ContactChannel.Chat, Text = "t", Thanks = "thanks", Information = "info", Question = "q", Response = "r",
            Apology = "sorry", Update = "u", Resolution = "fixed", Reason = "why", Options = ["a", "b"], Action = "act", DueAt = Start.AddDays(2).ToOffset(TimeSpan.FromHours(2)),
            Level = 2, Agent = "agent-1", Team = "network", Priority = Priority.Critical, PauseReason = SlaPauseReasons.ScheduledChange, Note = "n",
            ProblemId = "PRB-1", SurveyResponseId = "S-1", AddTags = ["vpn", "urgent"], RemoveTags = ["old"],
            SetMetadata = new Dictionary<string, string> { ["site"] = "Hull", ["floor"] = "3" }, RemoveMetadata = ["desk"],
            Clock = SlaClockKind.Update, Status = SlaStatus.Breached,
        };
        var properties = typeof(ComplaintCommandArguments).GetProperties();
        foreach (var property in properties)
        {
            Assert.False(IsUnset(property.GetValue(arguments)), $"ComplaintCommandArguments.{property.Name} is unset in the sample: the round trip would not check it.");
        }

        var copy = RoundTrip(arguments);

        var collections = new[] { nameof(arguments.Options), nameof(arguments.AddTags), nameof(arguments.RemoveTags), nameof(arguments.SetMetadata), nameof(arguments.RemoveMetadata) };
        var scalars = properties.Where(p => !collections.Contains(p.Name)).ToArray();
        Assert.Equal(scalars.Select(p => p.GetValue(arguments)), scalars.Select(p => p.GetValue(copy)));
        Assert.Equal(["a", "b"], copy.Options);
        Assert.Equal(["vpn", "urgent"], copy.AddTags);
        Assert.Equal(["old"], copy.RemoveTags);
        Assert.Equal(["desk"], copy.RemoveMetadata);
        Assert.Equal([new("floor", "3"), new KeyValuePair<string, string>("site", "Hull")], copy.SetMetadata!.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromHours(2), copy.DueAt!.Value.Offset);
        var sparse = RoundTrip(new ComplaintCommandArguments { Actor = "bob" });
        Assert.Equal(new ComplaintCommandArguments { Actor = "bob" }, sparse);
    }

    [Fact]
    public void ComplaintCommandReply_AcceptedAndRefused_RoundTripEqual()
    {
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), new FakeTimeProvider(Start));
        var complaint = lifecycle.Receive(Request("C-1", "client-1", ClientSegment.External, ContactChannel.Email, Priority.Low, "Slow laptop."));
        var accepted = complaint.Acknowledge("ann", ContactChannel.Email, "Thanks.");
        var refused = complaint.Commit("ann", ContactChannel.Email, "Replace it", Start.AddDays(1));
        var acceptedReply = new ComplaintCommandReply("C-1", accepted.Event, null, complaint.Snapshot, 1);
        var refusedReply = new ComplaintCommandReply("C-1", null, refused.Refusal, complaint.Snapshot, 3);

        var acceptedCopy = RoundTrip(acceptedReply);
        var refusedCopy = RoundTrip(refusedReply);

        Assert.Equal(ComplaintEventSerializer.Serialize(accepted.Event!), ComplaintEventSerializer.Serialize(acceptedCopy.Event!));
        // Every property crosses (checked by reflection, so a field added later without a wire form fails here), and
        // each is set in one of the two replies.
        foreach (var property in typeof(ComplaintCommandReply).GetProperties())
        {
            Assert.False(IsUnset(property.GetValue(acceptedReply)) && IsUnset(property.GetValue(refusedReply)), $"ComplaintCommandReply.{property.Name} is unset in both samples: the round trip would not check it.");
            foreach (var (sent, received) in new[] { (acceptedReply, acceptedCopy), (refusedReply, refusedCopy) })
            {
                Assert.Equal(Comparable(property.GetValue(sent)), Comparable(property.GetValue(received)));
            }
        }

        var refusal = refusedCopy.Refusal!;
        Assert.Equal(ComplaintState.Acknowledged, refusal.State);
        Assert.Equal(ComplaintCommand.Commit, refusal.Command);
        Assert.Equal(CommandRefusalReason.NotPermitted, refusal.Reason);
        Assert.Equal(refused.Refusal!.AllowedCommands, refusal.AllowedCommands);
        Assert.Equal(refused.Refusal.UnmetConditions, refusal.UnmetConditions);
        Assert.Equal(refused.Message, refusal.Message);
        Assert.Equal(3, refusedCopy.Attempts);
        Assert.Equal(complaint.Snapshot, refusedCopy.Complaint);
    }

    [Fact]
    public void ComplaintConcurrencyException_FromAStoreOrAMessage_RoundTripsAsItselfWithItsFields()
    {
        ComplaintConcurrencyException thrown;
        try
        {
            throw new ComplaintConcurrencyException("C-1", 4, 5);
        }
        catch (ComplaintConcurrencyException ex)
        {
            thrown = ex;
        }

        var inner = new InvalidOperationException("The connection broke.");
        foreach (var original in new[] { thrown, new ComplaintConcurrencyException("Changed elsewhere."), new ComplaintConcurrencyException("Changed elsewhere.", inner) })
        {
            foreach (var copy in new[] { RoundTrip(original), RoundTrip<Exception>(original), Copier.Copy(original) })
            {
                var back = Assert.IsType<ComplaintConcurrencyException>(copy);
                Assert.Equal((original.ComplaintId, original.ExpectedVersion, original.ActualVersion, original.Message), (back.ComplaintId, back.ExpectedVersion, back.ActualVersion, back.Message));
                Assert.Equal((original.InnerException?.GetType(), original.InnerException?.Message), (back.InnerException?.GetType(), back.InnerException?.Message));
            }
        }

        Assert.Equal(("C-1", 4L, 5L), (thrown.ComplaintId, thrown.ExpectedVersion, thrown.ActualVersion));
        Assert.Contains(nameof(ComplaintConcurrencyException_FromAStoreOrAMessage_RoundTripsAsItselfWithItsFields), RoundTrip(thrown).StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void ComplaintIntakeAndReceipt_RoundTripEqual()
    {
        var intake = new ComplaintIntake
        {
            ClientId = "client-9",
            Segment = ClientSegment.Internal,
            Channel = ContactChannel.InPerson,
            Priority = Priority.Critical,
            Text = "Payroll export fails with E-4410.",
            Actor = "desk",
            Tags = ["payroll", "export"],
            Metadata = new Dictionary<string, string> { ["site"] = "Leeds", ["cost-centre"] = "CC-12" },
        };
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), new FakeTimeProvider(Start));
        var receipt = new ComplaintReceipt(true, lifecycle.Receive(intake.ToRequest("C-9")).Snapshot);

        var intakeCopy = RoundTrip(intake);

        Assert.Equal(intake, intakeCopy);
        Assert.Equal(["payroll", "export"], intakeCopy.Tags);
        Assert.Equal([new("cost-centre", "CC-12"), new KeyValuePair<string, string>("site", "Leeds")], intakeCopy.Metadata);
        Assert.NotEqual(intake, intakeCopy with { Tags = ["payroll"] });
        Assert.Equal(intake with { Tags = [], Metadata = new Dictionary<string, string>() }, RoundTrip(intake with { Tags = [], Metadata = new Dictionary<string, string>() }));
        var receiptCopy = RoundTrip(receipt);
        foreach (var property in typeof(ComplaintReceipt).GetProperties())
        {
            Assert.Equal(property.GetValue(receipt), property.GetValue(receiptCopy));
        }

        Assert.Equal((true, receipt.Complaint), (receiptCopy.IsCreated, receiptCopy.Complaint));
        Assert.Equal(["payroll", "export"], receipt.Complaint.Tags);
    }

    [Fact]
    public void ComplaintIntake_ToRequest_CarriesEveryField()
    {
        var intake = new ComplaintIntake
        {
            ClientId = "client-9",
            Segment = ClientSegment.Internal,
            Channel = ContactChannel.InPerson,
            Priority = Priority.Critical,
            Text = "Payroll export fails.",
            Actor = "desk",
            Tags = ["payroll"],
            Metadata = new Dictionary<string, string> { ["site"] = "Leeds" },
        };

        var request = intake.ToRequest("C-9");

        Assert.Equal(("C-9", "client-9", ClientSegment.Internal, ContactChannel.InPerson, Priority.Critical, "Payroll export fails.", "desk"),
            (request.ComplaintId, request.ClientId, request.Segment, request.Channel, request.Priority, request.Text, request.Actor));
        Assert.Equal(["payroll"], request.Tags);
        Assert.Equal("Leeds", Assert.Single(request.Metadata).Value);
    }

    [Fact]
    public void ScorecardAccumulator_WithResponses_RoundTripsToTheSameState()
    {
        var accumulator = new ScorecardAccumulator();
        accumulator.Add(Responses(40, seed: 3));

        var copy = RoundTrip(accumulator);

        Assert.Equal(Bytes(accumulator), Bytes(copy));
        Assert.Equal(accumulator.Count, copy.Count);
        Assert.Equal(accumulator.GetResult().Nps, copy.GetResult().Nps);
        Assert.Equal(Bytes(accumulator), Bytes(Copier.Copy(accumulator)));
        Assert.NotSame(accumulator, Copier.Copy(accumulator));   // mutable: a copy, so a grain's tally is never shared
    }

    [Fact]
    public void SurveyResponseAndMeasuresAndDue_RoundTripEqual()
    {
        var response = Responses(1, seed: 5)[0];
        var measures = MeasuresOfPrefixes().Aggregate(ComplaintMeasures.Empty, (all, m) => all.Merge(m));
        Assert.True(measures is { Complaints: > 30, Acknowledged: > 0, Resolved: > 0, Closed: > 0, EverResolved: > 0, Reopened: > 0, UpdateCycles: > 0, WithOffer: > 0, OfferAfterApology: > 0 }, $"{measures}");
        Assert.True(measures.TotalTimeToAcknowledge > TimeSpan.Zero && measures.TotalTimeToResolve > TimeSpan.Zero, $"{measures}");
        var due = new ComplaintDue { At = Start.AddHours(4), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Resolve };

        var responseCopy = RoundTrip(response);

        Assert.Equal(response with { Wants = null }, responseCopy with { Wants = null });
        Assert.Equal(response.Wants!.OrderBy(p => p.Key), responseCopy.Wants!.OrderBy(p => p.Key));
        Assert.Equal(measures, RoundTrip(measures));
        Assert.Equal(due, RoundTrip(due));
        Assert.Equal(due with { Clock = null }, RoundTrip(due with { Clock = null }));
    }

    internal static SurveyResponse[] Responses(int count, int seed)
    {
        var random = new Random(seed);
        var wants = Enum.GetValues<ClientWant>();
        return [.. Enumerable.Range(0, count).Select(i => new SurveyResponse
        {
            ClientId = $"client-{random.Next(50)}",
            Segment = random.Next(2) == 0 ? ClientSegment.Internal : ClientSegment.External,
            Agent = $"agent-{random.Next(4)}",
            AnsweredAt = Start.AddMinutes(i),
            Nps = random.Next(11),
            Csat = random.Next(3) == 0 ? null : random.Next(1, 6),
            Ces = random.Next(1, 8),
            Wants = wants.Take(random.Next(1, wants.Length + 1)).ToDictionary(w => w, _ => new WantAnswer { Importance = random.Next(1, 6), Performance = random.Next(1, 6) }),
        })];
    }

    /// <summary>The measures of <paramref name="count"/> complaints (by default one per event): growing prefixes of <see cref="EveryEventType"/> (each a valid history), measured when the whole history ends.</summary>
    internal static ComplaintMeasures[] MeasuresOfPrefixes(int? count = null)
    {
        var history = EveryEventType();
        int n = count ?? history.Count;
        var end = history[^1].At;
        return [.. Enumerable.Range(1, n).Select(i => ComplaintMeasures.Of([.. history.Take(i * history.Count / n)], new ComplaintOptions(), end))];
    }

    private static byte[] Bytes(ScorecardAccumulator accumulator)
    {
        var buffer = new byte[accumulator.MaxBinarySize];
        Assert.True(accumulator.TryWriteTo(buffer, out int written));
        return buffer[..written];
    }

    private static ReceiveComplaintRequest Request(string id, string clientId, ClientSegment segment, ContactChannel channel, Priority priority, string text) => new()
    {
        ComplaintId = id, ClientId = clientId, Segment = segment, Channel = channel, Priority = priority, Text = text, Actor = "desk",
    };

    /// <summary>A history with every event type, each accepted in turn.</summary>
    private static List<ComplaintEvent> EveryEventType()
    {
        var clock = new FakeTimeProvider(Start);
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), clock);
        var c = lifecycle.Receive(Request("C-ALL", "client-1", ClientSegment.External, ContactChannel.Email, Priority.High,
            "THE VPN DROPS EVERY HOUR!!! 3rd time this week, error 0x80070005, the whole floor of 40 people is offline.") with
        {
            Tags = ["vpn"],
            Metadata = new Dictionary<string, string> { ["site"] = "Hull" },
        });
        void Run(Func<Complaint, CommandResult> command)
        {
            clock.Advance(TimeSpan.FromMinutes(30));
            command(c).EnsureAccepted();
        }

        Run(x => x.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us."));
        clock.Advance(TimeSpan.FromDays(30));
        Run(x => x.RecordSlaAlert("monitor", SlaClockKind.Resolve, SlaStatus.Breached));
        Run(x => x.StartInvestigating("ann"));
        Run(x => x.Assign("lead", "ann", "network"));
        Run(x => x.ChangePriority("lead", Priority.Critical, "A whole floor is offline."));
        Run(x => x.PutOnHold("ann", SlaPauseReasons.AwaitingThirdParty, "Waiting for the ISP."));
        Run(x => x.ReleaseHold("ann", "The ISP answered."));
        Run(x => x.LinkProblem("ann", "PRB-OLD"));
        Run(x => x.UnlinkProblem("ann", "Wrong problem."));
        Run(x => x.LinkProblem("ann", "PRB-7"));
        Run(x => x.LinkSurveyResponse("ann", "S-1"));
        Run(x => x.ChangeTags("ann", ["network", "urgent"], ["vpn"]));
        Run(x => x.ChangeMetadata("ann", new Dictionary<string, string> { ["floor"] = "3" }, []));
        Run(x => x.AddInformation("ann", "Router logs show resets."));
        Run(x => x.RequestInformation("ann", ContactChannel.Email, "Which building?"));
        Run(x => x.RecordClientResponse("client-1", ContactChannel.Email, "Building B."));
        Run(x => x.Apologize("ann", ContactChannel.Phone, "We are sorry."));
        Run(x => x.PostUpdate("ann", ContactChannel.Email, "Engineer booked."));
        Run(x => x.Escalate("ann", 1, "Affects a whole floor."));
        Run(x => x.OfferHelp("ann", ContactChannel.Phone, ["Replace the router", "Loan a 4G hotspot"]));
        Run(x => x.Commit("ann", ContactChannel.Email, "Replace the router", clock.GetUtcNow().AddDays(1)));
        Run(x => x.DeliverFix("ann", ContactChannel.Email, "Router replaced."));
        Run(x => x.RecordClientRejection("client-1", ContactChannel.Email, "Still drops."));
        Run(x => x.OfferHelp("ann", ContactChannel.Phone, ["Rewire the floor"]));
        Run(x => x.Commit("ann", ContactChannel.Email, "Rewire", clock.GetUtcNow().AddDays(1)));
        Run(x => x.DeliverFix("ann", ContactChannel.Email, "Rewired."));
        Run(x => x.RecordClientConfirmation("client-1", ContactChannel.Email));
        Run(x => x.Reopen("client-1", ContactChannel.Email, "It is back."));
        Run(x => x.OfferHelp("ann", ContactChannel.Phone, ["Replace the switch"]));
        Run(x => x.Commit("ann", ContactChannel.Email, "Replace the switch", clock.GetUtcNow().AddDays(1)));
        Run(x => x.DeliverFix("ann", ContactChannel.Email, "Switch replaced."));
        clock.Advance(lifecycle.GetOptions().AutoCloseAfter + TimeSpan.FromDays(1));
        Run(x => x.AutoClose("system"));
        Run(x => x.Reopen("client-1", ContactChannel.Email, "Again."));
        Run(x => x.Withdraw("client-1", ContactChannel.Email, "We moved offices."));
        return [.. c.History];
    }

    private T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
