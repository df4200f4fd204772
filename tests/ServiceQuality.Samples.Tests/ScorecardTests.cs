using System.Diagnostics;
using System.Net;

namespace ServiceQuality.Samples.Tests;

/// <summary>An app of its own, so the scorecard sees exactly the complaints and surveys of this class; Critical
/// complaints there breach within seconds and the SLA monitor checks every 200 ms.</summary>
public sealed class ScorecardApp : IAsyncLifetime
{
    public WebApiProcess App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = TestSettings.AlwaysOpen();
        settings["ServiceQuality:Complaints:Sla:Critical:TimeToAcknowledge"] = "00:00:01";
        settings["ServiceQuality:Complaints:Sla:Critical:UpdateInterval"] = "00:00:01";
        settings["ServiceQuality:Complaints:Sla:Critical:TimeToResolve"] = "00:00:01.5";
        settings["ServiceQuality:SlaMonitor:Interval"] = "00:00:00.2";
        App = await WebApiProcess.StartAsync(settings);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Surveys and complaints in, the scorecard out, with every figure checked; and the SLA monitor's alerts.</summary>
public sealed class ScorecardTests(ScorecardApp fixture) : IClassFixture<ScorecardApp>
{
    private readonly WebApiProcess _app = fixture.App;
    private readonly HttpClient _http = fixture.App.Client;

    [Fact]
    public async Task Scorecard_CombinesSurveysWithTheComplaintMeasures_AndTheMonitorLogsTheBreach()
    {
        // B breaches: a Critical complaint nobody answers (1.5 s to resolve in this app).
        await ReceiveAsync("Q-B", "C-2", "Critical");

        // A: fixed at first contact. C: the client rejects the first fix, then confirms the second.
        await ReceiveAsync("Q-A", "C-1", "High");
        await ResolveAsync("Q-A");
        await CommandAsync("Q-A", "record-client-confirmation", new { actor = "client", channel = "Email" });
        await ReceiveAsync("Q-C", "C-3", "High");
        await ResolveAsync("Q-C");
        await CommandAsync("Q-C", "record-client-rejection", new { actor = "client", channel = "Phone", reason = "Still drops at noon." });
        await CommandAsync("Q-C", "offer-help", new { actor = "ann", channel = "Email", options = new[] { "Replace the cable" } });
        await CommandAsync("Q-C", "commit", new { actor = "ann", channel = "Email", action = "Replace the cable", dueAt = DateTimeOffset.UtcNow.AddDays(1) });
        await CommandAsync("Q-C", "deliver-fix", new { actor = "eng", channel = "InPerson", resolution = "Cable replaced." });
        await CommandAsync("Q-C", "record-client-confirmation", new { actor = "client", channel = "Email" });

        // D: withdrawn by the client within target: its resolve clock stopped without its goal, so it is decided and not met.
        await ReceiveAsync("Q-D", "C-4", "High");
        await CommandAsync("Q-D", "withdraw", new { actor = "client", channel = "Email", reason = "Sorted it myself." });

        var breached = await WaitForAsync("/complaints/Q-B", r => r.Text("sla.resolve.status") == "Breached", TimeSpan.FromSeconds(15));
        Assert.Equal(("Breached", "Breached", "Breached"), (breached.Text("sla.acknowledge.status"), breached.Text("sla.update.status"), breached.Text("sla.worstStatus")));
        Assert.True(
            await _app.WaitForOutputAsync("SLA breached: complaint Q-B of client C-2, Resolve clock, breached at ", TimeSpan.FromSeconds(10)),
            $"The library's hosted SLA monitor did not log the breach:\n{_app.Output}");
        Assert.Contains("fail: ServiceQuality.Extensions.DependencyInjection.SlaMonitorService[1101]", _app.Output, StringComparison.Ordinal);

        await SurveyAsync(new { clientId = "C-1", segment = "External", agent = "ann", nps = 10, csat = 5, ces = 2, wants = new { Availability = new { importance = 5, performance = 3 }, Responsiveness = new { importance = 4, performance = 4 } } });
        await SurveyAsync(new { clientId = "C-2", segment = "Internal", agent = "bob", nps = 9, csat = 4, ces = 3, wants = new { Availability = new { importance = 5, performance = 2 }, Responsiveness = new { importance = 3, performance = 5 } } });
        await SurveyAsync(new { clientId = "C-3", segment = "External", agent = "ann", nps = 3, csat = 2, ces = 6, wants = new { Availability = new { importance = 4, performance = 4 }, Responsiveness = new { importance = 4, performance = 3 } } });
        var outOfScale = await _http.PostAsync("/surveys", new { clientId = "C-4", segment = "External", csat = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, outOfScale.Status);
        Assert.Equal(["'csat' must be from 1 to 5. (Parameter 'csat')\nActual value was 6."], outOfScale.Strings("errors.csat"));

        var card = await _http.GetJsonAsync("/scorecard");

        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal(3, card["scorecard.sampleSize"].GetInt64());

        // NPS: promoters 10 and 9, detractor 3. CSAT top-2 box: 5 and 4 of 5, 4, 2. CES mean (2 + 3 + 6) / 3.
        Assert.Equal((3, 2, 0, 1), (card["scorecard.nps.sampleSize"].GetInt32(), card["scorecard.nps.promoters"].GetInt32(), card["scorecard.nps.passives"].GetInt32(), card["scorecard.nps.detractors"].GetInt32()));
        Assert.Equal(1.0 / 3, card["scorecard.nps.estimate"].GetDouble(), 12);
        Assert.Equal((2, 3), (card["scorecard.csat.topBox.successes"].GetInt32(), card["scorecard.csat.topBox.sampleSize"].GetInt32()));
        Assert.Equal(11.0 / 3, card["scorecard.ces.estimate"].GetDouble(), 12);

        // Wants in the enum's order: Responsiveness (importance 11/3, performance 4), Availability (14/3, 3).
        Assert.Equal(("Responsiveness", "Availability"), (card.Text("scorecard.wants.0.want"), card.Text("scorecard.wants.1.want")));
        Assert.Equal(11.0 / 3, card["scorecard.wants.0.importance"].GetDouble(), 12);
        Assert.Equal(4.0, card["scorecard.wants.0.performance.estimate"].GetDouble(), 12);
        Assert.Equal(14.0 / 3, card["scorecard.wants.1.importance"].GetDouble(), 12);
        Assert.Equal(3.0, card["scorecard.wants.1.performance.estimate"].GetDouble(), 12);
        Assert.Equal(("PossibleOverkill", "ConcentrateHere"), (card.Text("scorecard.wants.0.quadrant"), card.Text("scorecard.wants.1.quadrant")));
        Assert.Equal(["Availability"], card.Strings("scorecard.importancePerformance.concentrateHere"));

        // Service KPIs, by the library's one definition (ComplaintKpis), each with n and interval: SLA attainment 2 of 4 (A and C met, B breached,
        // D withdrawn: stopped, not met); first-contact resolution 1 of 2 closed (C was rejected once); reopen rate 1 of 2 fixed.
        Assert.Equal(4, card["service.complaints"].GetInt32());
        Assert.Equal((2, 4), (card["service.slaAttainment.successes"].GetInt32(), card["service.slaAttainment.sampleSize"].GetInt32()));
        Assert.Equal((1, 2), (card["service.firstContactResolution.successes"].GetInt32(), card["service.firstContactResolution.sampleSize"].GetInt32()));
        Assert.Equal((1, 2), (card["service.reopenRate.successes"].GetInt32(), card["service.reopenRate.sampleSize"].GetInt32()));
        // Each with its 95% Wilson interval: 2 of 4 gives [0.1500, 0.8500], 1 of 2 gives [0.0945, 0.9055].
        Assert.Equal((0.5, 0.1500, 0.8500), (card["service.slaAttainment.estimate"].GetDouble(), Math.Round(card["service.slaAttainment.interval.lower"].GetDouble(), 4), Math.Round(card["service.slaAttainment.interval.upper"].GetDouble(), 4)));
        Assert.Equal((0.0945, 0.9055), (Math.Round(card["service.reopenRate.interval.lower"].GetDouble(), 4), Math.Round(card["service.reopenRate.interval.upper"].GetDouble(), 4)));
        // Acknowledge clocks: A and C met, B breached, D stopped by the withdrawal before anyone acknowledged it: 2 of 4.
        Assert.Equal((2, 4), (card["service.acknowledgeSlaAttainment.successes"].GetInt32(), card["service.acknowledgeSlaAttainment.sampleSize"].GetInt32()));
        // Update cycles, each a trial: A's five (ended by acknowledge, apologise, offer-help, commit and the fix) and C's eight
        // (the same five, then offer-help, commit and the second fix after the rejection) met; B's one cycle breached; D's
        // cycle stopped by the withdrawal, not met: 13 of 15.
        Assert.Equal((13, 15), (card["service.updateSlaAttainment.successes"].GetInt32(), card["service.updateSlaAttainment.sampleSize"].GetInt32()));
        // Business hours (this app's calendar is always open, so wall-clock time): A and C were acknowledged and resolved
        // within this test, so each mean is of n = 2, positive, and far below a minute; its Student-t interval holds it.
        foreach (var hours in new[] { "service.hoursToAcknowledge", "service.hoursToResolve" })
        {
            Assert.Equal(2, card[$"{hours}.sampleSize"].GetInt32());
            var mean = card[$"{hours}.estimate"].GetDouble();
            Assert.InRange(mean, 1e-9, 1.0 / 60);
            Assert.InRange(mean, card[$"{hours}.interval.lower"].GetDouble(), card[$"{hours}.interval.upper"].GetDouble());
        }

        Assert.True(card["service.hoursToResolve.estimate"].GetDouble() > card["service.hoursToAcknowledge.estimate"].GetDouble(), "a complaint is resolved after it is acknowledged");

        // The index takes them as its Service family.
        var components = card["scorecard.index.components"].EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("score").GetDouble());
        Assert.Equal(
            ["Availability", "CES", "CSAT", "First-contact resolution", "NPS", "Reopen rate", "Responsiveness", "SLA attainment"],
            components.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(50.0, components["SLA attainment"], 9);
        Assert.Equal(50.0, components["First-contact resolution"], 9);
        Assert.Equal(50.0, components["Reopen rate"], 9);
    }

    private async Task ReceiveAsync(string id, string clientId, string priority) =>
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("/complaints", new { id, clientId, segment = "External", channel = "Email", priority, text = "The line drops.", actor = "desk" })).Status);

    private async Task ResolveAsync(string id)
    {
        await CommandAsync(id, "acknowledge", new { actor = "ann", channel = "Email", thanks = "Thank you." });
        await CommandAsync(id, "start-investigating", new { actor = "ann" });
        await CommandAsync(id, "apologise", new { actor = "ann", channel = "Email", apology = "Sorry." });
        await CommandAsync(id, "offer-help", new { actor = "ann", channel = "Email", options = new[] { "Replace the router" } });
        await CommandAsync(id, "commit", new { actor = "ann", channel = "Email", action = "Replace the router", dueAt = DateTimeOffset.UtcNow.AddDays(1) });
        await CommandAsync(id, "deliver-fix", new { actor = "eng", channel = "InPerson", resolution = "Router replaced." });
    }

    private async Task CommandAsync(string id, string command, object body)
    {
        var response = await _http.PostAsync($"/complaints/{id}/commands/{command}", body);
        Assert.True(response.Status == HttpStatusCode.OK, $"{id} {command}: {(int)response.Status} {response.Body}");
    }

    private async Task SurveyAsync(object survey)
    {
        var response = await _http.PostAsync("/surveys", survey);
        Assert.True(response.Status == HttpStatusCode.Created, $"survey: {(int)response.Status} {response.Body}");
        Assert.Equal(HttpStatusCode.OK, (await _http.GetJsonAsync(response.Location!.OriginalString)).Status);
    }

    private async Task<HttpJsonResponse> WaitForAsync(string path, Func<HttpJsonResponse, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await _http.GetJsonAsync(path);
            if (condition(response) || clock.Elapsed > timeout)
            {
                return response;
            }

            await Task.Delay(100);
        }
    }
}
