using System.Text.Json;

namespace ServiceQuality.Scoring;

/// <summary>Reading and writing the JSON state of the accumulators: one object with a version and named numbers.</summary>
internal static class JsonState
{
    /// <summary>The version of the JSON state written by this library; readers refuse other versions.</summary>
    public const int Version = 1;

    public const string VersionName = "version";

    public static void WriteStart(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber(VersionName, Version);
    }

    /// <summary>Reads the properties of one state object, calling <paramref name="property"/> with each name after the version.</summary>
    public static void ReadObject<TState>(ref Utf8JsonReader reader, string what, ref TState state, PropertyReader<TState> property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The state of a {what} must be a JSON object.");
        }

        var versionSeen = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException($"Malformed {what} state.");
            }

            var name = reader.GetString()!;
            reader.Read();
            if (name == VersionName)
            {
                var version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : -1;
                if (version != Version)
                {
                    throw new JsonException($"The {what} state has version {(version < 0 ? "(not an integer)" : version.ToString(System.Globalization.CultureInfo.InvariantCulture))}; this library reads version {Version}.");
                }

                versionSeen = true;
            }
            else if (!versionSeen)
            {
                throw new JsonException($"The {what} state must start with its \"{VersionName}\".");
            }
            else if (!property(ref reader, name, ref state))
            {
                throw new JsonException($"Unknown property \"{name}\" in a {what} state.");
            }
        }

        if (!versionSeen)
        {
            throw new JsonException($"The {what} state has no \"{VersionName}\".");
        }
    }

    public static long ReadCount(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value >= 0
            ? value
            : throw new JsonException($"\"{name}\" must be an integer ≥ 0.");

    public static double ReadDouble(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException($"\"{name}\" must be a finite number.");

    public delegate bool PropertyReader<TState>(ref Utf8JsonReader reader, string name, ref TState state);
}
