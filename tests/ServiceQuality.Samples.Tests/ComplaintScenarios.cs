using System.Net;
using System.Text.Json;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// The complaint scenarios of the WebApi sample over real HTTP, with the exact answers expected: run against the app on
/// its own <c>ComplaintService</c> (<see cref="WebApiTests"/>) and against the same app as a client of an Orleans cluster
/// (<see cref="WebApiClusterTests"/>), so both backends are held to the same responses.
/// </summary>
public static class ComplaintScenarios
{
    private const string RefusedType = "https://github.com/servicequality/servicequality/blob/main/samples/ServiceQuality.Samples.WebApi/README.md#command-refused";
    private const string InvalidType = "https://github.com/servicequality/servicequality/blob/main/samples/ServiceQuality.Samples.WebApi/README.md#invalid-input";

    /// <summary>Commands with bad input: the command, its body, and the field the 400 names.</summary>
    public static TheoryData<string, string, string> BadInputs { get; } = new()
    {
        { "acknowledge", """{"actor":"ann","channel":"Internal","thanks":"Thanks"}""", "channel" },
        { "acknowledge", """{"actor":"ann","channel":"Email"}""", "thanks" },
        { "acknowledge", """{"channel":"Email","thanks":"Thanks"}""", "actor" },
        { "acknowledge", """{"actor":"ann","channel":"Fax","thanks":"Thanks"}""", "channel" },
        { "escalate", """{"actor":"ann","level":9,"reason":"Director asked"}""", "level" },
        { "fly", """{"actor":"ann"}""", "command" },
    };

    /// <summary>Q-100 of client C-7 from submission to the client's confirmation: every answer, a refused command's problem details, bad input, the reads and lists.</summary>
    public static async Task WholeLifecycleAsync(HttpClient http)
    {
        var created = await http.PostAsync("/complaints", new
        {
            id = "Q-100", clientId = "C-7", segment = "External", channel = "Email", priority = "High",
            text = "The VPN drops every hour and nobody calls back.", actor = "desk",
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("/complaints/Q-100", created.Location?.OriginalString);
        Assert.Equal(("Received", 1, "High", "External"), (created.Text("complaint.state"), created["complaint.version"].GetInt32(), created.Text("complaint.priority"), created.Text("complaint.segment")));
        Assert.Equal(
            ["Withdraw", "AddInformation", "Escalate", "Assign", "ChangePriority", "RecordSlaAlert", "Acknowledge", "LinkProblem", "LinkSurveyResponse", "ChangeTags", "ChangeMetadata"],
            created.Strings("allowedCommands"));

        // The High policy of the shipped appsettings.json: acknowledge in 1 h, update every 4 h, resolve in 2 days.
        var receivedAt = created.Time("complaint.receivedAt");
        Assert.Equal(("01:00:00", "04:00:00", "2.00:00:00"), (created.Text("sla.acknowledge.target"), created.Text("sla.update.target"), created.Text("sla.resolve.target")));
        Assert.Equal(("Running", "Running", "Running"), (created.Text("sla.acknowledge.status"), created.Text("sla.update.status"), created.Text("sla.resolve.status")));
        AssertClose(receivedAt + TimeSpan.FromHours(1), created.Time("sla.acknowledge.breachAt"));
        AssertClose(receivedAt + TimeSpan.FromDays(2), created.Time("sla.resolve.breachAt"));

        var acknowledged = await CommandAsync(http, "Q-100", "acknowledge", new { actor = "ann", channel = "Email", thanks = "Thank you for telling us." });
        Assert.Equal(("acknowledged", "Thank you for telling us.", 2, "Acknowledged"), (acknowledged.Text("event.type"), acknowledged.Text("event.thanks"), acknowledged["event.version"].GetInt32(), acknowledged.Text("complaint.state")));
        Assert.Equal("Met", acknowledged.Text("sla.acknowledge.status"));
        Assert.Equal(JsonValueKind.Null, acknowledged["sla.acknowledge.breachAt"].ValueKind);

        Assert.Equal("Investigating", (await CommandAsync(http, "Q-100", "start-investigating", new { actor = "ann" })).Text("complaint.state"));

        // Help before an apology: refused, with the reason, the unmet guard and what is allowed now.
        var refused = await http.PostAsync("/complaints/Q-100/commands/offer-help", new { actor = "ann", channel = "Email", options = new[] { "Replace the router" } });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal(RefusedType, refused.Text("type"));
        Assert.Equal("The command 'OfferHelp' was refused in state 'Investigating'", refused.Text("title"));
        Assert.Equal(409, refused["status"].GetInt32());
        Assert.Equal(
            "OfferHelp is refused while the complaint is Investigating. Not met: an apology has been recorded. Allowed now: Withdraw, AddInformation, Escalate, Assign, "
            + "ChangePriority, RecordSlaAlert, Apologize, PostUpdate, PutOnHold, RequestInformation, LinkProblem, LinkSurveyResponse, ChangeTags, ChangeMetadata.",
            refused.Text("detail"));
        Assert.Equal(("Investigating", "OfferHelp", "ConditionsUnmet"), (refused.Text("state"), refused.Text("command"), refused.Text("reason")));
        Assert.Equal(["an apology has been recorded"], refused.Strings("unmetConditions"));
        Assert.Equal(
            ["Withdraw", "AddInformation", "Escalate", "Assign", "ChangePriority", "RecordSlaAlert", "Apologize", "PostUpdate", "PutOnHold", "RequestInformation", "LinkProblem",
             "LinkSurveyResponse", "ChangeTags", "ChangeMetadata"],
            refused.Strings("allowedCommands"));

        // Asking the client pauses the clocks until the client responds.
        var asked = await CommandAsync(http, "Q-100", "request-information", new { actor = "ann", channel = "Email", question = "Which office are you in?" });
        Assert.Equal(("AwaitingClient", "Paused", "Paused"), (asked.Text("complaint.state"), asked.Text("sla.resolve.status"), asked.Text("sla.update.status")));
        Assert.Equal(
            ["Withdraw", "AddInformation", "Escalate", "Assign", "ChangePriority", "RecordSlaAlert", "Apologize", "PostUpdate", "PutOnHold", "RecordClientResponse", "LinkProblem",
             "LinkSurveyResponse", "ChangeTags", "ChangeMetadata"],
            asked.Strings("allowedCommands"));
        var responded = await CommandAsync(http, "Q-100", "record-client-response", new { actor = "client", channel = "Phone", response = "Leeds, second floor." });
        Assert.Equal(("Investigating", "Running"), (responded.Text("complaint.state"), responded.Text("sla.resolve.status")));

        // "apologize", and "apologise" (its name before 1.0) still: both run the same command.
        await CommandAsync(http, "Q-100", "apologise", new { actor = "ann", channel = "Phone", apology = "We are sorry for the trouble." });
        var apologized = await CommandAsync(http, "Q-100", "apologize", new { actor = "ann", channel = "Email", apology = "Sorry again: the Leeds line is still down." });
        Assert.Equal(("apology-given", 7), (apologized.Text("event.type"), apologized["event.version"].GetInt32()));
        await CommandAsync(http, "Q-100", "post-update", new { actor = "ann", channel = "Email", update = "An engineer is looking at the Leeds line." });
        var offered = await CommandAsync(http, "Q-100", "offer-help", new { actor = "ann", channel = "Email", options = new[] { "Replace the router", "Move you to the backup line" } });
        Assert.Equal(("HelpOffered", "help-offered"), (offered.Text("complaint.state"), offered.Text("event.type")));
        Assert.Equal(["Replace the router", "Move you to the backup line"], offered.Strings("event.options"));

        // Bad input: 400 problem details naming the field; nothing is appended.
        var blankAction = await http.PostAsync("/complaints/Q-100/commands/commit", new { actor = "ann", channel = "Email", action = " ", dueAt = DateTimeOffset.UtcNow.AddDays(2) });
        AssertInvalid(blankAction, "action", "The value cannot be an empty string or composed entirely of whitespace. (Parameter 'action')");
        var pastDue = await http.PostAsync("/complaints/Q-100/commands/commit", new { actor = "ann", channel = "Email", action = "Replace the router", dueAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        AssertInvalid(pastDue, "dueAt", null);
        Assert.StartsWith("The due date must be in the future (now is ", pastDue.Text("detail"), StringComparison.Ordinal);

        var dueAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(2).Date, TimeSpan.Zero).AddHours(10);
        var committed = await CommandAsync(http, "Q-100", "commit", new { actor = "ann", channel = "Email", action = "Replace the router", dueAt });
        Assert.Equal(("Committed", "Replace the router", dueAt), (committed.Text("complaint.state"), committed.Text("complaint.committedAction"), committed.Time("complaint.commitmentDueAt")));
        Assert.Equal(10, committed["complaint.version"].GetInt32());

        var fixedIt = await CommandAsync(http, "Q-100", "deliver-fix", new { actor = "eng", channel = "InPerson", resolution = "Router replaced; the line held for an hour." });
        Assert.Equal(("Resolved", "Met", "Met"), (fixedIt.Text("complaint.state"), fixedIt.Text("sla.resolve.status"), fixedIt.Text("sla.update.status")));
        Assert.Equal(
            ["Withdraw", "AddInformation", "Escalate", "Assign", "ChangePriority", "RecordSlaAlert", "Apologize", "PostUpdate", "RecordClientConfirmation",
             "RecordClientRejection", "LinkProblem", "LinkSurveyResponse", "ChangeTags", "ChangeMetadata"],
            fixedIt.Strings("allowedCommands"));

        var closed = await CommandAsync(http, "Q-100", "record-client-confirmation", new { actor = "client", channel = "Email" });
        Assert.Equal(("Closed", "client-confirmed-fix", 12), (closed.Text("complaint.state"), closed.Text("event.type"), closed["complaint.version"].GetInt32()));
        Assert.Equal(["Reopen", "LinkProblem", "LinkSurveyResponse", "ChangeTags", "ChangeMetadata"], closed.Strings("allowedCommands"));

        var read = await http.GetJsonAsync("/complaints/Q-100");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.False(read.Body.TryGetProperty("event", out _));
        Assert.Equal(("Closed", 12, "C-7"), (read.Text("complaint.state"), read["complaint.version"].GetInt32(), read.Text("complaint.clientId")));
        Assert.Equal("Thanked, InformationRequested, Apologized, ClientUpdated, HelpOffered, Committed, FixDelivered, ClientConfirmed", read.Text("complaint.milestones"));
        Assert.Equal(("Met", "Met", "Met", "Met"), (read.Text("sla.acknowledge.status"), read.Text("sla.update.status"), read.Text("sla.resolve.status"), read.Text("sla.worstStatus")));

        var history = await http.GetJsonAsync("/complaints/Q-100/history");
        Assert.Equal(
            ["received", "acknowledged", "investigation-started", "information-requested", "client-responded", "apology-given", "apology-given", "client-update-posted", "help-offered", "action-committed", "fix-delivered", "client-confirmed-fix"],
            history.Body.EnumerateArray().Select(e => e.GetProperty("type").GetString()!));
        Assert.Equal(Enumerable.Range(1, 12), history.Body.EnumerateArray().Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal("Leeds, second floor.", HttpJsonResponse.At(history.Body, "4.response").GetString());

        var byClient = await http.GetJsonAsync("/complaints?clientId=C-7");
        var summary = Assert.Single(byClient.Body.EnumerateArray());
        Assert.Equal(("Q-100", "Closed", 12), (summary.GetProperty("complaintId").GetString(), summary.GetProperty("state").GetString(), summary.GetProperty("version").GetInt32()));
        var closedOnes = await http.GetJsonAsync("/complaints?state=closed");
        Assert.Contains(closedOnes.Body.EnumerateArray(), e => e.GetProperty("complaintId").GetString() == "Q-100");
    }

    /// <summary>A second POST with the same id is 409 (nothing stored); a POST without an id gets one.</summary>
    public static async Task DuplicateIdAsync(HttpClient http)
    {
        var request = new { id = "Q-DUP", clientId = "C-8", segment = "Internal", channel = "Chat", priority = "Normal", text = "Printer jams.", actor = "desk" };
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/complaints", request)).Status);

        var duplicate = await http.PostAsync("/complaints", request);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal("A complaint with id 'Q-DUP' already exists.", duplicate.Text("detail"));
        Assert.EndsWith("#duplicate-complaint", duplicate.Text("type"), StringComparison.Ordinal);

        var generated = await http.PostAsync("/complaints", new { clientId = "C-8", segment = "Internal", channel = "Chat", priority = "Low", text = "Printer jams again.", actor = "desk" });
        Assert.Equal(HttpStatusCode.Created, generated.Status);
        string id = generated.Text("complaint.id")!;
        Assert.Equal($"/complaints/{id}", generated.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetJsonAsync($"/complaints/{id}")).Status);
    }

    /// <summary>NOPE: 404 problem details for the reads and a command.</summary>
    public static async Task UnknownComplaintAsync(HttpClient http)
    {
        foreach (var response in new[]
        {
            await http.GetJsonAsync("/complaints/NOPE"),
            await http.GetJsonAsync("/complaints/NOPE/history"),
            await http.PostAsync("/complaints/NOPE/commands/acknowledge", new { actor = "ann", channel = "Email", thanks = "Thanks" }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("application/problem+json", response.ContentType);
            Assert.Equal("There is no complaint 'NOPE'.", response.Text("detail"));
        }
    }

    /// <summary>A command with bad input is 400 problem details naming the field, and stores nothing.</summary>
    public static async Task BadInputAsync(HttpClient http, string command, string body, string field)
    {
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/complaints", new { id = $"Q-BAD-{command}-{field}-{body.Length}", clientId = "C-9", segment = "External", channel = "Web", priority = "Normal", text = "Invoice is wrong.", actor = "desk" })).Status);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"/complaints/Q-BAD-{command}-{field}-{body.Length}/commands/{command}", UriKind.Relative), content);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InvalidType, problem.GetProperty("type").GetString());
        Assert.Equal($"Invalid input: {field}", problem.GetProperty("title").GetString());
        Assert.Equal(field, Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        if (body.Contains("Fax", StringComparison.Ordinal))
        {
            Assert.Equal("'channel' must be one of: Internal, Phone, Email, Web, Chat, InPerson.", problem.GetProperty("detail").GetString());
        }

        var history = await http.GetJsonAsync($"/complaints/Q-BAD-{command}-{field}-{body.Length}/history");
        Assert.Single(history.Body.EnumerateArray());
    }

    private static void AssertClose(DateTimeOffset expected, DateTimeOffset actual) =>

        // 24x7 but for the 100 ns (one tick) between 23:59:59.9999999 and midnight, once per midnight a window crosses.
        Assert.InRange((actual - expected).Ticks, 0, (long)Math.Ceiling((actual - DateTimeOffset.UtcNow).TotalDays) + 1);

    /// <summary>
    /// The 409 <c>concurrency-conflict</c> problem, in local and cluster mode alike: its type, title and status, the
    /// store's message as detail, and the versions the last attempt expected and found (the second later than the first).
    /// </summary>
    public static void AssertConcurrencyConflict(HttpJsonResponse response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(
            ["actualVersion", "detail", "expectedVersion", "status", "title", "traceId", "type"],
            response.Body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.EndsWith("#concurrency-conflict", response.Text("type"), StringComparison.Ordinal);
        Assert.Equal("The complaint was changed by another request; reload it and retry the command", response.Text("title"));
        Assert.Equal(409, response["status"].GetInt32());
        long expected = response["expectedVersion"].GetInt64();
        long actual = response["actualVersion"].GetInt64();
        Assert.True(actual > expected, $"actual version {actual}, expected {expected}");
        Assert.Matches(@"^Complaint '[^']+' is at version \d+, not the expected \d+: another writer appended first\. Reload it and retry the command\.$", response.Text("detail"));
    }

    public static void AssertInvalid(HttpJsonResponse response, string field, string? message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(InvalidType, response.Text("type"));
        Assert.Equal($"Invalid input: {field}", response.Text("title"));
        var error = Assert.Single(response["errors"].EnumerateObject());
        Assert.Equal(field, error.Name);
        if (message is not null)
        {
            Assert.Equal([message], error.Value.EnumerateArray().Select(e => e.GetString()!));
        }
    }

    private static async Task<HttpJsonResponse> CommandAsync(HttpClient http, string id, string command, object body)
    {
        var response = await http.PostAsync($"/complaints/{id}/commands/{command}", body);
        Assert.True(response.Status == HttpStatusCode.OK, $"{command}: {(int)response.Status} {response.Body}");
        return response;
    }
}
