using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;
using ServiceQuality.Normalization;

namespace ServiceQuality.Tests.Diagnostics;

/// <summary>Listens to a private <see cref="ServiceQualityInstrumentation"/> and records every measurement and activity.</summary>
public sealed class RecordingListener : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public RecordingListener(ServiceQualityInstrumentation instrumentation)
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, instrumentation.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, instrumentation.ActivitySource),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (Activities) { Activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public List<(string Name, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = [];

    public List<Activity> Activities { get; } = [];

    public double Sum(string name, string? tag = null, string? value = null)
    {
        lock (Measurements)
        {
            return Measurements.Where(m => m.Name == name && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).Sum(m => m.Value);
        }
    }

    public IReadOnlyList<double> Values(string name)
    {
        lock (Measurements)
        {
            return [.. Measurements.Where(m => m.Name == name).Select(m => m.Value)];
        }
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (Measurements)
        {
            Measurements.Add((instrument.Name, value, copy));
        }
    }
}

public class InstrumentationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ComplaintService_RecordsReceivedAcceptedRefusedAndTimeToAcknowledge()
    {
        using var instrumentation = new ServiceQualityInstrumentation();
        using var listener = new RecordingListener(instrumentation);
        var clock = new FakeTimeProvider(T0);
        var service = new ComplaintService(new ComplaintLifecycle(new ComplaintOptions(), clock), new InMemoryComplaintStore(), instrumentation);

        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN down", Actor = "desk" });
        clock.Advance(TimeSpan.FromMinutes(30));
        var accepted = await service.ExecuteAsync("Q1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you for telling us"));
        var refused = await service.ExecuteAsync("Q1", c => c.DeliverFix("ann", ContactChannel.Email, "replaced the token"));

        Assert.True(accepted.Result.IsAccepted);
        Assert.False(refused.Result.IsAccepted);
        Assert.Equal(1, listener.Sum(ServiceQualityMetricNames.ComplaintsReceived, "channel", "Email"));
        Assert.Equal(1, listener.Sum(ServiceQualityMetricNames.ComplaintsReceived, "priority", "High"));
        Assert.Equal(1, listener.Sum(ServiceQualityMetricNames.CommandsAccepted, "command", "Acknowledge"));
        Assert.Equal(1, listener.Sum(ServiceQualityMetricNames.CommandsRefused, "command", "DeliverFix"));
        Assert.Equal(1, listener.Sum(ServiceQualityMetricNames.CommandsRefused, "state", "Acknowledged"));
        Assert.Equal([1800.0], listener.Values(ServiceQualityMetricNames.TimeToAcknowledge));

        // One append for the receipt, one for the acknowledgement; a read before each command.
        Assert.Equal(2, listener.Activities.Count(a => a.OperationName == "ServiceQuality.Store.Append"));
        Assert.Equal(2, listener.Activities.Count(a => a.OperationName == "ServiceQuality.Store.Read"));
        Assert.All(listener.Activities, a => Assert.Equal("Q1", a.GetTagItem("servicequality.complaint.id")));
    }

    [Fact]
    public async Task ComplaintService_StaleWriter_MarksTheAppendActivityAsAnError()
    {
        using var instrumentation = new ServiceQualityInstrumentation();
        using var listener = new RecordingListener(instrumentation);
        var clock = new FakeTimeProvider(T0);
        var service = new ComplaintService(new ComplaintLifecycle(new ComplaintOptions(), clock), new InMemoryComplaintStore(), instrumentation);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.Internal, Channel = ContactChannel.Web, Priority = Priority.Normal, Text = "printer jams", Actor = "desk" });
        var first = (await service.LoadAsync("Q1"))!;
        var second = (await service.LoadAsync("Q1"))!;
        first.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        second.Acknowledge("bob", ContactChannel.Email, "Thanks").EnsureAccepted();
        await service.SaveAsync(first);

        await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => service.SaveAsync(second).AsTask());

        var failed = Assert.Single(listener.Activities, a => a.Status == ActivityStatusCode.Error);
        Assert.Equal("ServiceQuality.Store.Append", failed.OperationName);
    }

    [Fact]
    public void ComplaintNormalizer_RecordsItsDurationAndAnActivity_WhileSomethingListens()
    {
        using var instrumentation = new ServiceQualityInstrumentation();
        var normalizer = new ComplaintNormalizer(new NormalizationOptions(), instrumentation);
        normalizer.Normalize("not observed: no listener yet");

        using var listener = new RecordingListener(instrumentation);
        var record = normalizer.Normalize("The VPN is down, ticket INC-4471.");

        var duration = Assert.Single(listener.Values(ServiceQualityMetricNames.NormalizationDuration));
        Assert.InRange(duration, 0, 60);
        var activity = Assert.Single(listener.Activities);
        Assert.Equal("ServiceQuality.Normalize", activity.OperationName);
        Assert.Equal(33, activity.GetTagItem("servicequality.text.length"));
        Assert.Equal(record.IncidentKey, activity.GetTagItem("servicequality.incident_key"));
    }
}
