using System.Collections.Concurrent;

namespace ServiceQuality.Orleans.Tests;

/// <summary>
/// An Orleans reminder table in memory, shared by the silos of one test cluster (as the ADO.NET table on PostgreSQL is
/// shared by a real cluster's silos): unlike <c>UseInMemoryReminderService</c>, whose table is a grain that dies with the
/// silo it lives on, it survives a stopped silo, so the survivors take its reminders over. Rows are copied in and out;
/// each write gets a new ETag, and a removal needs the current one, as the Orleans table contract asks.
/// </summary>
public sealed class SharedReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> _rows = new();

    /// <summary>Gets or sets a value indicating whether writes fail (the table unreachable), for tests of what a silo does then.</summary>
    public bool FailWrites { get; set; }

    /// <summary>Gets every row now.</summary>
    public IReadOnlyList<ReminderEntry> Rows => [.. _rows.Values.Select(Copy)];

    /// <summary>Gets the row of a grain's reminder, or <see langword="null"/>.</summary>
    public ReminderEntry? Find(GrainId grain, string name) => _rows.TryGetValue((grain, name), out var row) ? Copy(row) : null;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(r => r.GrainId == grainId).Select(Copy).ToList()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end)).Select(Copy).ToList()));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        if (FailWrites)
        {
            throw new InvalidOperationException("The reminder table is unreachable (SharedReminderTable.FailWrites).");
        }

        var row = Copy(entry);
        row.ETag = Guid.NewGuid().ToString("N");
        _rows[(row.GrainId, row.ReminderName)] = row;
        return Task.FromResult<string?>(row.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = (grainId, reminderName);
        return Task.FromResult(_rows.TryGetValue(key, out var row) && row.ETag == eTag && _rows.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>(key, row)));
    }

    public Task TestOnlyClearTable()
    {
        _rows.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Orleans' ring ranges: (begin, end], wrapping past zero when begin &gt;= end (begin == end is the whole ring).</summary>
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Copy(ReminderEntry e) => new()
    {
        GrainId = e.GrainId,
        ReminderName = e.ReminderName,
        StartAt = e.StartAt,
        Period = e.Period,
        ETag = e.ETag,
    };
}
