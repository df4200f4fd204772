using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using ServiceQuality.Complaints;

namespace ServiceQuality.Orleans.Serialization;

/// <summary>
/// Carries any <see cref="ComplaintEvent"/> (every event type, and those added later) across a grain boundary as the
/// library's own versioned JSON (<see cref="ComplaintEventSerializer"/>): the same bytes a store keeps, so an event read
/// on another silo is the event that was written, with its upcasting, its discriminator and its refusal of lone
/// surrogates. One codec for the base type and all its subtypes.
/// </summary>
[RegisterSerializer]
internal sealed class ComplaintEventCodec(IValueSerializer<ComplaintEventSurrogate> surrogateSerializer)
    : GeneralizedReferenceTypeSurrogateCodec<ComplaintEvent, ComplaintEventSurrogate>(surrogateSerializer)
{
    /// <inheritdoc />
    public override ComplaintEvent ConvertFromSurrogate(ref ComplaintEventSurrogate surrogate) => ComplaintEventSerializer.Deserialize(surrogate.Json);

    /// <inheritdoc />
    public override void ConvertToSurrogate(ComplaintEvent value, ref ComplaintEventSurrogate surrogate) => surrogate.Json = ComplaintEventSerializer.Serialize(value);
}

/// <summary>
/// An event is immutable once stamped: a copy within a silo is the same instance (no deep copy), for the base type and
/// every event type. Registered as a generalized copier by <c>UseServiceQuality()</c> on the silo and client builders
/// (Orleans finds copiers of sub-types only among the generalized copiers in the container).
/// </summary>
[RegisterCopier]
internal sealed class ComplaintEventCopier : IDeepCopier<ComplaintEvent>, IGeneralizedCopier
{
    /// <inheritdoc />
    public ComplaintEvent? DeepCopy(ComplaintEvent? input, CopyContext context) => input;

    /// <inheritdoc />
    public object? DeepCopy(object? input, CopyContext context) => input;

    /// <inheritdoc />
    public bool IsSupportedType(Type type) => typeof(ComplaintEvent).IsAssignableFrom(type);
}

/// <summary>The wire form of a <see cref="ComplaintEvent"/>: its JSON as the stores keep it.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintEvent")]
internal struct ComplaintEventSurrogate
{
    /// <summary>The event's JSON (<see cref="ComplaintEventSerializer.Serialize"/>).</summary>
    [Id(0)]
    public string Json;
}
