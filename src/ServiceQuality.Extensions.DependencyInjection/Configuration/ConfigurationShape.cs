using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// What a configuration section may hold, checked before it is bound, so that every problem is reported at once with its
/// configuration key: keys that are not settings (with the valid ones), values that do not parse (with what would),
/// list items and dictionary values included. The configuration binder stops at the first bad value and ignores unknown
/// keys; this check does neither.
/// </summary>
/// <remarks>
/// An object's settings are its public properties with a public setter, or a getter for a collection (the binder adds to
/// it), found through <see cref="DynamicallyAccessedMembersAttribute"/> so trimming keeps them. Values are parsed as the
/// binder parses them (invariant culture), except that an enum must be one of its names: the binder would take any
/// number. A property holding an object must be declared with its own shape; one that is not cannot be set from
/// configuration, and setting it is reported.
/// </remarks>
internal abstract class ConfigurationShape
{
    /// <summary>Checks <paramref name="section"/> and adds a problem for each bad key or value.</summary>
    /// <param name="section">The section.</param>
    /// <param name="problems">Where problems are added, each naming its configuration key.</param>
    public abstract void Check(IConfigurationSection section, List<string> problems);

    /// <summary>The shape of an object of type <typeparamref name="T"/>: its settings, with shapes for those that hold objects.</summary>
    /// <typeparam name="T">The options type.</typeparam>
    /// <param name="nested">The shapes of the properties that hold objects, by property name.</param>
    /// <returns>The shape.</returns>
    public static ConfigurationShape Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(params (string Property, ConfigurationShape Shape)[] nested) =>
        new ObjectShape(typeof(T).Name, typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance), nested);

    /// <summary>The shape of a list of <paramref name="element"/>s (keys 0, 1, ...).</summary>
    /// <param name="element">The shape of each element.</param>
    /// <returns>The shape.</returns>
    public static ConfigurationShape ListOf(ConfigurationShape element) => new ListShape(element);

    /// <summary>The shape of a dictionary of <paramref name="value"/>s, keyed by any name (e.g. named calendars).</summary>
    /// <param name="value">The shape of each value.</param>
    /// <returns>The shape.</returns>
    public static ConfigurationShape DictionaryOf(ConfigurationShape value) => new DictionaryShape(value);

    /// <summary>A property the configuration cannot set (an object built in code); setting it is reported with <paramref name="hint"/>.</summary>
    /// <param name="hint">What to do instead, e.g. where the bindable form of the setting is.</param>
    /// <returns>The shape.</returns>
    public static ConfigurationShape NotBindable(string hint) => new NotBindableShape(hint);

    /// <summary>
    /// Reads <paramref name="oldName"/>, the name a setting of this object shape had before it was renamed, as
    /// <paramref name="setting"/>; setting both is reported. The binder does not know the old name: the caller binds it.
    /// </summary>
    /// <param name="oldName">The old name.</param>
    /// <param name="setting">The setting's name now.</param>
    /// <returns>This shape.</returns>
    /// <exception cref="InvalidOperationException">This is not an object shape, or it has no setting <paramref name="setting"/>.</exception>
    internal virtual ConfigurationShape WithOldName(string oldName, string setting) =>
        throw new InvalidOperationException($"Only an object's settings have names; '{oldName}' cannot name '{setting}' here.");

    /// <summary>Gets the names of an object shape's settings (empty for any other shape).</summary>
    internal virtual IEnumerable<string> Settings => [];

    /// <summary>Gets the shape of one setting of an object shape.</summary>
    /// <param name="setting">The setting's name.</param>
    /// <returns>Its shape, or <see langword="null"/> when it has none.</returns>
    internal virtual ConfigurationShape? ShapeOf(string setting) => null;

    /// <summary>Finds how a leaf value of <paramref name="type"/> is parsed, or <see langword="null"/> when it is not a leaf.</summary>
    internal static ValueShape? LeafOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        bool nullable = underlying is not null;
        type = underlying ?? type;
        Func<string, bool>? parses = type switch
        {
            _ when type == typeof(string) => static _ => true,
            _ when type == typeof(bool) => static v => bool.TryParse(v, out _),
            _ when type == typeof(int) => static v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(long) => static v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(double) => static v => double.TryParse(v, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
            _ when type == typeof(TimeSpan) => static v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(TimeOnly) => static v => TimeOnly.TryParse(v, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(DateOnly) => static v => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(DateTimeOffset) => static v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when type.IsEnum => EnumParser(type),
            _ => null,
        };
        return parses is null ? null : new ValueShape(Describe(type), parses, nullable);
    }

    private static Func<string, bool> EnumParser(Type type)
    {
        var names = Enum.GetNames(type);
        bool flags = type.IsDefined(typeof(FlagsAttribute), inherit: false);
        return value => (flags ? value.Split(',', StringSplitOptions.TrimEntries) : [value.Trim()])
            .All(part => names.Contains(part, StringComparer.OrdinalIgnoreCase));
    }

    private static string Describe(Type type) => type switch
    {
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number, e.g. 0.75",
        _ when type == typeof(TimeSpan) => "a time span [d.]hh:mm[:ss[.fffffff]], e.g. 7.00:00:00 or 00:15:00",
        _ when type == typeof(TimeOnly) => "a time of day hh:mm[:ss], e.g. 09:00",
        _ when type == typeof(DateOnly) => "a date yyyy-MM-dd, e.g. 2026-12-25",
        _ when type == typeof(DateTimeOffset) => "an instant, e.g. 2026-12-25T09:00:00Z",
        _ => type.Name,
    };

    /// <summary>The shape a property's type has without a declaration: a leaf, a collection of leaves, or a dictionary of them; otherwise <see langword="null"/>.</summary>
    private static ConfigurationShape? Implicit(Type type)
    {
        if (LeafOf(type) is { } leaf)
        {
            return leaf;
        }

        if (type.IsArray)
        {
            return Implicit(type.GetElementType()!) is { } element ? new ListShape(element) : null;
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (arguments.Length == 1 && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(ISet<>) || definition == typeof(HashSet<>)))
        {
            return Implicit(arguments[0]) is { } element ? new ListShape(element) : null;
        }

        if (arguments.Length == 2 && arguments[0] == typeof(string)
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
        {
            return Implicit(arguments[1]) is { } value ? new DictionaryShape(value) : null;
        }

        return null;
    }

    private static bool IsCollection(Type type) => type.IsArray || (type.IsGenericType && type.GetGenericArguments().Length is 1 or 2 && Implicit(type) is ListShape or DictionaryShape);

    private static string Shown(string? value) => value is null ? "a section" : $"'{value}'";

    /// <summary>A value: parsed as the binder would parse it.</summary>
    internal sealed class ValueShape(string expected, Func<string, bool> parses, bool nullable) : ConfigurationShape
    {
        public override void Check(IConfigurationSection section, List<string> problems)
        {
            string? value = section.Value;
            if (value is null)
            {
                if (section.GetChildren().Any())
                {
                    problems.Add($"{section.Path} is a section; valid: a value, {expected}.");
                }

                return;
            }

            if (!(nullable && value.Length == 0) && !parses(value))
            {
                problems.Add($"{section.Path} is '{value}'; valid: {expected}.");
            }
        }
    }

    private sealed class NotBindableShape(string hint) : ConfigurationShape
    {
        public override void Check(IConfigurationSection section, List<string> problems) =>
            problems.Add($"{section.Path} cannot be set from configuration; {hint}.");
    }

    private sealed class ListShape(ConfigurationShape element) : ConfigurationShape
    {
        public override void Check(IConfigurationSection section, List<string> problems)
        {
            if (section.Value is { Length: > 0 } value)
            {
                problems.Add($"{section.Path} is '{value}'; valid: a list ({section.Path}:0, {section.Path}:1, ...).");
                return;
            }

            foreach (var item in section.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{item.Path} is not a list index; valid: {section.Path}:0, {section.Path}:1, ...");
                    continue;
                }

                element.Check(item, problems);
            }
        }
    }

    private sealed class DictionaryShape(ConfigurationShape value) : ConfigurationShape
    {
        public override void Check(IConfigurationSection section, List<string> problems)
        {
            foreach (var entry in section.GetChildren())
            {
                value.Check(entry, problems);
            }
        }
    }

    private sealed class ObjectShape : ConfigurationShape
    {
        private readonly string _typeName;
        private readonly Dictionary<string, ConfigurationShape?> _settings = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _oldNames = new(StringComparer.OrdinalIgnoreCase);

        public ObjectShape(string typeName, PropertyInfo[] properties, (string Property, ConfigurationShape Shape)[] nested)
        {
            _typeName = typeName;
            foreach (var property in properties)
            {
                if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                bool settable = property.SetMethod is { IsPublic: true };
                var declared = Array.Find(nested, n => string.Equals(n.Property, property.Name, StringComparison.Ordinal)).Shape;
                var shape = declared ?? Implicit(property.PropertyType);
                if (settable || declared is not null || IsCollection(property.PropertyType))
                {
                    // null: an object the configuration cannot build (no shape declared for it).
                    _settings[property.Name] = shape;
                }
            }

            foreach (var (name, _) in nested)
            {
                if (!_settings.ContainsKey(name))
                {
                    throw new InvalidOperationException($"{typeName} has no public property '{name}' to declare a shape for.");
                }
            }
        }

        internal override ConfigurationShape WithOldName(string oldName, string setting)
        {
            if (!_settings.ContainsKey(setting))
            {
                throw new InvalidOperationException($"{_typeName} has no setting '{setting}' for the old name '{oldName}'.");
            }

            _oldNames[oldName] = setting;
            return this;
        }

        internal override IEnumerable<string> Settings => _settings.Keys;

        internal override ConfigurationShape? ShapeOf(string setting) => _settings.GetValueOrDefault(setting);

        public override void Check(IConfigurationSection section, List<string> problems)
        {
            if (section.Value is { Length: > 0 } value)
            {
                problems.Add($"{section.Path} is '{value}'; valid: a section with the settings of {_typeName} ({string.Join(", ", _settings.Keys)}).");
                return;
            }

            foreach (var child in section.GetChildren())
            {
                if (_oldNames.TryGetValue(child.Key, out string? renamed))
                {
                    if (section.GetSection(renamed).Exists())
                    {
                        problems.Add($"{child.Path} is the old name of {renamed}, which is set too; valid: {renamed} alone.");
                    }
                    else
                    {
                        _settings[renamed]!.Check(child, problems);
                    }
                }
                else if (!_settings.TryGetValue(child.Key, out var shape))
                {
                    problems.Add($"{child.Path} is not a setting of {_typeName}; valid: {string.Join(", ", _settings.Keys)}.");
                }
                else if (shape is null)
                {
                    problems.Add($"{child.Path} is {Shown(child.Value)}, but it cannot be set from configuration.");
                }
                else
                {
                    shape.Check(child, problems);
                }
            }
        }
    }
}
