using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ServiceQuality.Complaints;

/// <summary>
/// Reads and writes complaint events as JSON with System.Text.Json source generation (no reflection, AOT-safe): each
/// event is an object with a <c>"type"</c> discriminator. Stored data with an unknown or missing discriminator is an
/// error that names it (<see cref="ComplaintEventFormatException"/>), never a silent skip. Every event carries its type's
/// schema version (<see cref="ComplaintEvent.SchemaVersion"/>; none means 1): an older version is upcast to the current
/// shape as it is read, a newer one is an error that says so.
/// </summary>
public static class ComplaintEventSerializer
{
    /// <summary>
    /// Gets the source-generated metadata of <see cref="ComplaintEvent"/>, for hosts that serialize with their own
    /// pipeline. It reads the current schema version of each event type only: read stored data through
    /// <see cref="Deserialize"/> or <see cref="DeserializeHistory"/>, which upcast older versions.
    /// </summary>
    public static JsonTypeInfo<ComplaintEvent> EventTypeInfo => ComplaintJsonContext.Default.ComplaintEvent;

    /// <summary>Gets the discriminators of every known event type, in declaration order.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } =
        [.. ComplaintJsonContext.Default.ComplaintEvent.PolymorphismOptions!.DerivedTypes.Select(d => (string)d.TypeDiscriminator!)];

    private static readonly FrozenSet<string> KnownTypeSet = KnownTypes.ToFrozenSet(StringComparer.Ordinal);

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

    /// <summary>Writes a refusal, for a transport that carries it to another process (the Orleans package does).</summary>
    /// <param name="refusal">The refusal.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refusal"/> is <see langword="null"/>.</exception>
    public static string SerializeRefusal(CommandRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return JsonSerializer.Serialize(refusal, ComplaintJsonContext.Default.CommandRefusal);
    }

    /// <summary>Reads a refusal written by <see cref="SerializeRefusal"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is not a refusal.</exception>
    public static CommandRefusal DeserializeRefusal(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, ComplaintJsonContext.Default.CommandRefusal)
            ?? throw new JsonException("The JSON is null; a command refusal was expected.");
    }

    /// <summary>
    /// Writes a snapshot with every field (its <see cref="NormalizedRecord"/>, tags, metadata and SLA alerts too), for a
    /// transport that carries it to another process (the Orleans package does): a field the core adds to the snapshot
    /// crosses with it. Not a storage format: a store keeps the events, and the snapshot is their fold.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text in the snapshot has a lone surrogate (it could not be written exactly; <see cref="ComplaintText"/>).</exception>
    public static string SerializeSnapshot(ComplaintSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Serialize(snapshot, ComplaintJsonContext.Default.ComplaintSnapshot);
    }

    /// <summary>Reads a snapshot written by <see cref="SerializeSnapshot"/>: it equals the snapshot written.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is not a snapshot.</exception>
    public static ComplaintSnapshot DeserializeSnapshot(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, ComplaintJsonContext.Default.ComplaintSnapshot)
            ?? throw new JsonException("The JSON is null; a complaint snapshot was expected.");
    }

    /// <summary>Reads one event, upcasting an older schema version of its type to the current one.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ComplaintEventFormatException">The discriminator is unknown or missing (the message names it and the known ones), the schema version is newer than this library reads or invalid, or the JSON is otherwise invalid.</exception>
    public static ComplaintEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var stored = Scan(bytes, array: false);
            if (stored is [{ NeedsUpcast: true } one])
            {
                var node = JsonNode.Parse(bytes)!.AsObject();
                ComplaintEventSchemas.Upcast(one.Type!, one.Version, node);
                return node.Deserialize(ComplaintJsonContext.Default.ComplaintEvent)!;
            }

            return JsonSerializer.Deserialize(bytes, ComplaintJsonContext.Default.ComplaintEvent)
                ?? throw new ComplaintEventFormatException("The JSON is null; a complaint event was expected.");
        }
        catch (Exception ex) when (ex is (JsonException and not ComplaintEventFormatException) or NotSupportedException or InvalidOperationException)
        {
            throw Explain(json, ex);
        }
    }

    /// <summary>Reads a history written by <see cref="SerializeHistory"/> (or by an earlier version of the library), upcasting each event of an older schema version.</summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ComplaintEventFormatException">An element's discriminator is unknown or missing (the message names it, its position and the known ones), a schema version is newer than this library reads or invalid, or the JSON is otherwise invalid.</exception>
    public static IReadOnlyList<ComplaintEvent> DeserializeHistory(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var stored = Scan(bytes, array: true);
            IReadOnlyList<ComplaintEvent?>? history;
            if (stored.Any(e => e.NeedsUpcast))
            {
                var array = JsonNode.Parse(bytes)!.AsArray();
                for (int i = 0; i < stored.Count; i++)
                {
                    if (stored[i].NeedsUpcast)
                    {
                        ComplaintEventSchemas.Upcast(stored[i].Type!, stored[i].Version, array[i]!.AsObject());
                    }
                }

                history = array.Deserialize(ComplaintJsonContext.Default.IReadOnlyListComplaintEvent);
            }
            else
            {
                history = JsonSerializer.Deserialize(bytes, ComplaintJsonContext.Default.IReadOnlyListComplaintEvent);
            }

            if (history is null)
            {
                throw new ComplaintEventFormatException("The JSON is null; an array of complaint events was expected.");
            }

            for (int i = 0; i < history.Count; i++)
            {
                if (history[i] is null)
                {
                    throw new ComplaintEventFormatException($"Element {i} of the history is null; a complaint event was expected.");
                }
            }

            return history!;
        }
        catch (Exception ex) when (ex is (JsonException and not ComplaintEventFormatException) or NotSupportedException or InvalidOperationException)
        {
            throw Explain(json, ex);
        }
    }

    /// <summary>
    /// Reads the discriminator and schema version of the event (or of each element of the array) without materializing
    /// anything else, so events of the current version go straight to the source-generated reader. A newer or invalid
    /// schema version is an error here; anything else wrong is left to the reader, whose error <see cref="Explain"/> words.
    /// </summary>
    private static List<StoredShape> Scan(ReadOnlySpan<byte> utf8, bool array)
    {
        var shapes = new List<StoredShape>(array ? 16 : 1);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            return shapes;
        }

        if (!array)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                shapes.Add(ScanObject(ref reader, "the event"));
            }

            return shapes;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return shapes;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                shapes.Add(ScanObject(ref reader, $"element {shapes.Count}"));
            }
            else
            {
                shapes.Add(default);
                reader.Skip();
            }
        }

        return shapes;
    }

    private static StoredShape ScanObject(ref Utf8JsonReader reader, string where)
    {
        string? type = null;
        int version = 1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("schemaVersion"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out version) || version < 1)
                {
                    throw new ComplaintEventFormatException($"The schemaVersion of {where} is not a whole number from 1; the data is corrupt.");
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (type is null || !KnownTypeSet.Contains(type))
        {
            return new StoredShape(null, version, NeedsUpcast: false);
        }

        int current = ComplaintEventSchemas.CurrentOf(type);
        if (version > current)
        {
            throw new ComplaintEventFormatException(
                $"{char.ToUpperInvariant(where[0])}{where[1..]} is a '{type}' event of schema version {version}; this version of the library reads up to version {current}: it was written by a newer version.",
                type);
        }

        return new StoredShape(type, version, version < current);
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
[JsonSerializable(typeof(CommandRefusal))]
[JsonSerializable(typeof(ComplaintSnapshot))]
internal sealed partial class ComplaintJsonContext : JsonSerializerContext;

/// <summary>What the scan of stored data found for one event: its discriminator (when known), its schema version, and whether it is older than its type's current version.</summary>
internal readonly record struct StoredShape(string? Type, int Version, bool NeedsUpcast);

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

    // Dictionary keys (metadata, tone signals) are strings too, held to the same rule.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ComplaintText.ThrowIfIllFormed(value, nameof(value));
        writer.WritePropertyName(value);
    }
}
