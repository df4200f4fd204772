using System.Net;

namespace ServiceQuality.Samples.Tests;

/// <summary>Settings shared by the tests' app processes.</summary>
public static class TestSettings
{
    /// <summary>
    /// The shipped calendar (London office hours, bank holidays) would make business time depend on when the tests run:
    /// this override puts the clocks on the built-in 24x7 calendar so every SLA figure is exact. Everything else comes
    /// from the shipped appsettings.json.
    /// </summary>
    public static Dictionary<string, string> AlwaysOpen() => new()
    {
        // These tests are not about rate limiting (WebApiSecurityTests is): no caller is throttled.
        ["RateLimiting:PermitsPerSecond"] = "1000000",
        ["RateLimiting:Burst"] = "1000000",
        ["ServiceQuality:Sla:DefaultCalendar"] = "AlwaysOpen",
    };
}

/// <summary>One app process for the class: started once, killed at the end.</summary>
public sealed class LifecycleApp : IAsyncLifetime
{
    public WebApiProcess App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await WebApiProcess.StartAsync(TestSettings.AlwaysOpen());

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The sample over real HTTP: a whole complaint lifecycle, refusals, bad input and the read endpoints.</summary>
public sealed class WebApiTests(LifecycleApp fixture) : IClassFixture<LifecycleApp>
{
    private readonly HttpClient _http = fixture.App.Client;

    [Fact]
    public Task WholeLifecycle_OverHttp_FromSubmissionToClientConfirmation() => ComplaintScenarios.WholeLifecycleAsync(_http);

    [Fact]
    public Task PostComplaint_DuplicateId_Is409_AndAMissingIdIsMade() => ComplaintScenarios.DuplicateIdAsync(_http);

    [Fact]
    public async Task ConcurrentCommands_EachIsAppendedOrAConflictToRetry()
    {
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("/complaints", new { id = "Q-RACE", clientId = "C-10", segment = "Internal", channel = "Web", priority = "Normal", text = "Laptop is slow.", actor = "desk" })).Status);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _http.PostAsync("/complaints/Q-RACE/commands/add-information", new { actor = "ann", information = $"Finding {i}" })));

        // The in-memory store appends with the expected version: a writer that lost the race stored nothing and is told to retry.
        foreach (var conflict in responses.Where(r => r.Status != HttpStatusCode.OK))
        {
            ComplaintScenarios.AssertConcurrencyConflict(conflict);
        }

        var history = await _http.GetJsonAsync("/complaints/Q-RACE/history");
        int accepted = responses.Count(r => r.Status == HttpStatusCode.OK);
        Assert.InRange(accepted, 1, 16);
        Assert.Equal(1 + accepted, history.Body.GetArrayLength());
        Assert.Equal(
            responses.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Text("event.information")).Order(StringComparer.Ordinal),
            history.Body.EnumerateArray().Skip(1).Select(e => e.GetProperty("information").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public Task UnknownComplaint_Is404_ForReadsAndCommands() => ComplaintScenarios.UnknownComplaintAsync(_http);

    [Theory]
    [MemberData(nameof(ComplaintScenarios.BadInputs), MemberType = typeof(ComplaintScenarios))]
    public Task BadInput_Is400_NamingTheField(string command, string body, string field) => ComplaintScenarios.BadInputAsync(_http, command, body, field);

    [Fact]
    public async Task ListComplaints_UnknownState_Is400ListingTheStates()
    {
        var response = await _http.GetJsonAsync("/complaints?state=Lost");

        ComplaintScenarios.AssertInvalid(response, "state", "'Lost' is not a state. Valid: Open, Received, Engaged, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed, Withdrawn. (Parameter 'state')");
    }

    [Fact]
    public async Task Lifecycle_IsTheMermaidDiagramOfTheConfiguredPolicies()
    {
        using var response = await _http.GetAsync(new Uri("/lifecycle", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("---\ntitle: complaint v2;apology-first=on;confirmation=required;auto-close=5.00:00:00;reopen=30.00:00:00;max-escalation=3\n---\nstateDiagram-v2\n", text, StringComparison.Ordinal);
        Assert.Contains("    Investigating --> HelpOffered : OfferHelp [an apology has been recorded]\n", text, StringComparison.Ordinal);
        Assert.Contains("    note right of Resolved : resolve and update clocks stop; auto-close after 5 days without an answer\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Is200()
    {
        using var response = await _http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
