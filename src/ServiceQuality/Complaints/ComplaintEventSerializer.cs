using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ServiceQuality.Complaints;

/// <summary>
/// Reads and writes complaint events as JSON with System.Text.Json source generation (no reflection, AOT-safe): each
/// event is an object with a <c>"type"</c> discriminator. Stored data with an unknown or missing discriminator is an
/// error that names it (<see cref="ComplaintEventFormatException"/>), never a silent skip.
/// </summary>
public static class ComplaintEventSerializer
{
    /// <summary>Gets the source-generated metadata of <see cref="ComplaintEvent"/>, for hosts that serialize with their own pipeline.</summary>
    public static JsonTypeInfo<ComplaintEvent> EventTypeInfo => ComplaintJsonContext.Default.ComplaintEvent;

    /// <summary>Gets the discriminators of every known event type, in declaration order.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } =
        [.. ComplaintJsonContext.Default.ComplaintEvent.PolymorphismOptions!.DerivedTypes.Select(d => (string)d.TypeDiscriminator!)];

    /// <summary>Writes one event.</summary>
    /// <param name="complaintEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaintEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text in the event has a lone surrogate (it could not be written exactly; <see cref="ComplaintText"/>).</exception>
    public static string Serialize(ComplaintEvent complaintEvent)
    {
        ArgumentNullException.ThrowIfNull(complaintEvent);
        return JsonSerializer.Serialize(complaintEvent, ComplaintJsonContext.Default.ComplaintEvent);
    }

    /// <summary>Writes a history as a JSON array.</summary>
    /// <param name="history">The events.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text in an event has a lone surrogate (it could not be written exactly; <see cref="ComplaintText"/>).</exception>
    public static string SerializeHistory(IReadOnlyList<ComplaintEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return JsonSerializer.Serialize(history, ComplaintJsonContext.Default.IReadOnlyListComplaintEvent);
    }

    /// <summary>Reads one event.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ComplaintEventFormatException">The discriminator is unknown or missing (the message names it and the known ones), or the JSON is otherwise invalid.</exception>
    public static ComplaintEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, ComplaintJsonContext.Default.ComplaintEvent)
                ?? throw new ComplaintEventFormatException("The JSON is null; a complaint event was expected.");
        }
        catch (Exception ex) when (ex is (JsonException and not ComplaintEventFormatException) or NotSupportedException)
        {
            throw Explain(json, ex);
        }
    }

    /// <summary>Reads a history written by <see cref="SerializeHistory"/>.</summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ComplaintEventFormatException">An element's discriminator is unknown or missing (the message names it, its position and the known ones), or the JSON is otherwise invalid.</exception>
    public static IReadOnlyList<ComplaintEvent> DeserializeHistory(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var history = JsonSerializer.Deserialize(json, ComplaintJsonContext.Default.IReadOnlyListComplaintEvent)
                ?? throw new ComplaintEventFormatException("The JSON is null; an array of complaint events was expected.");
            for (int i = 0; i < history.Count; i++)
            {
                if (history[i] is null)
                {
                    throw new ComplaintEventFormatException($"Element {i} of the history is null; a complaint event was expected.");
                }
            }

            return history;
        }
        catch (Exception ex) when (ex is (JsonException and not ComplaintEventFormatException) or NotSupportedException)
        {
            throw Explain(json, ex);
        }
    }

    private static ComplaintEventFormatException Explain(string json, Exception ex)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    if (Check(element, $"element {index}") is { } problem)
                    {
                        return problem;
                    }

                    index++;
                }
            }
            else if (Check(root, "the event") is { } problem)
            {
                return problem;
            }
        }
        catch (JsonException)
        {
            // Not even well-formed JSON: the original exception says where.
        }

        return new ComplaintEventFormatException($"The stored complaint event data is invalid: {ex.Message}", ex);

        static ComplaintEventFormatException? Check(JsonElement element, string where)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return new ComplaintEventFormatException($"{Capitalize(where)} has no \"type\" discriminator. Known types: {string.Join(", ", KnownTypes)}.", discriminator: null);
            }

            string name = type.GetString()!;
            return KnownTypes.Contains(name, StringComparer.Ordinal)
                ? null
                : new ComplaintEventFormatException($"Unknown complaint event type '{name}' in {where}; it was written by a newer or different version, or the data is corrupt. Known types: {string.Join(", ", KnownTypes)}.", name);
        }

        static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
    }
}

/// <summary>Stored complaint event data that cannot be read: an unknown or missing type discriminator, or invalid JSON.</summary>
public sealed class ComplaintEventFormatException : JsonException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintEventFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ComplaintEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a discriminator that is not known.</summary>
    /// <param name="message">The message.</param>
    /// <param name="discriminator">The unknown discriminator, or <see langword="null"/> when it is missing.</param>
    public ComplaintEventFormatException(string message, string? discriminator)
        : base(message) => Discriminator = discriminator;

    /// <summary>Gets the unknown discriminator, or <see langword="null"/> when it was missing or the problem is elsewhere.</summary>
    public string? Discriminator { get; }
}

/// <summary>The source-generated serialization metadata of complaint events.</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(WellFormedStringConverter)],
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ComplaintEvent))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintEvent>))]
internal sealed partial class ComplaintJsonContext : JsonSerializerContext;

/// <summary>
/// Writes strings as System.Text.Json does, but refuses a lone surrogate (which it would silently write as U+FFFD):
/// what a store serializes is exactly what it was given, or nothing (see <see cref="ComplaintText"/>).
/// </summary>
internal sealed class WellFormedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ComplaintText.ThrowIfIllFormed(value, nameof(value));
        writer.WriteStringValue(value);
    }
}
