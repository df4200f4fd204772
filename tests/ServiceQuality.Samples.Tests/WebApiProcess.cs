using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// The WebApi sample running as a real process on 127.0.0.1 and a free port, with its shipped appsettings.json (the
/// content root is its output folder) and the overrides a test passes on the command line. Its complaints are kept in
/// a SQLite file of the test's own (a new temporary file, deleted when disposed, unless the test names one), never in
/// the output folder. Waits for <c>/health</c> with a bounded number of tries, keeps its console output, and kills it
/// (with its children) when disposed.
/// </summary>
public sealed class WebApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string? _ownedDatabase;

    /// <summary>An agent's API key the tests configure (agents act on any complaint).</summary>
    public const string AgentKey = "test-agent-key-0001";

    /// <summary>Client C-7's API key (a client reads its own complaints only).</summary>
    public const string ClientKey = "test-client-key-C-7";

    /// <summary>Client C-8's API key.</summary>
    public const string OtherClientKey = "test-client-key-C-8";

    private WebApiProcess(Process process, Uri baseAddress, string? database, bool ownsDatabase)
    {
        _process = process;
        BaseAddress = baseAddress;
        Database = database;
        _ownedDatabase = ownsDatabase ? database : null;
        Client = CreateClient(AgentKey);
    }

    /// <summary>Gets the SQLite file the app keeps its complaints in (<see langword="null"/> when the test's settings chose the store).</summary>
    public string? Database { get; }

    /// <summary>Gets a new SQLite file path in a folder of its own under the temporary folder (the file does not exist yet).</summary>
    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "servicequality-webapi-tests", Guid.NewGuid().ToString("N"), "complaints.db");

    /// <summary>Deletes a SQLite file made by <see cref="NewDatabasePath"/>, with its folder (WAL and shared-memory files included).</summary>
    public static void DeleteDatabase(string path)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created: the app did not start.
        }
    }

    /// <summary>Gets the app's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets a client whose base address is the app, signed in with the agent's key.</summary>
    public HttpClient Client { get; }

    /// <summary>The API keys every test app accepts, as configuration overrides.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ApiKeys { get; } =
    [
        new($"Authentication:ApiKeys:{AgentKey}:Role", "Agent"), new($"Authentication:ApiKeys:{AgentKey}:Name", "ann"),
        new($"Authentication:ApiKeys:{ClientKey}:Role", "Client"), new($"Authentication:ApiKeys:{ClientKey}:Name", "C-7"),
        new($"Authentication:ApiKeys:{OtherClientKey}:Role", "Client"), new($"Authentication:ApiKeys:{OtherClientKey}:Name", "C-8"),
    ];

    /// <summary>Creates a client of the app that sends <paramref name="apiKey"/> (none when <see langword="null"/>).</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Gets the app's console output so far (standard output and error, in arrival order).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Gets the path of the sample's assembly, as the build recorded it.</summary>
    public static string AssemblyPath { get; } =
        typeof(WebApiProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebApiPath").Value
        ?? throw new InvalidOperationException("The build did not record WebApiPath.");

    /// <summary>Reads the sample's shipped appsettings.json.</summary>
    public static JsonDocument ReadSettings() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(AssemblyPath)!, "appsettings.json")));

    /// <summary>Starts the app and waits until <c>/health</c> answers 200.</summary>
    /// <param name="settings">Configuration overrides, as <c>Section:Key</c> and value.</param>
    /// <param name="database">
    /// The SQLite file to keep complaints in (the caller deletes it); <see langword="null"/> for a new temporary file,
    /// deleted when the app is disposed. Ignored when <paramref name="settings"/> set <c>ConnectionStrings:ServiceQuality</c>
    /// or <c>Storage:SqliteFile</c>.
    /// </param>
    public static async Task<WebApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? database = null)
    {
        Assert.True(File.Exists(AssemblyPath), $"The WebApi sample is not built: {AssemblyPath}");
        bool postgres = settings.TryGetValue("ConnectionStrings:ServiceQuality", out string? connectionString) && !string.IsNullOrWhiteSpace(connectionString);
        bool chosen = postgres || settings.ContainsKey("Storage:SqliteFile");
        bool ownsDatabase = !chosen && database is null;
        database = chosen ? null : database ?? NewDatabasePath();
        int port = GetFreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(start.WorkingDirectory);
        foreach (var (key, value) in ApiKeys.Where(k => !settings.ContainsKey(k.Key)).Concat(settings))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        if (database is not null)
        {
            start.ArgumentList.Add($"--Storage:SqliteFile={database}");
        }

        // The sample as shipped: no development settings, plain console logs (no colours) to read.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ConnectionStrings__ServiceQuality");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new WebApiProcess(process, new Uri($"http://127.0.0.1:{port}/"), database, ownsDatabase);
        process.OutputDataReceived += (_, e) => app.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => app.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Waits, bounded, until the app's output contains <paramref name="text"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return Output.Contains(text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or did not die in time: nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
            if (_ownedDatabase is not null)
            {
                DeleteDatabase(_ownedDatabase);
            }
        }
    }

    private static int GetFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                // HasExited can be true before the redirected output has been read to its end: WaitForExitAsync waits
                // for both streams' last lines, which hold the reason (a validation message) the tests look for.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The WebApi sample exited with code {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The WebApi sample was not healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }
}
