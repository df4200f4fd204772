using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Sqlite;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Orleans.Tests;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// A real two-silo Orleans cluster (TestingHost, TCP on loopback) whose silos host the complaint grains over a SQLite
/// file with the WebApi's own settings (its appsettings.json and the tests' overrides), and the WebApi sample as a
/// separate process on real HTTP, configured as a client of that cluster (<c>Backend=Orleans</c>) over the same file.
/// Every call the silos receive on <see cref="IComplaintGrain"/> is recorded (an incoming grain call filter), so a test
/// sees that a request went through a grain.
/// </summary>
public sealed class ClusterApp : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, string> Databases = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Method, string ComplaintId)>> Calls = new();

    private string _database = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public WebApiProcess App { get; private set; } = null!;

    /// <summary>Gets the SQLite file the silos and the app share.</summary>
    public string Database => _database;

    /// <summary>Gets the complaint grain calls the silos received, in order: method name and complaint id.</summary>
    public IReadOnlyList<(string Method, string ComplaintId)> GrainCalls => [.. Calls[Cluster.Options.ClusterId]];

    public async Task InitializeAsync()
    {
        _database = WebApiProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        var builder = new TestClusterBuilder(2);
        builder.Options.ClusterId = "web-" + Guid.NewGuid().ToString("N")[..12];
        builder.Options.ServiceId = "servicequality-webapi-tests";
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Databases[builder.Options.ClusterId] = _database;
        Calls[builder.Options.ClusterId] = new();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var settings = TestSettings.AlwaysOpen();
        settings["Backend"] = "Orleans";
        settings["Orleans:ClusterId"] = Cluster.Options.ClusterId;
        settings["Orleans:ServiceId"] = Cluster.Options.ServiceId;
        var ports = Cluster.Silos.Select(s => s.GatewayAddress.Endpoint.Port).ToArray();
        for (int i = 0; i < ports.Length; i++)
        {
            settings[$"Orleans:GatewayPorts:{i}"] = ports[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        App = await WebApiProcess.StartAsync(settings, _database);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Databases.TryRemove(Cluster.Options.ClusterId, out _);
        Calls.TryRemove(Cluster.Options.ClusterId, out _);
        WebApiProcess.DeleteDatabase(_database);
    }

    /// <summary>What each silo's host does: the WebApi's ServiceQuality settings over the shared SQLite file, reminders in memory.</summary>
    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseServiceQuality().UseInMemoryReminderService();
            siloBuilder.AddIncomingGrainCallFilter(context =>
            {
                if (context.Grain is IComplaintGrain grain)
                {
                    string cluster = context.TargetContext.ActivationServices.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
                    Calls[cluster].Enqueue((context.InterfaceMethod.Name, grain.GetPrimaryKeyString()));
                }

                return context.Invoke();
            });
            var settings = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(Path.GetDirectoryName(WebApiProcess.AssemblyPath)!, "appsettings.json"))
                .AddInMemoryCollection(TestSettings.AlwaysOpen().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
                .Build();
            // The silo's container owns (disposes) the SQLite store; the grains see it through ContestedComplaintStore, so
            // another writer keeps moving the complaints named CONTESTED-... .
            siloBuilder.Services.AddSingleton(sp =>
                new SqliteComplaintStore($"Data Source={Databases[sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId]}"));
            siloBuilder.Services.AddServiceQuality(settings).UseComplaintStore(sp => ContestedComplaintStore.Wrap(sp.GetRequiredService<SqliteComplaintStore>()));
        }
    }
}

/// <summary>
/// The WebApi sample as a client of an Orleans cluster: the same scenarios as <see cref="WebApiTests"/> give the same
/// answers, and each command went through its complaint's grain, which stored its events in the file the app reads.
/// </summary>
public sealed class WebApiClusterTests(ClusterApp fixture) : IClassFixture<ClusterApp>
{
    private readonly HttpClient _http = fixture.App.Client;

    [Fact]
    public async Task WholeLifecycle_ThroughTheCluster_GivesTheLocalAnswersAndRunsInTheGrain()
    {
        string ports = string.Join(", ", fixture.Cluster.Silos.Select(s => s.GatewayAddress.Endpoint.Port));
        Assert.True(
            await fixture.App.WaitForOutputAsync($"Complaints are run by the Orleans cluster '{fixture.Cluster.Options.ClusterId}' (service 'servicequality-webapi-tests', gateways on loopback ports {ports}).", TimeSpan.FromSeconds(30)),
            fixture.App.Output);

        await ComplaintScenarios.WholeLifecycleAsync(_http);

        // Receive, then the eleven accepted commands (two apologies: "apologise" and "apologize"), the refused OfferHelp and the two Commits with bad input (a blank action,
        // a due date in the past: the grain's lifecycle refused them with the ArgumentException the 400 names), each a
        // call to Q-100's grain.
        var calls = fixture.GrainCalls.Where(c => c.ComplaintId == "Q-100").Select(c => c.Method).Where(m => m != nameof(IComplaintGrain.GetHistoryAsync)).ToList();
        Assert.Equal(nameof(IComplaintGrain.ReceiveAsync), calls[0]);
        Assert.Equal(1, calls.Count(m => m == nameof(IComplaintGrain.ReceiveAsync)));
        Assert.Equal(11 + 1 + 2, calls.Count(m => m == nameof(IComplaintGrain.ExecuteAsync)));

        // What the grain stored is in the file the silos and the app share.
        await using var store = new SqliteComplaintStore($"Data Source={fixture.Database}");
        var stored = await store.ReadAsync("Q-100");
        Assert.Equal(
            ["received", "acknowledged", "investigation-started", "information-requested", "client-responded", "apology-given", "apology-given", "client-update-posted", "help-offered",
             "action-committed", "fix-delivered", "client-confirmed-fix"],
            stored.Select(e => JsonDocument.Parse(ComplaintEventSerializer.Serialize(e)).RootElement.GetProperty("type").GetString()));
    }

    [Fact]
    public Task PostComplaint_DuplicateId_Is409_AndAMissingIdIsMade() => ComplaintScenarios.DuplicateIdAsync(_http);

    [Fact]
    public async Task UnknownComplaint_Is404_ForReadsAndCommands()
    {
        await ComplaintScenarios.UnknownComplaintAsync(_http);

        Assert.Contains((nameof(IComplaintGrain.ExecuteAsync), "NOPE"), fixture.GrainCalls);
    }

    [Theory]
    [MemberData(nameof(ComplaintScenarios.BadInputs), MemberType = typeof(ComplaintScenarios))]
    public Task BadInput_Is400_NamingTheField(string command, string body, string field) => ComplaintScenarios.BadInputAsync(_http, command, body, field);

    [Fact]
    public async Task Command_AnotherWriterKeepsMovingTheComplaint_Is409ConcurrencyConflictAsInLocalMode()
    {
        // Another writer of the store adds a note before each of the grain's appends (ContestedComplaintStore on the
        // silos): the grain's 4 attempts all conflict, and the exception crosses to this host as itself.
        const string Id = ContestedComplaintStore.Prefix + "W1";
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("/complaints", new { id = Id, clientId = "C-10", segment = "Internal", channel = "Web", priority = "Normal", text = "Laptop is slow.", actor = "desk" })).Status);

        var conflict = await _http.PostAsync($"/complaints/{Id}/commands/acknowledge", new { actor = "ann", channel = "Email", thanks = "Thank you." });

        ComplaintScenarios.AssertConcurrencyConflict(conflict);
        Assert.Equal((4, 5), (conflict["expectedVersion"].GetInt64(), conflict["actualVersion"].GetInt64()));
        Assert.Equal($"Complaint '{Id}' is at version 5, not the expected 4: another writer appended first. Reload it and retry the command.", conflict.Text("detail"));
        var history = await _http.GetJsonAsync($"/complaints/{Id}/history");
        Assert.Equal(["received", "information-added", "information-added", "information-added", "information-added"], history.Body.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ConcurrentCommands_RunOneAtATimeInTheGrain_EveryOneAccepted()
    {
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("/complaints", new { id = "Q-RACE", clientId = "C-10", segment = "Internal", channel = "Web", priority = "Normal", text = "Laptop is slow.", actor = "desk" })).Status);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _http.PostAsync("/complaints/Q-RACE/commands/add-information", new { actor = "ann", information = $"Finding {i}" })));

        // The grain runs one call at a time on the complaint it holds: no request loses a race, so none is a 409.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(Enumerable.Range(2, 16), responses.Select(r => r["event.version"].GetInt32()).Order());
        var history = await _http.GetJsonAsync("/complaints/Q-RACE/history");
        Assert.Equal(
            responses.Select(r => r.Text("event.information")).Order(StringComparer.Ordinal),
            history.Body.EnumerateArray().Skip(1).Select(e => e.GetProperty("information").GetString()).Order(StringComparer.Ordinal));
    }
}
