using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>Validates <see cref="ServiceQualityOptions"/> at host start: every problem, in every section, in one result.</summary>
internal sealed class ServiceQualityOptionsValidator : IValidateOptions<ServiceQualityOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceQualityOptions options)
    {
        var failures = new List<string>();
        string root = string.IsNullOrEmpty(name) ? ServiceQualityOptions.SectionName : $"{ServiceQualityOptions.SectionName}[{name}]";
        if (options.Sla is not null)
        {
            Section(failures, $"{root}:{nameof(ServiceQualityOptions.Sla)}", options.Sla, static o => o.Validate(Enum.GetNames<ContactChannel>()));
        }

        Section(failures, $"{root}:{nameof(ServiceQualityOptions.Complaints)}", options.Complaints, static o => o.Validate());
        Section(failures, $"{root}:{nameof(ServiceQualityOptions.Normalization)}", options.Normalization, static o => o.Validate());
        Section(failures, $"{root}:{nameof(ServiceQualityOptions.Recurrence)}", options.Recurrence, static o => o.Validate());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
            failures.AddRange(ex.Problems.Select(problem => $"{path}:{problem}"));
        }
    }
}
