using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Logging;

public partial class ServiceQualityLogEventsTests
{
    /// <summary>The event ids hosts match on: changing one is a breaking change, so it must fail here first.</summary>
    private static readonly (int Id, string Name, LogLevel Level)[] Pinned =
    [
        (1000, "CommandRefused", LogLevel.Information),
        (1001, "ConcurrencyConflictRetried", LogLevel.Warning),
        (1002, "ConcurrencyRetriesExhausted", LogLevel.Warning),
        (1100, "SlaAtRisk", LogLevel.Warning),
        (1101, "SlaBreached", LogLevel.Error),
        (1102, "SlaSweepFailed", LogLevel.Error),
        (1103, "SlaAlertHandlerFailed", LogLevel.Error),
        (1104, "SlaAlertAlreadyRecorded", LogLevel.Debug),
        (1200, "ComplaintAutoClosed", LogLevel.Information),
        (1201, "AutoCloseSweepFailed", LogLevel.Error),
        (1300, "StoreOperationFailed", LogLevel.Error),
        (1301, "BacklogRefreshFailed", LogLevel.Error),
        (1400, "ConfigurationChangeIgnored", LogLevel.Warning),
    ];

    [Fact]
    public void EveryLogMessage_HasItsPinnedIdNameAndLevel()
    {
        var declared = typeof(ComplaintCommandExecutor).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => (a.EventId, a.EventName!, a.Level))
            .OrderBy(e => e.EventId);

        Assert.Equal(Pinned, declared);
    }

    [Fact]
    public void ServiceQualityLogEvents_NamesEachPinnedId()
    {
        var constants = typeof(ServiceQualityLogEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((int)f.GetRawConstantValue()!, f.Name))
            .OrderBy(c => c.Item1);

        Assert.Equal(Pinned.Select(p => (p.Id, p.Name)), constants);
    }

    [Fact]
    public void HostingDocs_ListEveryEventIdWithItsNameAndLevel()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "hosting.md"));

        var rows = DocRow().Matches(docs).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, Enum.Parse<LogLevel>(m.Groups[3].Value)));

        Assert.Equal(Pinned, rows);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceQuality.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No ServiceQuality.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| (\d{4}) \| `(\w+)` \| (\w+) \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
