using System.Globalization;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// How <see cref="ComplaintCommandExecutor"/> retries a command that lost a race (a
/// <see cref="ServiceQuality.Complaints.ComplaintConcurrencyException"/>: another writer appended first): reload, decide
/// again, append again, after an exponential backoff with decorrelated jitter (Polly's retry strategy) so that writers
/// that collided do not collide again in step. Section <c>ServiceQuality:Retries</c>.
/// </summary>
public sealed class CommandRetryOptions
{
    /// <summary>Gets or sets how many times a command is retried after a conflict (0: never; the conflict is thrown at once).</summary>
    /// <value>3. Valid: 0 to 10.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the median delay before the first retry; later ones grow exponentially.</summary>
    /// <value>20 milliseconds. Valid: 0 to 10 seconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <value>1 second. Valid: from <see cref="BaseDelay"/> to 1 minute.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets a value indicating whether delays are jittered (decorrelated jitter), so colliding writers spread out.</summary>
    /// <value><see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>Lists every invalid setting.</summary>
    /// <param name="path">The configuration path of these options, for the messages.</param>
    /// <returns>The problems; empty when valid.</returns>
    internal IEnumerable<string> GetProblems(string path)
    {
        if (MaxRetries is < 0 or > 10)
        {
            yield return $"{path}:{nameof(MaxRetries)} is {MaxRetries}; valid: 0 to 10.";
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromSeconds(10))
        {
            yield return $"{path}:{nameof(BaseDelay)} is {C(BaseDelay)}; valid: 00:00:00 to 00:00:10.";
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{path}:{nameof(MaxDelay)} is {C(MaxDelay)}; valid: from {path}:{nameof(BaseDelay)} ({C(BaseDelay)}) to 00:01:00.";
        }

        static string C(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
    }
}
