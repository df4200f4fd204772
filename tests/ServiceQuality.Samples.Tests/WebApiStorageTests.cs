using System.Net;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// Where the sample keeps complaints: a SQLite file by default (Storage:SqliteFile, relative to the content root), and
/// PostgreSQL when ConnectionStrings:ServiceQuality is set; complaints survive a restart of the app on the same store.
/// </summary>
public sealed class WebApiStorageTests
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Complaints_AfterARestartOnTheSameSqliteFile_AreReadBackAndStillTakeCommands()
    {
        string database = WebApiProcess.NewDatabasePath();
        try
        {
            string history;
            await using (var first = await WebApiProcess.StartAsync(TestSettings.AlwaysOpen(), database))
            {
                Assert.True(await first.WaitForOutputAsync($"Complaints are kept in SQLite file {database}.", LogWait), first.Output);
                await ReceiveAndAcknowledgeAsync(first.Client, "R-1");
                history = (await first.Client.GetJsonAsync("/complaints/R-1/history")).Body.GetRawText();
            }

            // The first process was killed (no orderly shutdown): what it confirmed is in the file.
            Assert.True(File.Exists(database));
            await using var second = await WebApiProcess.StartAsync(TestSettings.AlwaysOpen(), database);
            await AssertSurvivedAsync(second.Client, "R-1", history);
        }
        finally
        {
            WebApiProcess.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task SqliteFile_Relative_IsUnderTheContentRoot()
    {
        string folder = $"test-data-{Guid.NewGuid():N}";
        string expected = Path.Combine(Path.GetDirectoryName(WebApiProcess.AssemblyPath)!, folder, "complaints.db");
        var settings = TestSettings.AlwaysOpen();
        settings["Storage:SqliteFile"] = $"{folder}/complaints.db";
        try
        {
            await using var app = await WebApiProcess.StartAsync(settings);
            Assert.True(await app.WaitForOutputAsync($"Complaints are kept in SQLite file {expected}.", LogWait), app.Output);
            Assert.Equal(HttpStatusCode.Created, (await Receive(app.Client, "R-2")).Status);
            Assert.True(File.Exists(expected), $"No database at {expected}.");
        }
        finally
        {
            WebApiProcess.DeleteDatabase(expected);
        }
    }

    [Fact]
    public async Task DefaultTestDatabases_OfTwoApps_AreSeparate()
    {
        await using var one = await WebApiProcess.StartAsync(TestSettings.AlwaysOpen());
        await using var other = await WebApiProcess.StartAsync(TestSettings.AlwaysOpen());
        Assert.NotEqual(one.Database, other.Database);
        Assert.Equal(HttpStatusCode.Created, (await Receive(one.Client, "R-3")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetJsonAsync("/complaints/R-3")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Receive(other.Client, "R-3")).Status);
    }

    [SkippableFact]
    public async Task ConnectionString_Set_KeepsComplaintsInPostgreSql_AcrossARestart()
    {
        string connectionString = TestPostgreSql.ConnectionString("the WebApi sample's PostgreSQL test");

        // The sample's schema (servicequality) may hold other runs' complaints: this run's id is its own.
        string id = $"PG-{Guid.NewGuid():N}";
        var settings = TestSettings.AlwaysOpen();
        settings["ConnectionStrings:ServiceQuality"] = connectionString;
        string history;
        await using (var first = await WebApiProcess.StartAsync(settings))
        {
            Assert.Null(first.Database);
            Assert.True(await first.WaitForOutputAsync("Complaints are kept in PostgreSQL (ConnectionStrings:ServiceQuality: host ", LogWait), first.Output);
            await ReceiveAndAcknowledgeAsync(first.Client, id);
            history = (await first.Client.GetJsonAsync($"/complaints/{id}/history")).Body.GetRawText();
        }

        await using var second = await WebApiProcess.StartAsync(settings);
        await AssertSurvivedAsync(second.Client, id, history);
    }

    private static Task<HttpJsonResponse> Receive(HttpClient client, string id) => client.PostAsync("/complaints", new
    {
        id, clientId = "C-7", segment = "External", channel = "Email", priority = "High",
        text = "The VPN drops every hour and nobody calls back.", actor = "desk",
    });

    private static async Task ReceiveAndAcknowledgeAsync(HttpClient client, string id)
    {
        Assert.Equal(HttpStatusCode.Created, (await Receive(client, id)).Status);
        var acknowledged = await client.PostAsync($"/complaints/{id}/commands/acknowledge", new { actor = "ann", channel = "Email", thanks = "Thank you for telling us." });
        Assert.Equal(HttpStatusCode.OK, acknowledged.Status);
        Assert.Equal(2, acknowledged["complaint.version"].GetInt32());
    }

    /// <summary>The restarted app reads the complaint, its history (the same JSON), lists it, refuses its id again and appends to it.</summary>
    private static async Task AssertSurvivedAsync(HttpClient client, string id, string history)
    {
        var read = await client.GetJsonAsync($"/complaints/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(("Acknowledged", 2, "C-7"), (read.Text("complaint.state"), read["complaint.version"].GetInt32(), read.Text("complaint.clientId")));
        Assert.Equal("Met", read.Text("sla.acknowledge.status"));
        Assert.Equal(history, (await client.GetJsonAsync($"/complaints/{id}/history")).Body.GetRawText());

        var listed = await client.GetJsonAsync("/complaints?clientId=C-7&state=Open");
        Assert.Contains(listed.Body.EnumerateArray(), c => c.GetProperty("complaintId").GetString() == id && c.GetProperty("version").GetInt32() == 2);

        Assert.Equal(HttpStatusCode.Conflict, (await Receive(client, id)).Status);
        var investigating = await client.PostAsync($"/complaints/{id}/commands/start-investigating", new { actor = "ann" });
        Assert.Equal(HttpStatusCode.OK, investigating.Status);
        Assert.Equal(("Investigating", 3), (investigating.Text("complaint.state"), investigating["complaint.version"].GetInt32()));
        Assert.Equal(3, (await client.GetJsonAsync($"/complaints/{id}/history")).Body.GetArrayLength());
    }
}
