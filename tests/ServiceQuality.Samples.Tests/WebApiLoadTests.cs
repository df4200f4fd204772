using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// A bounded load over real HTTP on loopback: 20,000 requests on 8 connections (2,000 complaints, each received, given
/// seven pieces of information and read; one more piece each to a shared complaint, so writers race and retry). No
/// answer may be a 5xx, and every write the API confirmed must be read back. Bounded at 10 minutes, a guard against a
/// hang, not a speed target (the sample's SQLite store on 2 shared cores: about 140 s alone with a load average near 40;
/// over 5 minutes beside the other test assemblies at a load average near 46).
/// </summary>
public sealed class WebApiLoadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Connections = 8;
    private const int Complaints = 2_000;
    private const int OwnCommands = 7;
    private const string Hot = "LOAD-HOT";

    [Fact]
    public async Task TwentyThousandRequests_OnEightConnections_NoServerError_AndEveryConfirmedWriteIsReadBack()
    {
        // The sample's default store, a SQLite file of the test's own; commits are written, not flushed one by one
        // (safe against a crash of the app, which is all this test could observe).
        var settings = new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerSecond"] = "1000000",
            ["RateLimiting:Burst"] = "1000000",
            ["Storage:DurableCommits"] = "false",
        };
        await using var app = await WebApiProcess.StartAsync(settings);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var clients = Enumerable.Range(0, Connections).Select(_ => OneConnection(app.BaseAddress)).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await Send(clients[0], HttpMethod.Post, "/complaints", Receive(Hot), deadline.Token)).Status);

        var statuses = new ConcurrentDictionary<int, int>();
        var confirmed = new ConcurrentDictionary<string, ConcurrentBag<string>>();   // complaint -> information confirmed
        int requests = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            var http = clients[worker];
            for (int n = worker; n < Complaints; n += Connections)
            {
                string id = $"LOAD-{n}";
                var created = await Send(http, HttpMethod.Post, "/complaints", Receive(id), deadline.Token);
                Count(created.Status);
                if (created.Status == HttpStatusCode.Created)
                {
                    confirmed.GetOrAdd(id, _ => []);
                }

                for (int c = 0; c < OwnCommands; c++)
                {
                    await AddInformationAsync(http, id, $"{id} finding {c}");
                }

                await AddInformationAsync(http, Hot, $"{id} on the hot complaint");
                var read = await Send(http, HttpMethod.Get, $"/complaints/{id}", null, deadline.Token);
                Count(read.Status);
            }
        }, deadline.Token)));
        var elapsed = clock.Elapsed;
        output.WriteLine($"{requests} requests in {elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x {s.Value}"))}");

        Assert.Equal(Complaints * (2 + OwnCommands + 1), requests);
        Assert.Equal(20_000, requests);
        Assert.DoesNotContain(statuses.Keys, s => s >= 500);
        Assert.Equal(Complaints, confirmed.Count(c => c.Key != Hot));

        // Every confirmed write is in the complaint's history, and nothing else is.
        foreach (var (id, information) in confirmed)
        {
            var history = await Send(clients[0], HttpMethod.Get, $"/complaints/{id}/history", null, deadline.Token);
            Assert.Equal(HttpStatusCode.OK, history.Status);
            var stored = history.Body.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "information-added").Select(e => e.GetProperty("information").GetString()!).ToArray();
            Assert.Equal(information.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, stored.Length + 1), history.Body.EnumerateArray().Select(e => e.GetProperty("version").GetInt32()));
        }

        Assert.True(elapsed < TimeSpan.FromMinutes(10), $"{requests} requests took {elapsed}");
        foreach (var client in clients)
        {
            client.Dispose();
        }

        void Count(HttpStatusCode status)
        {
            Interlocked.Increment(ref requests);
            statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
        }

        async Task AddInformationAsync(HttpClient http, string id, string information)
        {
            var response = await Send(http, HttpMethod.Post, $"/complaints/{id}/commands/add-information", new { actor = "ann", information }, deadline.Token);
            Count(response.Status);
            if (response.Status == HttpStatusCode.OK)
            {
                Assert.Equal(information, response.Text("event.information"));
                confirmed.GetOrAdd(id, _ => []).Add(information);
            }
            else
            {
                // Only a conflict that outlasted the retries may refuse a write: a 409 that stored nothing.
                Assert.Equal(HttpStatusCode.Conflict, response.Status);
                Assert.EndsWith("#concurrency-conflict", response.Text("type"), StringComparison.Ordinal);
            }
        }
    }

    private static object Receive(string id) =>
        new { id, clientId = "C-LOAD", segment = "Internal", channel = "Web", priority = "Normal", text = "The build server is slow.", actor = "desk" };

    private static HttpClient OneConnection(Uri baseAddress)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", WebApiProcess.AgentKey);
        return client;
    }

    private static async Task<HttpJsonResponse> Send(HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        return new HttpJsonResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, document?.RootElement.Clone() ?? default);
    }
}
