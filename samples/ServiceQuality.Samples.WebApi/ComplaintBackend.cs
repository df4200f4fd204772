using Npgsql;
using Orleans.Configuration;
using ServiceQuality.Samples.WebApi.Complaints;

namespace ServiceQuality.Samples.WebApi;

/// <summary>
/// Which backend runs the complaints (setting <c>Backend</c>): <c>Local</c>, this host's own <c>ComplaintService</c>
/// (the default), or <c>Orleans</c>, the complaint grains of an Orleans cluster, reached as a cluster client through
/// the gateways section <c>Orleans</c> names (<see cref="OrleansSettings"/>: loopback ports, or the ADO.NET membership
/// table in PostgreSQL). The endpoints are the same either way.
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
        builder.UseOrleansClient(client =>
        {
            client.UseServiceQuality();
            if (orleans.UsesAdoNet)
            {
                // The gateways the silos wrote in the ADO.NET membership table (PostgreSQL), as the Orleans sample's client reads them.
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId))
                    .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (OrleansSettings.AdoNetInvariant, orleans.ConnectionString));
            }
            else
            {
                client.UseLocalhostClustering(orleans.EffectiveGatewayPorts, orleans.ServiceId, orleans.ClusterId);
            }
        });
        builder.Services.AddSingleton<IComplaintBackend, OrleansComplaintBackend>();
        var membership = orleans.UsesAdoNet ? new NpgsqlConnectionStringBuilder(orleans.ConnectionString) : null;
        string gateways = membership is not null
            ? $"gateways from the membership table in PostgreSQL: host {membership.Host}, database {membership.Database}"
            : $"gateways on loopback ports {string.Join(", ", orleans.EffectiveGatewayPorts)}";
        return (true, $"the Orleans cluster '{orleans.ClusterId}' (service '{orleans.ServiceId}', {gateways})");
    }
}

/// <summary>The Orleans cluster the API is a client of when <c>Backend</c> is <c>Orleans</c> (section <c>Orleans</c>).</summary>
public sealed class OrleansSettings
{
    public const string SectionName = "Orleans";

    /// <summary>Finds the silos' gateways on this machine's loopback ports (<see cref="GatewayPorts"/>).</summary>
    public const string Localhost = "Localhost";

    /// <summary>Finds the silos' gateways in the ADO.NET membership table in PostgreSQL (<see cref="ConnectionString"/>).</summary>
    public const string AdoNet = "AdoNet";

    /// <summary>The ADO.NET invariant of Npgsql, as Orleans' ADO.NET providers name it.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Gets or sets the cluster's id (Orleans' <c>ClusterOptions.ClusterId</c>), as the silos set it.</summary>
    /// <value><c>dev</c> (the id of Orleans' development clustering, which the Orleans sample's silos use without PostgreSQL).</value>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Gets or sets the service's id (Orleans' <c>ClusterOptions.ServiceId</c>), as the silos set it.</summary>
    /// <value><c>dev</c>.</value>
    public string ServiceId { get; set; } = "dev";

    /// <summary>
    /// Gets or sets where the client finds the silos' gateways: <see cref="Localhost"/>, the loopback ports
    /// <see cref="GatewayPorts"/>; or <see cref="AdoNet"/>, the gateways the silos keep in the ADO.NET membership table of
    /// the PostgreSQL database <see cref="ConnectionString"/> (silos on any machine, joining and leaving: the Orleans
    /// sample's silos with <c>--postgres</c>). (Not <c>Orleans:Clustering</c>: Orleans reads that key itself, for the
    /// membership providers it configures from configuration.)
    /// </summary>
    /// <value><see cref="Localhost"/>.</value>
    public string Membership { get; set; } = Localhost;

    /// <summary>Gets or sets the Npgsql connection string of the database holding the Orleans membership table, when <see cref="Membership"/> is <see cref="AdoNet"/>.</summary>
    /// <value>None.</value>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the silos' gateway ports on this machine (127.0.0.1), when <see cref="Membership"/> is
    /// <see cref="Localhost"/>; the client connects to those that answer. None set means <see cref="DefaultGatewayPorts"/>.
    /// (No default in the property itself: the configuration binder appends the configured ports to an array's initial items.)
    /// </summary>
    /// <value>None: <see cref="DefaultGatewayPorts"/>.</value>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>The gateways of the Orleans sample's silos 0, 1 and 2: ports 30000, 30001 and 30002.</summary>
    public static IReadOnlyList<int> DefaultGatewayPorts { get; } = [30000, 30001, 30002];

    /// <summary>Gets the ports the client uses: <see cref="GatewayPorts"/>, or <see cref="DefaultGatewayPorts"/> when none are set.</summary>
    public int[] EffectiveGatewayPorts => GatewayPorts is { Length: > 0 } ports ? ports : [.. DefaultGatewayPorts];

    /// <summary>Gets a value indicating whether the gateways come from the ADO.NET membership table.</summary>
    public bool UsesAdoNet => string.Equals(Membership, AdoNet, StringComparison.OrdinalIgnoreCase);

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

        if (UsesAdoNet)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                problems.Add($"{SectionName}:{nameof(ConnectionString)} is blank, and {SectionName}:{nameof(Membership)} is {AdoNet}; valid: the Npgsql connection string of the database holding the silos' Orleans membership table.");
            }
            else if (!TryParseConnectionString(ConnectionString, out string? error))
            {
                problems.Add($"{SectionName}:{nameof(ConnectionString)} is not an Npgsql connection string ({error}); valid: e.g. Host=db;Database=complaints;Username=app;Password=...");
            }

            if (GatewayPorts is { Length: > 0 })
            {
                problems.Add($"{SectionName}:{nameof(GatewayPorts)} is set, and {SectionName}:{nameof(Membership)} is {AdoNet}, which reads the gateways from the membership table; valid: set one of them.");
            }
        }
        else if (!string.Equals(Membership, Localhost, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{SectionName}:{nameof(Membership)} is '{Membership}'; valid: {Localhost} (the loopback ports {SectionName}:{nameof(GatewayPorts)}, the default) or {AdoNet} (the ADO.NET membership table in PostgreSQL, {SectionName}:{nameof(ConnectionString)}).");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    private static bool TryParseConnectionString(string connectionString, out string? error)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
