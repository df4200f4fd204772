using ServiceQuality.Complaints;
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
        await service.ReceiveAsync("C-1", "client-7", ClientSegment.External, ContactChannel.Email, Priority.High, "VPN drops", "desk");
        return (service, store);
    }

    [Fact]
    public async Task ExecuteAsync_Accepted_StoresTheEventAndLoadReplaysIt()
    {
        var (service, store) = await CreateWithComplaintAsync();

        var result = await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you"));

        Assert.True(result.IsAccepted);
        Assert.Equal(2, (await store.ReadAsync("C-1")).Count);
        var loaded = (await service.LoadAsync("C-1"))!;
        Assert.Equal((ComplaintState.Acknowledged, 2L, 2L), (loaded.State, loaded.Version, loaded.PersistedVersion));
    }

    [Fact]
    public async Task ExecuteAsync_Refused_ReturnsTheRefusalAndStoresNothing()
    {
        var (service, store) = await CreateWithComplaintAsync();

        var result = await service.ExecuteAsync("C-1", c => c.DeliverFix("bob", ContactChannel.Phone, "done"));

        Assert.False(result.IsAccepted);
        Assert.Equal([ComplaintCommand.Withdraw, ComplaintCommand.AddInformation, ComplaintCommand.Escalate, ComplaintCommand.Acknowledge], result.AllowedCommands);
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

        Assert.False(result.IsAccepted);
        Assert.Equal((ComplaintState.Acknowledged, ComplaintCommand.DeliverFix), (result.Refusal!.State, result.Refusal.Trigger));
        var appended = Assert.IsType<ComplaintAcknowledged>(Assert.Single(result.Appended));
        Assert.Equal(appended, (await store.ReadAsync("C-1"))[1]);
        Assert.Equal((2L, 2L), (result.Complaint.Version, result.Complaint.PersistedVersion));
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

        Assert.True(result.IsAccepted);
        Assert.Equal([typeof(ComplaintAcknowledged), typeof(InvestigationStarted)], result.Appended.Select(e => e.GetType()));
        Assert.Same(result.Event, result.Appended[^1]);
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
            await service.ReceiveAsync("C-1", "client-8", ClientSegment.Internal, ContactChannel.Phone, Priority.Low, "other", "desk"));

        Assert.IsAssignableFrom<ComplaintConcurrencyException>(ex); // existing handlers of the concurrency error still catch it
        Assert.Equal(("C-1", 0L, 1L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal("A complaint 'C-1' already exists (at version 1); receive the new one under another identifier, or load the existing one.", ex.Message);
        Assert.Single((await service.Store.ReadAsync("C-1"))!);   // the first complaint is untouched
    }

    [Fact]
    public async Task LoadAndExecute_UnknownComplaint_NullAndKeyNotFound()
    {
        var (service, _) = Create();

        Assert.Null(await service.LoadAsync("nope"));
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await service.ExecuteAsync("nope", c => c.StartInvestigating("ann")));
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
}
