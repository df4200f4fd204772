using ServiceQuality.Complaints;

namespace ServiceQuality.Orleans.Serialization;

/// <summary>
/// Carries a <see cref="CommandRefusal"/> (its constructor is the core's own) as the core's JSON
/// (<see cref="ComplaintEventSerializer.SerializeRefusal"/>), the way events cross: a field the core adds to the refusal
/// crosses with it, with no change here.
/// </summary>
[RegisterConverter]
internal sealed class CommandRefusalConverter : IConverter<CommandRefusal, CommandRefusalSurrogate>
{
    /// <inheritdoc />
    public CommandRefusal ConvertFromSurrogate(in CommandRefusalSurrogate surrogate) => ComplaintEventSerializer.DeserializeRefusal(surrogate.Json);

    /// <inheritdoc />
    public CommandRefusalSurrogate ConvertToSurrogate(in CommandRefusal value) => new() { Json = ComplaintEventSerializer.SerializeRefusal(value) };
}

/// <summary>The wire form of a <see cref="CommandRefusal"/>: the core's JSON of it.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.CommandRefusal")]
internal struct CommandRefusalSurrogate
{
    /// <summary>The refusal's JSON.</summary>
    [Id(0)]
    public string Json;
}
