using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>Validates <see cref="ServiceQualityOptions"/> at host start: every problem, in every section, in one result.</summary>
internal sealed class ServiceQualityOptionsValidator : IValidateOptions<ServiceQualityOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceQualityOptions options)
    {
        var failures = new List<string>(options.ConfigurationProblems);
        string root = string.IsNullOrEmpty(name) ? ServiceQualityOptions.SectionName : $"{ServiceQualityOptions.SectionName}[{name}]";
        if (options.Sla is not null)
        {
            Section(failures, $"{root}:{nameof(ServiceQualityOptions.Sla)}", options.Sla, static o => o.Validate(Enum.GetNames<ContactChannel>()));
            failures.AddRange(options.SlaPrecedenceProblems(root));
        }

        Add(failures, $"{root}:{nameof(ServiceQualityOptions.Retries)}", options.Retries, static (o, p) => o.GetProblems(p));
        Add(failures, $"{root}:{nameof(ServiceQualityOptions.Metrics)}", options.Metrics, static (o, p) => o.GetProblems(p));
        Add(failures, $"{root}:{nameof(ServiceQualityOptions.SlaMonitor)}", options.SlaMonitor, static (o, p) => o.GetProblems(p));
        Add(failures, $"{root}:{nameof(ServiceQualityOptions.AutoClose)}", options.AutoClose, static (o, p) => o.GetProblems(p));
        Section(failures, $"{root}:{nameof(ServiceQualityOptions.Complaints)}", options.Complaints, static o => o.Validate());
        Section(failures, $"{root}:{nameof(ServiceQualityOptions.Normalization)}", options.Normalization, static o => o.Validate());
        Section(failures, $"{root}:{nameof(ServiceQualityOptions.Recurrence)}", options.Recurrence, static o => o.Validate());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds the problems of one of this package's options sections (each names its key).</summary>
    private static void Add<T>(List<string> failures, string path, T? section, Func<T, string, IEnumerable<string>> problems)
        where T : class
    {
        if (section is null)
        {
            failures.Add($"{path} is null; valid: a {typeof(T).Name}.");
            return;
        }

        failures.AddRange(problems(section, path));
    }

    /// <summary>Writes the setting a core problem starts with as a configuration key path (<c>Sla.High.TimeToAcknowledge is ...</c> becomes <c>Sla:High:TimeToAcknowledge is ...</c>).</summary>
    internal static string AsKeyPath(string problem)
    {
        int end = problem.IndexOf(' ', StringComparison.Ordinal);
        return end <= 0 ? problem : string.Concat(problem.AsSpan(0, end).ToString().Replace('.', ':'), problem.AsSpan(end));
    }

    /// <summary>Runs a core options class's own validation, which throws one exception carrying all its problems.</summary>
    private static void Section<T>(List<string> failures, string path, T? section, Action<T> validate)
        where T : class
    {
        if (section is null)
        {
            failures.Add($"{path} is null; valid: a {typeof(T).Name}.");
            return;
        }

        try
        {
            validate(section);
        }
        catch (InvalidOptionsException ex)
        {
            failures.AddRange(ex.Problems.Select(problem => $"{path}:{AsKeyPath(problem)}"));
        }
    }
}
