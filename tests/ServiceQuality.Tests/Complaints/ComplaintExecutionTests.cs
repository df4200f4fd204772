using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

public class ComplaintExecutionTests
{
    private static async Task<ComplaintService> CreateWithComplaintAsync()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var service = new ComplaintService(lifecycle, new InMemoryComplaintStore());
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN drops", Actor = "desk" });
        return service;
    }

    [Fact]
    public async Task Attempts_FromTheService_IsOne()
    {
        var service = await CreateWithComplaintAsync();

        var accepted = await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you"));
        var notFound = await service.ExecuteAsync("nope", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you"));

        Assert.Equal((1, 1), (accepted.Attempts, notFound.Attempts));
    }

    [Fact]
    public async Task WithAttempts_Three_CopyWithTheSameComplaintResultAndAppended()
    {
        var service = await CreateWithComplaintAsync();
        var execution = await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you"));

        var retried = execution.WithAttempts(3);

        Assert.NotSame(execution, retried);
        Assert.Equal((3, 1), (retried.Attempts, execution.Attempts));
        Assert.Same(execution.Complaint, retried.Complaint);
        Assert.Same(execution.Appended, retried.Appended);
        Assert.Equal(execution.Result, retried.Result);
        Assert.Equal(1, execution.WithAttempts(1).Attempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task WithAttempts_BelowOne_ArgumentOutOfRangeNamingTheMinimum(int attempts)
    {
        var service = await CreateWithComplaintAsync();
        var execution = await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you"));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => execution.WithAttempts(attempts));

        Assert.Equal("attempts", ex.ParamName);
        Assert.Contains("'1'", ex.Message, StringComparison.Ordinal);
    }
}
