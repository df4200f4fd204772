using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceQuality.Diagnostics;

/// <summary>
/// A counter of the SDK that adds the tenant's tag (<see cref="ServiceQualityInstrumentation.TenantTag"/>) to every
/// measurement when it belongs to a keyed tenant's <see cref="ServiceQualityInstrumentation"/>. Every tenant shares the
/// one underlying <see cref="Instrument"/>, so a listener sees one instrument with a tag per tenant.
/// </summary>
/// <typeparam name="T">The type of the measurements.</typeparam>
public sealed class ServiceQualityCounter<T>
    where T : struct
{
    private readonly KeyValuePair<string, object?>? _tenant;

    internal ServiceQualityCounter(Counter<T> instrument, KeyValuePair<string, object?>? tenant)
    {
        Instrument = instrument;
        _tenant = tenant;
    }

    /// <summary>Gets the underlying counter.</summary>
    public Counter<T> Instrument { get; }

    /// <summary>Gets a value indicating whether anything listens to the counter.</summary>
    public bool Enabled => Instrument.Enabled;

    /// <summary>Adds <paramref name="delta"/>.</summary>
    /// <param name="delta">The increment.</param>
    public void Add(T delta)
    {
        var tags = default(TagList);
        Add(delta, in tags);
    }

    /// <summary>Adds <paramref name="delta"/> with a tag.</summary>
    /// <param name="delta">The increment.</param>
    /// <param name="tag">The tag.</param>
    public void Add(T delta, KeyValuePair<string, object?> tag)
    {
        var tags = new TagList { tag };
        Add(delta, in tags);
    }

    /// <summary>Adds <paramref name="delta"/> with two tags.</summary>
    /// <param name="delta">The increment.</param>
    /// <param name="tag1">The first tag.</param>
    /// <param name="tag2">The second tag.</param>
    public void Add(T delta, KeyValuePair<string, object?> tag1, KeyValuePair<string, object?> tag2)
    {
        var tags = new TagList { tag1, tag2 };
        Add(delta, in tags);
    }

    /// <summary>Adds <paramref name="delta"/> with tags (the tenant's is added to them).</summary>
    /// <param name="delta">The increment.</param>
    /// <param name="tags">The tags.</param>
    public void Add(T delta, in TagList tags)
    {
        if (!Instrument.Enabled)
        {
            return;
        }

        if (_tenant is { } tenant)
        {
            var all = tags;
            all.Add(tenant);
            Instrument.Add(delta, in all);
        }
        else
        {
            Instrument.Add(delta, in tags);
        }
    }
}

/// <summary>
/// A histogram of the SDK that adds the tenant's tag (<see cref="ServiceQualityInstrumentation.TenantTag"/>) to every
/// measurement when it belongs to a keyed tenant's <see cref="ServiceQualityInstrumentation"/>; every tenant shares the
/// one underlying <see cref="Instrument"/> and its bucket advice.
/// </summary>
/// <typeparam name="T">The type of the measurements.</typeparam>
public sealed class ServiceQualityHistogram<T>
    where T : struct
{
    private readonly KeyValuePair<string, object?>? _tenant;

    internal ServiceQualityHistogram(Histogram<T> instrument, KeyValuePair<string, object?>? tenant)
    {
        Instrument = instrument;
        _tenant = tenant;
    }

    /// <summary>Gets the underlying histogram.</summary>
    public Histogram<T> Instrument { get; }

    /// <summary>Gets a value indicating whether anything listens to the histogram.</summary>
    public bool Enabled => Instrument.Enabled;

    /// <summary>Records <paramref name="value"/>.</summary>
    /// <param name="value">The measurement.</param>
    public void Record(T value)
    {
        var tags = default(TagList);
        Record(value, in tags);
    }

    /// <summary>Records <paramref name="value"/> with a tag.</summary>
    /// <param name="value">The measurement.</param>
    /// <param name="tag">The tag.</param>
    public void Record(T value, KeyValuePair<string, object?> tag)
    {
        var tags = new TagList { tag };
        Record(value, in tags);
    }

    /// <summary>Records <paramref name="value"/> with tags (the tenant's is added to them).</summary>
    /// <param name="value">The measurement.</param>
    /// <param name="tags">The tags.</param>
    public void Record(T value, in TagList tags)
    {
        if (!Instrument.Enabled)
        {
            return;
        }

        if (_tenant is { } tenant)
        {
            var all = tags;
            all.Add(tenant);
            Instrument.Record(value, in all);
        }
        else
        {
            Instrument.Record(value, in tags);
        }
    }
}
