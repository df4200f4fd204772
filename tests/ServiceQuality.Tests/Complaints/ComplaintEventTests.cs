using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Complaints;

namespace ServiceQuality.Tests.Complaints;

/// <summary>Each event type declares everything it means in one place, and the set of event types is closed and known to the serializer.</summary>
public class ComplaintEventTests
{
    /// <summary>The effects every event type must declare itself (no silent default inherited from another type).</summary>
    private static readonly string[] Effects = ["Fold", "AppendSlaEntries", "Measure", "Record", "ErasePersonalData", "CommandOf"];

    private static Type[] DerivedTypes() =>
        [.. typeof(ComplaintEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType)];

    [Fact]
    public void EventTypes_EveryConcreteEventInTheAssembly_IsAKnownSerializerType()
    {
        var concrete = typeof(ComplaintEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ComplaintEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(concrete.OrderBy(t => t.Name), DerivedTypes().OrderBy(t => t.Name));
        Assert.Equal(DerivedTypes().Length, ComplaintEventSerializer.KnownTypes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EventTypes_EveryKnownType_DeclaresEachEffectItself()
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var type in DerivedTypes())
        {
            Assert.True(type.IsSealed, $"{type.Name} must be sealed, so no other event type inherits its effects.");
            var methods = type.GetMethods(declared).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(Effects, effect => Assert.True(methods.Contains(effect), $"{type.Name} does not declare {effect}."));
        }
    }

    [Fact]
    public void WithPersonalDataErased_EveryEventType_KeepsTheCommonPartAndNoFreeText()
    {
        var history = ComplaintTestKit.EveryEventType();
        Assert.Equal(DerivedTypes().Length, history.Select(e => e.GetType()).Distinct().Count());
        foreach (var e in history)
        {
            var erased = e.WithPersonalDataErased();

            Assert.Equal(e.GetType(), erased.GetType());
            Assert.Equal((e.ComplaintId, e.Version, e.At, e.Actor, e.Channel, e.State, e.DefinitionVersion),
                (erased.ComplaintId, erased.Version, erased.At, erased.Actor, erased.Channel, erased.State, erased.DefinitionVersion));
            foreach (var text in FreeTexts(e))
            {
                Assert.DoesNotContain(text, FreeTexts(erased));
            }

            Assert.All(FreeTexts(erased), t => Assert.Equal(ComplaintEvent.ErasedText, t));
            Assert.Equal(erased, erased.WithPersonalDataErased());
        }
    }

    [Fact]
    public void WithPersonalDataErased_WholeHistory_ReplaysToTheSameStatesAndClocks()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);
        time.Advance(TimeSpan.FromHours(30));

        var erased = lifecycle.Replay(c.History.Select(e => e.WithPersonalDataErased()));

        Assert.Equal(
            c.Snapshot with
            {
                Text = ComplaintEvent.ErasedText,
                Normalized = c.Snapshot.Normalized! with { CanonicalText = ComplaintEvent.ErasedText },
                CommittedAction = ComplaintEvent.ErasedText,
            },
            erased.Snapshot);
        Assert.Equal(c.EvaluateSla(), erased.EvaluateSla());
        Assert.Equal(ComplaintMeasures.Of(c), ComplaintMeasures.Of(erased));
    }

    /// <summary>The string values an event adds to the common part: what it says, in words.</summary>
    private static List<string> FreeTexts(ComplaintEvent e)
    {
        using var json = JsonDocument.Parse(ComplaintEventSerializer.Serialize(e));
        string[] common = ["type", "complaintId", "version", "at", "actor", "channel", "state", "definitionVersion", "clientId", "segment", "priority", "dueAt", "level", "tags", "agent", "team", "previous", "problemId", "surveyResponseId", "pauseReason", "added", "removed", "clock", "status", "breachAt"];
        var texts = new List<string>();
        foreach (var property in json.RootElement.EnumerateObject().Where(p => !common.Contains(p.Name)))
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                texts.Add(property.Value.GetString()!);
            }
            else if (property.Value.ValueKind == JsonValueKind.Object && property.Name is "metadata" or "set")
            {
                texts.AddRange(property.Value.EnumerateObject().Select(p => p.Value.GetString()!));
            }
            else if (property.Name == "normalized")
            {
                texts.Add(property.Value.GetProperty("canonicalText").GetString()!);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                texts.AddRange(property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            }
        }

        return texts;
    }
}
