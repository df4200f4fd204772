using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Commands;

public class ComplaintCommandExecutorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly ComplaintCommandArguments AddInformation = new() { Actor = "ann", Information = "Token expired" };

    [Fact]
    public async Task ExecuteAsync_AConflict_IsRetriedOnAFreshComplaint_AndLogged()
    {
        var (service, logger) = await ReceivedAsync();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }, TimeProvider.System, logger);
        int attempts = 0;

        // The first attempt loses a real race: another writer appends between its load and its append.
        var outcome = await executor.ExecuteAsync("Q1", c =>
        {
            if (++attempts == 1)
            {
                service.ExecuteAsync("Q1", other => other.AddInformation("bob", "Seen on two laptops")).AsTask().GetAwaiter().GetResult();
            }

            return c.AddInformation("ann", "Token expired");
        });

        Assert.Equal((CommandStatus.Accepted, 2, 3L), (outcome.Result.Status, outcome.Attempts, outcome.Complaint!.Snapshot.Version));
        Assert.Equal(["Token expired"], outcome.Appended.OfType<InformationAdded>().Select(e => e.Information)); // the last attempt's append only
        var history = await service.Store.ReadAsync("Q1");
        Assert.Equal(["Seen on two laptops", "Token expired"], history.OfType<InformationAdded>().Select(e => e.Information));
        var retried = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((ServiceQualityLogEvents.ConcurrencyConflictRetried, "ConcurrencyConflictRetried", LogLevel.Warning), (retried.Id.Id, retried.Id.Name, retried.Level));
        Assert.Equal("Complaint Q1 was changed by another writer (expected version 1, found 2); retry 1 of 3 in 00:00:00", retried.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ConflictOnEveryAttempt_ThrowsAfterTheLastRetry_AndLogsEachOne()
    {
        var (service, logger) = await ReceivedAsync();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }, TimeProvider.System, logger);
        int attempts = 0;

        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => executor.ExecuteAsync("Q1", c =>
        {
            attempts++;
            service.ExecuteAsync("Q1", other => other.AddInformation("bob", $"Interference {attempts}")).AsTask().GetAwaiter().GetResult();
            return c.AddInformation("ann", "Token expired");
        }).AsTask());

        Assert.Equal(3, attempts);
        Assert.Equal((3L, 4L), (ex.ExpectedVersion, ex.ActualVersion));
        var records = logger.Collector.GetSnapshot();
        Assert.Equal([1001, 1001, 1002], records.Select(r => r.Id.Id));
        Assert.Equal("Complaint Q1 still conflicted after 3 attempts; the conflict is returned to the caller", records[^1].Message);
        Assert.DoesNotContain((await service.Store.ReadAsync("Q1")).OfType<InformationAdded>(), e => e.Information == "Token expired");
    }

    [Fact]
    public async Task ExecuteAsync_WithNoRetries_ThrowsTheFirstConflict()
    {
        var (service, logger) = await ReceivedAsync();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions { MaxRetries = 0 }, TimeProvider.System, logger);

        await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => executor.ExecuteAsync("Q1", c =>
        {
            service.ExecuteAsync("Q1", other => other.AddInformation("bob", "first")).AsTask().GetAwaiter().GetResult();
            return c.AddInformation("ann", "second");
        }).AsTask());

        Assert.Equal([1002], logger.Collector.GetSnapshot().Select(r => r.Id.Id));
    }

    [Fact]
    public async Task ExecuteAsync_WaitsOnTheGivenTimeProvider_WithinTheBackoffBounds()
    {
        var (service, logger) = await ReceivedAsync();
        var clock = new FakeTimeProvider(T0);
        var retries = new CommandRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(5) };
        var executor = new ComplaintCommandExecutor(service, retries, clock, logger);
        int attempts = 0;

        var pending = executor.ExecuteAsync("Q1", c =>
        {
            if (++attempts == 1)
            {
                service.ExecuteAsync("Q1", other => other.AddInformation("bob", "first")).AsTask().GetAwaiter().GetResult();
            }

            return c.AddInformation("ann", "second");
        }).AsTask();

        // The retry waits on the fake clock: nothing happens until it moves past the jittered delay (at most MaxDelay).
        await Task.Delay(50);
        Assert.Equal((1, false), (attempts, pending.IsCompleted));
        clock.Advance(retries.MaxDelay);
        var outcome = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((2, true), (outcome.Attempts, outcome.Result.IsAccepted));
        var delay = TimeSpan.Parse(logger.Collector.LatestRecord.StructuredState!.Single(p => p.Key == "Delay").Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(delay, TimeSpan.Zero, retries.MaxDelay);
    }

    [Fact]
    public async Task ExecuteAsync_ARefusal_IsAResult_AndLoggedWithWhatIsAllowed()
    {
        var (service, logger) = await ReceivedAsync();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions(), TimeProvider.System, logger);

        var outcome = await executor.DispatchAsync("Q1", ComplaintCommand.DeliverFix, new ComplaintCommandArguments { Actor = "eng", Channel = ContactChannel.Email, Resolution = "Replaced" });

        Assert.Equal((CommandStatus.Refused, 1), (outcome.Result.Status, outcome.Attempts));
        Assert.Equal(ComplaintState.Received, outcome.Result.Refusal!.State);
        var refused = logger.Collector.LatestRecord;
        Assert.Equal((1000, LogLevel.Information), (refused.Id.Id, refused.Level));
        Assert.Equal("Command DeliverFix on complaint Q1 refused in state Received (NotPermitted); allowed now: Withdraw, AddInformation, Escalate, Assign, ChangePriority, RecordSlaAlert, Acknowledge, LinkProblem, LinkSurveyResponse, ChangeTags, ChangeMetadata", refused.Message);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownComplaint_IsNotFound_WithoutRunningTheCommand()
    {
        var (service, logger) = await ReceivedAsync();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions(), TimeProvider.System, logger);

        var outcome = await executor.DispatchAsync("NOPE", ComplaintCommand.AddInformation, AddInformation);

        Assert.Equal((CommandStatus.NotFound, 1), (outcome.Result.Status, outcome.Attempts));
        Assert.Null(outcome.Complaint);
        Assert.Empty(outcome.Appended);
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task ExecuteAsync_InvalidArguments_ThrowBeforeTheStoreIsRead()
    {
        var (service, logger) = await ReceivedAsync();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions(), TimeProvider.System, logger);

        var missing = await Assert.ThrowsAsync<ArgumentException>(() => executor.DispatchAsync("NOPE", ComplaintCommand.Acknowledge, new ComplaintCommandArguments { Actor = "ann" }).AsTask());
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => executor.DispatchAsync("Q1", ComplaintCommand.AddInformation, new ComplaintCommandArguments { Actor = "ann", Information = " " }).AsTask());

        Assert.Equal(("channel", "information"), (missing.ParamName, blank.ParamName));
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task ExecuteAsync_AStoreFailure_IsLoggedAndThrown()
    {
        var clock = new FakeTimeProvider(T0);
        var store = new FailingStore(new InMemoryComplaintStore());
        var service = new ComplaintService(new ComplaintLifecycle(new ComplaintOptions(), clock), store);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN down", Actor = "desk" });
        var logger = new FakeLogger<ComplaintCommandExecutor>();
        var executor = new ComplaintCommandExecutor(service, new CommandRetryOptions(), clock, logger);
        store.Fail = true;

        var ex = await Assert.ThrowsAsync<IOException>(() => executor.DispatchAsync("Q1", ComplaintCommand.AddInformation, AddInformation).AsTask());

        var failed = logger.Collector.LatestRecord;
        Assert.Equal((1300, LogLevel.Error, "Store operation execute failed for complaint Q1"), (failed.Id.Id, failed.Level, failed.Message));
        Assert.Same(ex, failed.Exception);
    }

    [Fact]
    public void Constructor_InvalidRetries_ThrowNamingEachSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ComplaintCommandExecutor(
            new ComplaintService(new ComplaintLifecycle(new ComplaintOptions(), TimeProvider.System), new InMemoryComplaintStore()),
            new CommandRetryOptions { MaxRetries = 11, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(1) },
            TimeProvider.System));

        Assert.Equal(
            "retries:MaxRetries is 11; valid: 0 to 10. retries:MaxDelay is 00:00:01; valid: from retries:BaseDelay (00:00:02) to 00:01:00. (Parameter 'retries')",
            ex.Message);
    }

    private static async Task<(ComplaintService Service, FakeLogger<ComplaintCommandExecutor> Logger)> ReceivedAsync()
    {
        var service = new ComplaintService(new ComplaintLifecycle(new ComplaintOptions(), new FakeTimeProvider(T0)), new InMemoryComplaintStore());
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN down", Actor = "desk" });
        return (service, new FakeLogger<ComplaintCommandExecutor>());
    }

    /// <summary>A store whose disk fails on demand: the in-memory store behind an append that throws <see cref="IOException"/>.</summary>
    private sealed class FailingStore(IComplaintStore inner) : IComplaintStore
    {
        public bool Fail { get; set; }

        public ValueTask<long> AppendAsync(ComplaintAppend append, CancellationToken cancellationToken = default) =>
            Fail ? throw new IOException("disk full") : inner.AppendAsync(append, cancellationToken);

        public ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default) => inner.ReadAsync(complaintId, cancellationToken);

        public ValueTask<ComplaintStreamInfo?> GetSummaryAsync(string complaintId, CancellationToken cancellationToken = default) => inner.GetSummaryAsync(complaintId, cancellationToken);

        public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public ValueTask<ComplaintFeedPage> ReadFeedAsync(ComplaintFeedPosition after, int limit, CancellationToken cancellationToken = default) => inner.ReadFeedAsync(after, limit, cancellationToken);

        public ValueTask<ComplaintErasure> EraseClientAsync(string clientId, CancellationToken cancellationToken = default) => inner.EraseClientAsync(clientId, cancellationToken);
    }
}
