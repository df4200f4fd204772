using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Reload is not supported (the lifecycle, its SLA policies and calendar are built once, at start), so nothing watches
/// the options for changes; this says so when the <c>ServiceQuality</c> settings change while the host runs (event 1400),
/// rather than leaving an operator to believe an edited file took effect. Other sections changing say nothing.
/// </summary>
internal sealed class ConfigurationChangeWatcher(IConfiguration configuration, ILogger<ConfigurationChangeWatcher> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;
    private IConfigurationSection? _section;
    private KeyValuePair<string, string?>[] _atStart = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _section = ConfigureServiceQualityFromConfiguration.Locate(configuration, []);
        if (_section is not null)
        {
            _atStart = Snapshot(_section);
            _subscription = ChangeToken.OnChange(configuration.GetReloadToken, OnReload);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    private static KeyValuePair<string, string?>[] Snapshot(IConfigurationSection section) =>
        [.. section.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal)];

    private void OnReload()
    {
        var now = Snapshot(_section!);
        if (!now.SequenceEqual(_atStart))
        {
            _atStart = now;
            Log.ConfigurationChangeIgnored(logger, _section!.Path);
        }
    }
}
