using ServiceQuality.Samples.WebApi.Complaints;

namespace ServiceQuality.Samples.WebApi;

/// <summary>
/// Which backend runs the complaints (setting <c>Backend</c>): <c>Local</c>, this host's own <c>ComplaintService</c>
/// (the default), or <c>Orleans</c>, the complaint grains of an Orleans cluster, reached as a cluster client through
/// the gateways of section <c>Orleans</c> (<see cref="OrleansSettings"/>). The endpoints are the same either way.
/// </summary>
internal static class ComplaintBackend
{
    /// <summary>The setting that chooses the backend.</summary>
    public const string SettingName = "Backend";

    public const string Local = "Local";

    public const string Orleans = "Orleans";

    /// <summary>Registers the backend the configuration names.</summary>
    /// <returns>Whether the cluster runs the complaints (then the silos keep the SLA clocks, not this host), and the backend in words, for the start-up log.</returns>
    /// <exception cref="InvalidOperationException"><c>Backend</c> is neither <c>Local</c> nor <c>Orleans</c>, or the <c>Orleans</c> section is invalid.</exception>
    public static (bool Clustered, string Description) Use(IHostApplicationBuilder builder)
    {
        string backend = builder.Configuration[SettingName] is { Length: > 0 } named ? named : Local;
        if (string.Equals(backend, Local, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<IComplaintBackend, LocalComplaintBackend>();
            return (false, "this host's ComplaintService");
        }

        if (!string.Equals(backend, Orleans, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{SettingName} is '{backend}'; valid: {Local} (this host's ComplaintService, the default) or {Orleans} (the complaint grains of an Orleans cluster, section {OrleansSettings.SectionName}).");
        }

        var orleans = builder.Configuration.GetSection(OrleansSettings.SectionName).Get<OrleansSettings>() ?? new OrleansSettings();
        orleans.Validate();
        builder.UseOrleansClient(client => client
            .UseServiceQuality()
            .UseLocalhostClustering(orleans.EffectiveGatewayPorts, orleans.ServiceId, orleans.ClusterId));
        builder.Services.AddSingleton<IComplaintBackend, OrleansComplaintBackend>();
        return (true, $"the Orleans cluster '{orleans.ClusterId}' (service '{orleans.ServiceId}', gateways on loopback ports {string.Join(", ", orleans.EffectiveGatewayPorts)})");
    }
}

/// <summary>The Orleans cluster the API is a client of when <c>Backend</c> is <c>Orleans</c> (section <c>Orleans</c>).</summary>
public sealed class OrleansSettings
{
    public const string SectionName = "Orleans";

    /// <summary>Gets or sets the cluster's id (Orleans' <c>ClusterOptions.ClusterId</c>), as the silos set it.</summary>
    /// <value><c>dev</c> (the id of Orleans' development clustering, which the Orleans sample's silos use).</value>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Gets or sets the service's id (Orleans' <c>ClusterOptions.ServiceId</c>), as the silos set it.</summary>
    /// <value><c>dev</c>.</value>
    public string ServiceId { get; set; } = "dev";

    /// <summary>
    /// Gets or sets the silos' gateway ports on this machine (127.0.0.1); the client connects to those that answer. None
    /// set means <see cref="DefaultGatewayPorts"/>. (No default in the property itself: the configuration binder appends
    /// the configured ports to an array's initial items.)
    /// </summary>
    /// <value>None: <see cref="DefaultGatewayPorts"/>.</value>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>The gateways of the Orleans sample's silos 0, 1 and 2: ports 30000, 30001 and 30002.</summary>
    public static IReadOnlyList<int> DefaultGatewayPorts { get; } = [30000, 30001, 30002];

    /// <summary>Gets the ports the client uses: <see cref="GatewayPorts"/>, or <see cref="DefaultGatewayPorts"/> when none are set.</summary>
    public int[] EffectiveGatewayPorts => GatewayPorts is { Length: > 0 } ports ? ports : [.. DefaultGatewayPorts];

    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            problems.Add($"{SectionName}:{nameof(ClusterId)} is blank; valid: the silos' cluster id (default dev).");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            problems.Add($"{SectionName}:{nameof(ServiceId)} is blank; valid: the silos' service id (default dev).");
        }

        if (GatewayPorts is null || GatewayPorts.Any(p => p is < 1 or > 65535))
        {
            problems.Add($"{SectionName}:{nameof(GatewayPorts)} is [{string.Join(", ", GatewayPorts ?? [])}]; valid: ports from 1 to 65535 (none set: 30000, 30001, 30002).");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }
}
