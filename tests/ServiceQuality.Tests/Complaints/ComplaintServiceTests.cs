using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintServiceTests
{
    private static (ComplaintService Service, InMemoryComplaintStore Store) Create()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var store = new InMemoryComplaintStore();
        return (new ComplaintService(lifecycle, store), store);
    }

    private static async Task<(ComplaintService Service, InMemoryComplaintStore Store)> CreateWithComplaintAsync()
    {
        var (service, store) = Create();
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN drops", Actor = "desk" });
        return (service, store);
    }

    [Fact]
    public async Task ExecuteAsync_Accepted_StoresTheEventAndLoadReplaysIt()
    {
        var (service, store) = await CreateWithComplaintAsync();

        var result = await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you"));

        Assert.True(result.Result.IsAccepted);
        Assert.Equal(2, (await store.ReadAsync("C-1")).Count);
        var loaded = (await service.LoadAsync("C-1"))!;
        Assert.Equal((ComplaintState.Acknowledged, 2L, 2L), (loaded.State, loaded.Version, loaded.PersistedVersion));
    }

    [Fact]
    public async Task ExecuteAsync_Refused_ReturnsTheRefusalAndStoresNothing()
    {
        var (service, store) = await CreateWithComplaintAsync();

        var result = await service.ExecuteAsync("C-1", c => c.DeliverFix("bob", ContactChannel.Phone, "done"));

        Assert.False(result.Result.IsAccepted);
        Assert.Equal(
            [
                ComplaintCommand.Withdraw, ComplaintCommand.AddInformation, ComplaintCommand.Escalate, ComplaintCommand.Assign, ComplaintCommand.ChangePriority,
                ComplaintCommand.RecordSlaAlert, ComplaintCommand.Acknowledge, ComplaintCommand.LinkProblem, ComplaintCommand.LinkSurveyResponse, ComplaintCommand.ChangeTags,
                ComplaintCommand.ChangeMetadata,
            ],
            result.Result.AllowedCommands);
        Assert.Single(await store.ReadAsync("C-1"));
    }

    [Fact]
    public async Task ExecuteAsync_AcceptedThenRefusedInOneDelegate_StoresTheAcceptedEventAndReportsBoth()
    {
        var (service, store) = await CreateWithComplaintAsync();

        var result = await service.ExecuteAsync("C-1", c =>
        {
            c.Acknowledge("ann", ContactChannel.Phone, "Thank you").EnsureAccepted();
            return c.DeliverFix("bob", ContactChannel.Phone, "done");
        });

        Assert.False(result.Result.IsAccepted);
        Assert.Equal((ComplaintState.Acknowledged, ComplaintCommand.DeliverFix), (result.Result.Refusal!.State, result.Result.Refusal.Command));
        var appended = Assert.IsType<ComplaintAcknowledged>(Assert.Single(result.Appended));
        Assert.Equal(appended, (await store.ReadAsync("C-1"))[1]);
        Assert.Equal((2L, 2L), (result.Complaint!.Version, result.Complaint.PersistedVersion));
    }

    [Fact]
    public async Task ExecuteAsync_TwoAcceptedCommands_StoresBothInOneAppendInOrder()
    {
        var (service, store) = await CreateWithComplaintAsync();

        var result = await service.ExecuteAsync("C-1", c =>
        {
            c.Acknowledge("ann", ContactChannel.Phone, "Thank you").EnsureAccepted();
            return c.StartInvestigating("ann");
        });

        Assert.True(result.Result.IsAccepted);
        Assert.Equal([typeof(ComplaintAcknowledged), typeof(InvestigationStarted)], result.Appended.Select(e => e.GetType()));
        Assert.Same(result.Result.Event, result.Appended[^1]);
        Assert.Equal(result.Appended, (await store.ReadAsync("C-1")).Skip(1));
    }

    [Fact]
    public async Task ExecuteAsync_DelegateThrowsAfterAnAcceptedCommand_StoresNothing()
    {
        var (service, store) = await CreateWithComplaintAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await service.ExecuteAsync("C-1", c =>
        {
            c.Acknowledge("ann", ContactChannel.Phone, "Thank you").EnsureAccepted();
            throw new InvalidOperationException("the host's own check failed");
        }));

        Assert.Single(await store.ReadAsync("C-1"));
    }

    [Fact]
    public async Task ReceiveAsync_SameIdTwice_SecondIsToldTheComplaintAlreadyExists()
    {
        var (service, _) = await CreateWithComplaintAsync();

        var ex = await Assert.ThrowsAsync<ComplaintAlreadyExistsException>(async () =>
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-8", Segment = ClientSegment.Internal, Channel = ContactChannel.Phone, Priority = Priority.Low, Text = "other", Actor = "desk" }));

        Assert.IsAssignableFrom<ComplaintConcurrencyException>(ex); // existing handlers of the concurrency error still catch it
        Assert.Equal(("C-1", 0L, 1L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal("A complaint 'C-1' already exists (at version 1); receive the new one under another identifier, or load the existing one.", ex.Message);
        Assert.Single((await service.Store.ReadAsync("C-1"))!);   // the first complaint is untouched
    }

    [Fact]
    public async Task LoadAndExecute_UnknownComplaint_NullAndNotFoundWithoutCallingTheCommand()
    {
        var (service, store) = Create();
        var called = false;

        Assert.Null(await service.LoadAsync("nope"));
        var execution = await service.ExecuteAsync("nope", c =>
        {
            called = true;
            return c.StartInvestigating("ann");
        });

        Assert.Equal((CommandStatus.NotFound, false, false), (execution.Result.Status, execution.Result.IsAccepted, called));
        Assert.Null(execution.Complaint);
        Assert.Null(execution.Result.Event);
        Assert.Null(execution.Result.Refusal);
        Assert.Empty(execution.Appended);
        Assert.Empty(await store.ReadAsync("nope"));
        Assert.Throws<KeyNotFoundException>(() => execution.Result.EnsureAccepted());
    }

    [Fact]
    public async Task SaveAsync_TwoWritersFromTheSameVersion_SecondIsToldAndNothingIsLost()
    {
        var (service, store) = await CreateWithComplaintAsync();
        var first = (await service.LoadAsync("C-1"))!;
        var second = (await service.LoadAsync("C-1"))!;
        first.AddInformation("ann", "from ann").EnsureAccepted();
        second.AddInformation("bob", "from bob").EnsureAccepted();

        await service.SaveAsync(first);
        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await service.SaveAsync(second));

        Assert.Equal((1L, 2L), (ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal("from ann", Assert.IsType<InformationAdded>((await store.ReadAsync("C-1"))[1]).Information);
        Assert.Equal(1, second.PersistedVersion);
    }

    [Fact]
    public async Task ReceiveAsync_AngryAndCalmWordsOfOneIncident_StoreTheSameNormalizedRecordButTheirOwnText()
    {
        var (service, store) = Create();
        const string angry = "THE VPN IS DOWN AGAIN!!! ERR_CONN_RESET for the 3rd time this week, 20 users affected!!! \U0001F621";
        const string calm = "The VPN is down again. ERR_CONN_RESET for the 3rd time this week, 20 users affected";

        var first = await service.ReceiveAsync(Request("C-1", angry));
        var second = await service.ReceiveAsync(Request("C-2", calm));

        var a = Assert.IsType<ComplaintReceived>((await store.ReadAsync("C-1"))[0]).Normalized!;
        var c = Assert.IsType<ComplaintReceived>((await store.ReadAsync("C-2"))[0]).Normalized!;
        Assert.Equal("the VPN is down again. ERR_CONN_RESET for the 3rd time this week, 20 users affected", c.CanonicalText);
        Assert.Equal(c.CanonicalText, a.CanonicalText);
        Assert.Equal((c.CanonicalText, c.IncidentKey, c.Fingerprint, c.Impact, c.IsRecurring, c.StatedOccurrences), (a.CanonicalText, a.IncidentKey, a.Fingerprint, a.Impact, a.IsRecurring, a.StatedOccurrences));
        Assert.Equal(c.Facts, a.Facts);
        Assert.Contains(new NormalizedFact(FactKind.ErrorCode, "ERR_CONN_RESET"), a.Facts);
        Assert.Contains(new NormalizedFact(FactKind.System, "VPN"), a.Facts);
        Assert.Equal((ImpactLevel.Team, true, 3), (a.Impact, a.IsRecurring, a.StatedOccurrences));
        Assert.Empty(c.ToneSignals);
        Assert.Equal(["Emoji", "PunctuationRuns", "Shouting"], a.ToneSignals.Keys);
        Assert.Equal(angry, first.Snapshot.Text);
        Assert.Equal(a, first.Snapshot.Normalized);
        Assert.Equal(c, second.Snapshot.Normalized);
        Assert.Equal(a.IncidentKeyValue, ComplaintTestKit.Normalizer.Normalize(angry).IncidentKeyValue);
    }

    [Fact]
    public async Task ReceiveAsync_NormalizerContext_IsTheDayOfReceiptInTheCalendarsTimeZoneAndTheClient()
    {
        // 23:30 UTC on 2 March is already 3 March in Auckland: "since yesterday" is counted from 3 March there.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero));
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions { Calendar = BusinessCalendar.Weekdays(auckland, new TimeOnly(8, 0), new TimeOnly(18, 0)) }, time);
        var service = new ComplaintService(lifecycle, new InMemoryComplaintStore());
        const string text = "Outlook has crashed since yesterday with error 0x80070005.";

        var complaint = await service.ReceiveAsync(Request("C-1", text));

        var expected = ComplaintTestKit.Normalizer.Normalize(text, new NormalizationContext { ReferenceDate = new DateOnly(2026, 3, 3), Client = "client-7", Channel = "Email" });
        Assert.Equal(NormalizedRecord.From(expected), complaint.Snapshot.Normalized);
        Assert.NotEqual(
            NormalizedRecord.From(ComplaintTestKit.Normalizer.Normalize(text, new NormalizationContext { ReferenceDate = new DateOnly(2026, 3, 2), Client = "client-7", Channel = "Email" })),
            complaint.Snapshot.Normalized);
    }

    [Fact]
    public async Task ReceiveAsync_TagsAndMetadata_StoredWithTheFirstEventAndShownByTheSnapshot()
    {
        var (service, store) = Create();

        var complaint = await service.ReceiveAsync(Request("C-1", "VPN down") with
        {
            Tags = ["vpn", "vip"],
            Metadata = new Dictionary<string, string> { ["site"] = "Leeds", ["asset"] = "LT-4471" },
        });

        Assert.Equal(["vpn", "vip"], complaint.Snapshot.Tags);
        Assert.Equal("Leeds", complaint.Snapshot.Metadata["site"]);
        var stored = Assert.IsType<ComplaintReceived>((await store.ReadAsync("C-1"))[0]);
        Assert.Equal(["vpn", "vip"], stored.Tags);
        Assert.Equal(["asset", "site"], stored.Metadata.Keys);
    }

    [Fact]
    public async Task ReceiveAsync_TagsOrMetadataOutOfBounds_ArgumentErrorNamingTheLimitAndNothingStored()
    {
        var (service, store) = Create();
        var request = Request("C-1", "VPN down");

        var tooMany = await Assert.ThrowsAsync<ArgumentException>("request.Tags", async () =>
            await service.ReceiveAsync(request with { Tags = [.. Enumerable.Range(0, 21).Select(i => $"t{i}")] }));
        Assert.StartsWith("A complaint may carry at most 20 tags (ComplaintOptions.MaxTags); this would give it 21.", tooMany.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>("request.Tags", async () => await service.ReceiveAsync(request with { Tags = [new string('x', 65)] }));
        Assert.Contains("is 65 characters long; the limit is 64 (ComplaintOptions.MaxTagLength).", tooLong.Message, StringComparison.Ordinal);
        var twice = await Assert.ThrowsAsync<ArgumentException>("request.Tags", async () => await service.ReceiveAsync(request with { Tags = ["vpn", "vpn"] }));
        Assert.StartsWith("Tag 1 ('vpn') is already on the complaint or given twice", twice.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>("request.Tags", async () => await service.ReceiveAsync(request with { Tags = [" vpn"] }));
        var value = await Assert.ThrowsAsync<ArgumentException>("request.Metadata", async () =>
            await service.ReceiveAsync(request with { Metadata = new Dictionary<string, string> { ["note"] = new string('x', 1025) } }));
        Assert.StartsWith("Metadata 'note' is 1025 characters long; the limit is 1024 (ComplaintOptions.MaxMetadataValueLength).", value.Message, StringComparison.Ordinal);
        var entries = await Assert.ThrowsAsync<ArgumentException>("request.Metadata", async () =>
            await service.ReceiveAsync(request with { Metadata = Enumerable.Range(0, 21).ToDictionary(i => $"k{i}", i => "v") }));
        Assert.StartsWith("A complaint may carry at most 20 metadata entries (ComplaintOptions.MaxMetadataEntries); this would give it 21.", entries.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync("C-1"));
    }

    [Fact]
    public async Task RecordSlaAlert_TwoMonitorsRace_TheLoserRetriesAndIsRefusedSoTheAlertIsStoredOnce()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var store = new InMemoryComplaintStore();
        var service = new ComplaintService(lifecycle, store);
        await service.ReceiveAsync(Request("C-1", "VPN down"));      // High: acknowledge within 1 hour, at risk at 30 minutes
        time.Advance(TimeSpan.FromMinutes(40));
        var first = (await service.LoadAsync("C-1"))!;
        var second = (await service.LoadAsync("C-1"))!;
        first.RecordSlaAlert("monitor-1", SlaClockKind.Acknowledge, SlaStatus.AtRisk).EnsureAccepted();
        second.RecordSlaAlert("monitor-2", SlaClockKind.Acknowledge, SlaStatus.AtRisk).EnsureAccepted();

        await service.SaveAsync(first);
        await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await service.SaveAsync(second));
        var retry = await service.ExecuteAsync("C-1", c => c.RecordSlaAlert("monitor-2", SlaClockKind.Acknowledge, SlaStatus.AtRisk));

        Assert.Equal(["the status is not yet recorded for the clock's current cycle"], retry.Result.Refusal!.UnmetConditions);
        Assert.Empty(retry.Appended);
        var alert = Assert.Single((await store.ReadAsync("C-1")).OfType<SlaAlertRecorded>());
        Assert.Equal("monitor-1", alert.Actor);
    }

    [Fact]
    public async Task Observers_StoredEvents_CalledInOrderWithTheirTransitionsAndNeverForRefusedOrUnstoredOnes()
    {
        var log = new List<string>();
        var options = new ComplaintOptions { Observers = [new LoggingObserver("first", log), new LoggingObserver("second", log)] };
        var (_, lifecycle) = ComplaintTestKit.Create(options);
        var service = new ComplaintService(lifecycle, new InMemoryComplaintStore());

        await service.ReceiveAsync(Request("C-1", "VPN down"));
        await service.ExecuteAsync("C-1", c =>
        {
            c.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
            c.AddInformation("ann", "logs").EnsureAccepted();
            return c.DeliverFix("bob", ContactChannel.Email, "done");
        });
        var stale = (await service.LoadAsync("C-1"))!;
        await service.ExecuteAsync("C-1", c => c.StartInvestigating("ann"));
        stale.StartInvestigating("bob").EnsureAccepted();
        await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await service.SaveAsync(stale));

        Assert.Equal(
            [
                "first: Received->Received (ComplaintReceived, v1, same state)", "second: Received->Received (ComplaintReceived, v1, same state)",
                "first: Received->Acknowledged (ComplaintAcknowledged, v2, state change)", "second: Received->Acknowledged (ComplaintAcknowledged, v2, state change)",
                "first: Acknowledged->Acknowledged (InformationAdded, v3, same state)", "second: Acknowledged->Acknowledged (InformationAdded, v3, same state)",
                "first: Acknowledged->Investigating (InvestigationStarted, v4, state change)", "second: Acknowledged->Investigating (InvestigationStarted, v4, state change)",
            ],
            log);
    }

    [Fact]
    public async Task Observers_OneThrows_TheEventsStayStoredEveryObserverIsCalledAndTheErrorsComeTogether()
    {
        var log = new List<string>();
        var options = new ComplaintOptions { Observers = [new ThrowingObserver(), new LoggingObserver("after", log)] };
        var (_, lifecycle) = ComplaintTestKit.Create(options);
        var store = new InMemoryComplaintStore();
        var service = new ComplaintService(lifecycle, store);
        var ex = await Assert.ThrowsAsync<ComplaintObserverException>(async () => await service.ReceiveAsync(Request("C-1", "VPN down")));

        Assert.Single(await store.ReadAsync("C-1"));
        Assert.Equal(["after: Received->Received (ComplaintReceived, v1, same state)"], log);
        Assert.Equal(("C-1", 1, 1), (ex.ComplaintId, ex.Stored.Count, ex.Errors.Count));
        Assert.StartsWith("1 complaint observer call(s) failed after 1 event(s) of complaint 'C-1' were stored (they stay stored; do not retry the command). First: the mail server is down", ex.Message, StringComparison.Ordinal);
    }

    private static ReceiveComplaintRequest Request(string id, string text) => new()
    {
        ComplaintId = id, ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = text, Actor = "desk",
    };

    private sealed class LoggingObserver(string name, List<string> log) : IComplaintObserver
    {
        public ValueTask OnStoredAsync(ComplaintTransition transition, CancellationToken cancellationToken)
        {
            log.Add($"{name}: {transition.From}->{transition.To} ({transition.Event.GetType().Name}, v{transition.Event.Version}, {(transition.IsStateChange ? "state change" : "same state")})");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IComplaintObserver
    {
        public ValueTask OnStoredAsync(ComplaintTransition transition, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the mail server is down");
    }
}
