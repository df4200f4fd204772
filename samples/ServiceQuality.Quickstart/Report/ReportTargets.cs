using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Quickstart.Pipeline;
using ServiceQuality.Scoring;

namespace ServiceQuality.Quickstart.Report;

/// <summary>Where an estimate stands against its target, with its 95% interval taken into account.</summary>
internal enum TargetStatus
{
    /// <summary>No target set, or no estimate.</summary>
    None,

    /// <summary>The estimate meets the target.</summary>
    Meets,

    /// <summary>The estimate misses the target, but the interval reaches it: too few answers to say.</summary>
    Unclear,

    /// <summary>The whole interval misses the target.</summary>
    Misses,
}

/// <summary>
/// The targets the report's headline cards, SLA chart, trends and team view are coloured against. Read from a JSON file
/// (<c>--targets FILE</c>) with any of these properties; a property left out keeps its default, <c>null</c> removes the
/// target. Percentages are 0-100, NPS in points (-100..100), CES on its 1-7 scale (lower is better in the bundled data).
/// </summary>
internal sealed class ReportTargets
{
    /// <summary>Gets or sets the least Service Quality Index (0-100). Default 65.</summary>
    public double? Index { get; set; } = 65;

    /// <summary>Gets or sets the least NPS (points). Default 20.</summary>
    public double? Nps { get; set; } = 20;

    /// <summary>Gets or sets the least CSAT top-2-box share (%). Default 75.</summary>
    public double? CsatTopBox { get; set; } = 75;

    /// <summary>Gets or sets the most mean customer effort (1-7, lower is better). Default 3.</summary>
    public double? Ces { get; set; } = 3;

    /// <summary>Gets or sets the least SLA attainment (% of clocks met). Default 90.</summary>
    public double? SlaAttainment { get; set; } = 90;

    /// <summary>Gets or sets the least first-contact resolution (%). Default 70.</summary>
    public double? FirstContactResolution { get; set; } = 70;

    /// <summary>Gets or sets the most reopen rate (%). Default 10.</summary>
    public double? ReopenRate { get; set; } = 10;

    /// <summary>Reads targets from a JSON file; a mistake is reported with the file, line and column.</summary>
    public static ReportTargets Load(string path)
    {
        string full = InputFiles.Existing(path);
        string text = InputFiles.ReadText(full, "a JSON file of targets");
        ReportTargets? targets;
        try
        {
            targets = JsonSerializer.Deserialize(text, ReportTargetsJson.Default.ReportTargets);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is { } line ? $", line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            string what = ex.Message.Split(" Path:", 2)[0];
            throw new UserError($"{full}{where}: {what} Valid properties: index, nps, csatTopBox, ces, slaAttainment, firstContactResolution, reopenRate.");
        }

        targets ??= new ReportTargets();
        targets.Check(full);
        return targets;
    }

    /// <summary>Checks each target's range, naming the file and the property.</summary>
    public void Check(string source)
    {
        void In(double? value, string name, double min, double max, string unit)
        {
            if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            {
                throw new UserError($"{source}: {name} is {v.ToString(CultureInfo.InvariantCulture)}; valid: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} {unit}, or null for no target.");
            }
        }

        In(Index, "index", 0, 100, "(index points)");
        In(Nps, "nps", -100, 100, "(NPS points)");
        In(CsatTopBox, "csatTopBox", 0, 100, "(%)");
        In(Ces, "ces", 1, 7, "(CES rating)");
        In(SlaAttainment, "slaAttainment", 0, 100, "(%)");
        In(FirstContactResolution, "firstContactResolution", 0, 100, "(%)");
        In(ReopenRate, "reopenRate", 0, 100, "(%)");
    }

    /// <summary>
    /// Meets when the estimate is on the right side of the target; Misses when the whole interval is on the wrong side;
    /// Unclear otherwise (the estimate misses, but with this many answers the true value may still meet it).
    /// </summary>
    public static TargetStatus Status(double? estimate, double? low, double? high, double? target, bool higherIsBetter = true)
    {
        if (estimate is not { } e || target is not { } t)
        {
            return TargetStatus.None;
        }

        if (higherIsBetter ? e >= t : e <= t)
        {
            return TargetStatus.Meets;
        }

        return (higherIsBetter ? high < t : low > t) ? TargetStatus.Misses : TargetStatus.Unclear;
    }

    /// <summary>The same on a scale: estimate and interval multiplied by <paramref name="scale"/> before the comparison.</summary>
    public static TargetStatus Status(double? estimate, ConfidenceInterval? interval, double scale, double? target, bool higherIsBetter = true) =>
        Status(estimate * scale, interval?.Lower * scale, interval?.Upper * scale, target, higherIsBetter);

    /// <summary>The symbol of a status and a space (none without a target), put before a figure in a chart or a table.</summary>
    public static string Symbol(TargetStatus status) => status switch
    {
        TargetStatus.Meets => "✓ ",
        TargetStatus.Unclear => "~ ",
        TargetStatus.Misses => "✗ ",
        _ => string.Empty,
    };

    /// <summary>The words for a status, so that colour is never the only cue.</summary>
    public static string Words(TargetStatus status) => status switch
    {
        TargetStatus.Meets => "✓ meets target",
        TargetStatus.Unclear => "~ short of target, within the uncertainty",
        TargetStatus.Misses => "✗ misses target",
        _ => "no target",
    };
}

/// <summary>The targets file's JSON (source-generated: trimming- and AOT-safe); unknown properties are mistakes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ReportTargets))]
internal sealed partial class ReportTargetsJson : JsonSerializerContext;
