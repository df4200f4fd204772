using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace ServiceQuality.Complaints;

/// <summary>
/// The stored shapes of event types that changed: for each, its current schema version and, for every older version,
/// the step that rewrites an event of that version into the next one (in place, on the JSON). A type not listed has
/// never changed (version 1). A new version of a type is one entry here, its <c>CurrentSchemaVersion</c>, its upcaster
/// and a golden file of the new shape (tests/ServiceQuality.Tests/Complaints/Golden/).
/// </summary>
internal static class ComplaintEventSchemas
{
    private static readonly FrozenDictionary<string, Schema> Changed = new Dictionary<string, Schema>(StringComparer.Ordinal)
    {
        ["received"] = new(ComplaintReceived.Schema, [ComplaintReceived.UpcastFromV1]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the current schema version of the event type with this discriminator.</summary>
    public static int CurrentOf(string discriminator) => Changed.TryGetValue(discriminator, out var schema) ? schema.Current : 1;

    /// <summary>Rewrites a stored event of an older version into the current shape (and sets its schema version).</summary>
    public static void Upcast(string discriminator, int version, JsonObject stored)
    {
        var schema = Changed[discriminator];
        for (int v = version; v < schema.Current; v++)
        {
            schema.Upcasters[v - 1](stored);
        }

        stored["schemaVersion"] = schema.Current;
    }

    /// <summary>Gets the number of upcasters registered for a discriminator (for the tests that check every older version has one).</summary>
    public static int UpcasterCount(string discriminator) => Changed.TryGetValue(discriminator, out var schema) ? schema.Upcasters.Length : 0;

    private sealed record Schema(int Current, Action<JsonObject>[] Upcasters);
}
