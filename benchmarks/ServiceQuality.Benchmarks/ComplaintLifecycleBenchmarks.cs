using BenchmarkDotNet.Attributes;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// A complaint through its whole lifecycle (12 events) via the aggregate alone (baseline) and through the in-memory store
/// (one append per event, a new store per operation), per event (OperationsPerInvoke = 12). SLA evaluation is in
/// <see cref="SlaBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class ComplaintLifecycleBenchmarks
{
    private const int LifecycleEvents = 12;
    private static readonly DateTimeOffset Start = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly ComplaintNormalizer Normalizer = new();
    private static readonly string[] HelpOptions = ["replace the router", "move you to the backup VPN"];
    private readonly ManualTime _time = new();
    private ComplaintLifecycle _lifecycle = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = new ComplaintLifecycle(new ComplaintOptions(), _time);
        if (WholeLifecycle_Aggregate() is not { Snapshot: { State: ComplaintState.Closed, Version: LifecycleEvents } })
        {
            throw new InvalidOperationException("The benchmark's lifecycle does not reach Closed in 12 events.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LifecycleEvents)]
    public Complaint WholeLifecycle_Aggregate()
    {
        _time.Now = Start;
        var c = _lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "The VPN drops every hour.", Actor = "desk" }, Normalizer);
        for (int i = 0; i < LifecycleEvents - 1; i++)
        {
            Step(c, i);
        }

        return c;
    }

    [Benchmark(OperationsPerInvoke = LifecycleEvents)]
    public async Task<Complaint> WholeLifecycle_InMemoryStore()
    {
        _time.Now = Start;
        var service = new ComplaintService(_lifecycle, new InMemoryComplaintStore());
        var c = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "The VPN drops every hour.", Actor = "desk" });
        for (int i = 0; i < LifecycleEvents - 1; i++)
        {
            Step(c, i);
            await service.SaveAsync(c);
        }

        return c;
    }

    /// <summary>Sends the <paramref name="step"/>-th command of the standard lifecycle (11 commands after the receipt).</summary>
    private CommandResult Step(Complaint c, int step)
    {
        switch (step)
        {
            case 0: return c.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us.");
            case 1: return c.StartInvestigating("ann");
            case 2: return c.AddInformation("ann", "Drops at :00 every hour.");
            case 3: return c.RequestInformation("ann", ContactChannel.Email, "Which office?");
            case 4:
                _time.Now += TimeSpan.FromHours(1);
                return c.RecordClientResponse("client", ContactChannel.Email, "Leeds");
            case 5: return c.Apologize("ann", ContactChannel.Phone, "I'm sorry you had this experience.");
            case 6: return c.PostUpdate("ann", ContactChannel.Web, "An engineer is on it.");
            case 7: return c.OfferHelp("ann", ContactChannel.Phone, HelpOptions);
            case 8: return c.Commit("ann", ContactChannel.Phone, "replace the router", _time.Now.AddDays(1));
            case 9:
                _time.Now += TimeSpan.FromHours(2);
                return c.DeliverFix("bob", ContactChannel.InPerson, "router replaced");
            default: return c.RecordClientConfirmation("client", ContactChannel.Email);
        }
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
