using System.Globalization;
using ServiceQuality.Complaints;

namespace ServiceQuality.Sqlite.Tests;

/// <summary>
/// The crash test's child process: appends large batches to a few complaints in a SQLite file, forever, printing
/// "begin ID EXPECTED COUNT" before each append and "committed ID VERSION" after it, until it is killed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["crash-writer", var path, var seed])
        {
            Console.Error.WriteLine("This assembly holds tests: run it with `dotnet test`. (crash-writer FILE SEED: the crash test's child process.)");
            return 2;
        }

        var random = new Random(int.Parse(seed, CultureInfo.InvariantCulture));
        using var store = new SqliteComplaintStore($"Data Source={path}");
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), TimeProvider.System);
        string filler = new('x', 400);
        while (true)
        {
            string id = $"K-{random.Next(6)}";
            var history = store.ReadAsync(id).AsTask().GetAwaiter().GetResult();
            var complaint = history.Count == 0
                ? lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = id, ClientId = "crash-client", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "written until killed", Actor = "writer" })
                : lifecycle.Replay(history);
            int count = random.Next(100, 400);
            for (int i = 0; i < count; i++)
            {
                complaint.AddInformation("writer", $"{id} note {complaint.Snapshot.Version + 1} {filler}").EnsureAccepted();
            }

            var append = ComplaintAppend.Of(complaint);
            Console.Out.WriteLine($"begin {id} {append.ExpectedVersion} {append.Events.Count}");
            Console.Out.Flush();
            long version = store.AppendAsync(append).AsTask().GetAwaiter().GetResult();
            Console.Out.WriteLine($"committed {id} {version}");
            Console.Out.Flush();
        }
    }
}
