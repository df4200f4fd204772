using System.Net;
using System.Text;
using System.Text.Json;

namespace ServiceQuality.Samples.Tests;

/// <summary>The hardened sample over real HTTP: API keys and roles, input validation, the body limit, the OpenAPI document.</summary>
public sealed class WebApiSecurityTests(LifecycleApp fixture) : IClassFixture<LifecycleApp>
{
    private const string ProblemJson = "application/problem+json";
    private readonly WebApiProcess _app = fixture.App;

    [Fact]
    public async Task NoKeyOrAnUnknownKey_Is401ProblemDetails_ButHealthLifecycleAndOpenApiAreOpen()
    {
        using var anonymous = _app.CreateClient(null);
        using var unknown = _app.CreateClient("not-a-key-of-this-app");

        foreach (var client in new[] { anonymous, unknown })
        {
            var response = await client.GetJsonAsync("/complaints");
            Assert.Equal((HttpStatusCode.Unauthorized, ProblemJson, 401), (response.Status, response.ContentType, response["status"].GetInt32()));
            Assert.Equal("Send a valid API key in the X-Api-Key header.", response.Text("detail"));
        }

        foreach (string open in new[] { "/health", "/lifecycle", "/openapi/v1.json" })
        {
            using var response = await anonymous.GetAsync(new Uri(open, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AClient_ReadsItsOwnComplaintsOnly_AndRunsNoCommands()
    {
        using var client = _app.CreateClient(WebApiProcess.ClientKey);            // C-7
        var mine = await client.PostAsync("/complaints", Complaint("S-MINE", "C-7"));
        var theirs = await _app.Client.PostAsync("/complaints", Complaint("S-THEIRS", "C-8"));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (mine.Status, theirs.Status));

        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/complaints/S-MINE")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/complaints/S-MINE/history")).Status);

        // Another client's complaint does not exist for this client: the same 404 as an unknown id.
        foreach (string path in new[] { "/complaints/S-THEIRS", "/complaints/S-THEIRS/history" })
        {
            var hidden = await client.GetJsonAsync(path);
            Assert.Equal((HttpStatusCode.NotFound, "There is no complaint 'S-THEIRS'."), (hidden.Status, hidden.Text("detail")));
        }

        var listed = await client.GetJsonAsync("/complaints");
        Assert.Equal(["C-7"], listed.Body.EnumerateArray().Select(e => e.GetProperty("clientId").GetString()).Distinct());
        var others = await client.GetJsonAsync("/complaints?clientId=C-8");
        Assert.Equal((HttpStatusCode.Forbidden, ProblemJson, "A client may list its own complaints only, not those of 'C-8'."), (others.Status, others.ContentType, others.Text("detail")));

        var forOther = await client.PostAsync("/complaints", Complaint("S-FORGED", "C-8"));
        Assert.Equal((HttpStatusCode.Forbidden, "A client may submit complaints for itself only, not for 'C-8'."), (forOther.Status, forOther.Text("detail")));

        var command = await client.PostAsync("/complaints/S-MINE/commands/withdraw", new { actor = "C-7", channel = "Web", reason = "solved" });
        Assert.Equal((HttpStatusCode.Forbidden, ProblemJson), (command.Status, command.ContentType));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetJsonAsync("/scorecard")).Status);

        // An agent acts on any complaint.
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PostAsync("/complaints/S-THEIRS/commands/acknowledge", new { actor = "ann", channel = "Email", thanks = "Thank you" })).Status);
    }

    [Theory]
    [InlineData("..", "C-7", "id")]
    [InlineData("a/b", "C-7", "id")]
    [InlineData(".hidden", "C-7", "id")]
    [InlineData("Q-OK-1", "../etc", "clientId")]
    [InlineData("Q-OK-2", "C 7", "clientId")]
    public async Task Ids_OutsideTheirCharsetOrLength_Are400(string id, string clientId, string field)
    {
        var response = await _app.Client.PostAsync("/complaints", Complaint(id, clientId));

        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson, $"Invalid input: {field}"), (response.Status, response.ContentType, response.Text("title")));
        Assert.Equal($"'{(field == "id" ? id : clientId)}' is not a valid {field}; valid: 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit. (Parameter '{field}')", response.Text("detail"));
    }

    [Fact]
    public async Task Ids_TooLongOrWithDotsInTheRoute_Are400()
    {
        var tooLong = await _app.Client.PostAsync("/complaints", Complaint(new string('Q', 65), "C-7"));
        var dotted = await _app.Client.GetJsonAsync("/complaints/a..b");

        Assert.Equal((HttpStatusCode.BadRequest, "Invalid input: id"), (tooLong.Status, tooLong.Text("title")));
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid input: id"), (dotted.Status, dotted.Text("title")));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("1")]
    [InlineData("Speed")]
    public async Task SurveyWants_MustBeKnownWantsByName(string key)
    {
        string body = """{"clientId":"C-7","segment":"External","wants":{"KEY":{"importance":5,"performance":3}}}""".Replace("KEY", key, StringComparison.Ordinal);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _app.Client.PostAsync(new Uri("/surveys", UriKind.Relative), content);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Invalid input: wants", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOver1MB_Is413ProblemDetails()
    {
        string text = new('x', 1024 * 1024);
        var response = await _app.Client.PostAsync("/complaints", Complaint("Q-BIG", "C-7", text));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ProblemJson), (response.Status, response.ContentType));
        Assert.EndsWith("#payload-too-large", response.Text("type"), StringComparison.Ordinal);
        Assert.Equal("A request body may be at most 1048576 bytes (1 MB).", response.Text("detail"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpointsTheirBodiesAndTheApiKeyScheme()
    {
        using var anonymous = _app.CreateClient(null);
        var document = await anonymous.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        Assert.StartsWith("3.", document.Text("openapi"), StringComparison.Ordinal);
        var paths = document["paths"].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["/complaints", "/complaints/{id}", "/complaints/{id}/commands/{command}", "/complaints/{id}/history", "/lifecycle", "/scorecard", "/surveys", "/surveys/{number}"], paths);
        var scheme = document["components.securitySchemes.ApiKey"];
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(document["security.0"].TryGetProperty("ApiKey", out _));
        var arguments = document["components.schemas.ComplaintCommandArguments.properties"].EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["actor", "channel", "text", "thanks", "information", "question", "response", "apology", "update", "resolution", "reason", "options", "action", "dueAt", "level", "agent", "team", "priority", "pauseReason", "note", "problemId", "surveyResponseId", "addTags", "removeTags", "setMetadata", "removeMetadata", "clock", "status"], arguments);
        Assert.Equal("Runs a lifecycle command on a complaint (agents).", document["paths./complaints/{id}/commands/{command}.post.summary"].GetString());
    }

    private static object Complaint(string id, string clientId, string text = "The VPN drops every hour.") =>
        new { id, clientId, segment = "External", channel = "Email", priority = "Normal", text, actor = "desk" };
}

/// <summary>Rate limiting, on an app of its own with a small bucket.</summary>
public sealed class WebApiRateLimitTests
{
    [Fact]
    public async Task ACallerOverItsBucket_Gets429ProblemDetailsWithRetryAfter_AnotherCallerDoesNot()
    {
        var settings = new Dictionary<string, string> { ["RateLimiting:PermitsPerSecond"] = "1", ["RateLimiting:Burst"] = "3" };
        await using var app = await WebApiProcess.StartAsync(settings);
        using var other = app.CreateClient(WebApiProcess.ClientKey);

        // Ten requests at once: the bucket holds three, and refills one a second (so a slow, loaded machine may let
        // one more through per second the burst takes).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.Client.GetAsync(new Uri("/complaints", UriKind.Relative))));
        var elapsed = clock.Elapsed;
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter is not null, "a 429 says when to retry");
            Assert.EndsWith("#too-many-requests", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        int ok = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(10, ok + responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.InRange(ok, 3, 3 + (int)Math.Ceiling(elapsed.TotalSeconds));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(HttpStatusCode.OK, (await other.GetJsonAsync("/complaints")).Status);
    }
}
