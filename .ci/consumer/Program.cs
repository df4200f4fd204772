using Microsoft.Extensions.DependencyInjection;
using ServiceQuality;
using ServiceQuality.Complaints;

// The packed packages, used the way a host app would: register, receive a complaint, run a command.
using var provider = new ServiceCollection().AddServiceQuality().Services.BuildServiceProvider();
var service = provider.GetRequiredService<ComplaintService>();
await service.ReceiveAsync(new ReceiveComplaintRequest
{
    ComplaintId = "Q1",
    ClientId = "C1",
    Segment = ClientSegment.External,
    Channel = ContactChannel.Email,
    Priority = Priority.High,
    Text = "The VPN drops every hour.",
    Actor = "desk",
});
var result = await service.ExecuteAsync("Q1", c => c.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us."));
var complaint = await service.LoadAsync("Q1");
Console.WriteLine($"consumer: {complaint!.Snapshot.State} (accepted: {result.Result.IsAccepted})");
return complaint.Snapshot.State == ComplaintState.Acknowledged ? 0 : 1;
