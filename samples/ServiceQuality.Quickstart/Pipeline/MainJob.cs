using System.Diagnostics;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Normalization;
using ServiceQuality.Quickstart.Report;
using ServiceQuality.Sla;
using ServiceQuality.Sqlite;

namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>
/// The Quickstart's main job, on the bundled data: normalize every complaint, group recurring problems, run each
/// complaint through its lifecycle on a simulated clock into a SQLite file (or read them from it, when an earlier run
/// stored them there), evaluate the SLAs, score the surveys together with the complaint measures, print the scorecard
/// and write scorecard.html.
/// </summary>
internal static class MainJob
{
    public static async Task<QuickstartResults> RunAsync(string complaintsPath, string surveysPath, string databasePath, Progress progress)
    {
        var complaints = BundledData.LoadComplaints(complaintsPath);
        var surveyFile = BundledData.LoadSurveys(surveysPath);
        var surveys = surveyFile.Responses;
        progress.Line($"Loaded {complaints.Count} complaints and {surveys.Count} survey responses.");
        var start = complaints.Min(c => c.ReceivedAt);
        var end = complaints.Max(c => c.ReceivedAt).AddDays(2);

        // 1. Normalize: the same facts give the same record, however angrily they were written.
        var normalizer = new ComplaintNormalizer();
        var normalized = new NormalizedComplaint[complaints.Count];
        var timer = Stopwatch.StartNew();
        for (int i = 0; i < complaints.Count; i++)
        {
            var c = complaints[i];
            normalized[i] = normalizer.Normalize(c.Text, new NormalizationContext { ReferenceDate = DateOnly.FromDateTime(c.ReceivedAt.UtcDateTime), Client = c.ClientId, Channel = c.Channel.ToString() });
            progress.Step("Normalizing", i + 1, complaints.Count);
        }

        progress.Done($"Normalized {complaints.Count} complaints in {timer.Elapsed.TotalMilliseconds:F0} ms.");
        var (agreeing, pairs) = ToneAgreement(complaints, normalized);

        // 2. Recurring problems: near-duplicate fingerprints within the window, whoever reported them.
        var index = new RecurrenceIndex(new RecurrenceIndexOptions { Window = TimeSpan.FromDays(14) });
        var byId = new Dictionary<string, (BundledComplaint Complaint, NormalizedComplaint Normalized)>(StringComparer.Ordinal);
        for (int i = 0; i < complaints.Count; i++)
        {
            index.Add(complaints[i].Id, normalized[i].FingerprintValue, complaints[i].ReceivedAt, complaints[i].ClientId);
            byId[complaints[i].Id] = (complaints[i], normalized[i]);
        }

        var recurring = index.GetRecurringProblems(minimumCount: 3)
            .OrderByDescending(p => p.Count).ThenBy(p => p.FirstSeen)
            .Select((p, i) => new RecurringProblemRow(
                i + 1,
                ScorecardReport.AreaName(MostCommonArea(p.ComplaintIds.Select(id => byId[id].Normalized))),
                p.Count,
                p.Clients.Count,
                p.FirstSeen,
                p.LastSeen,
                byId[p.ComplaintIds[0]].Normalized.CanonicalText,
                [.. p.ComplaintIds]))
            .ToList();
        int distinctKeys = normalized.Select(n => n.IncidentKeyValue).Distinct().Count();
        progress.Line($"Found {recurring.Count} recurring problems among {distinctKeys} distinct incident keys.");

        // 3. The lifecycle on a simulated clock, with office hours in London and a bank holiday.
        var clock = new SimulatedClock(start);
        var calendar = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(8, 0), new TimeOnly(18, 0), [new DateOnly(2026, 8, 31)]);
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions { Calendar = calendar }, clock);
        // The complaints are kept in a SQLite file, the embedded default. A batch import, so commits are not flushed one
        // by one (DurableCommits = false: still safe if the process dies, only a power cut could lose the last ones).
        await using var store = new SqliteComplaintStore(new SqliteComplaintStoreOptions { ConnectionString = $"Data Source={databasePath}", DurableCommits = false });
        var service = new ComplaintService(lifecycle, store);
        var already = await CountStoredAsync(store, complaints);
        SimulationOutcome outcome;
        bool readFromEarlierRun = already == complaints.Count;
        if (readFromEarlierRun)
        {
            int events = 0;
            foreach (var c in complaints)
            {
                events += (await store.ReadAsync(c.Id)).Count;
            }

            outcome = new SimulationOutcome(already, events, 0, new Dictionary<string, int>(), []);
            progress.Line($"Read {already} complaints ({events} events) that an earlier run stored in {store.DataSource}.");
        }
        else if (already == 0)
        {
            outcome = await LifecycleSimulation.RunAsync(service, clock, complaints, end, done => progress.Step("Running lifecycles", done, complaints.Count));
            progress.Done($"Ran {outcome.Complaints} complaints through the lifecycle: {outcome.Accepted} commands accepted, {outcome.Refused} refused.");
            progress.Line($"Stored {outcome.Complaints} complaints ({outcome.Accepted} events) in {store.DataSource}; run again to read them from there.");
        }
        else
        {
            throw new UserError($"{store.DataSource} holds {already} of these {complaints.Count} complaints: it was written from other data. Choose another file with --db.");
        }

        // 4. SLA and complaint measures, as of the end of the period (the same whether the lifecycles ran now or earlier).
        clock.Set(end);
        var sla = new Dictionary<(SlaClockKind, Priority), SlaRow>();
        var measures = ComplaintMeasures.Empty;
        var kpis = new Dictionary<Priority, ComplaintKpis>();
        var rows = new List<ComplaintRow>(complaints.Count);
        foreach (var c in complaints)
        {
            var complaint = (await service.LoadAsync(c.Id))!;
            measures = measures.Merge(ComplaintMeasures.Of(complaint));
            kpis[c.Priority] = kpis.GetValueOrDefault(c.Priority).Merge(ComplaintKpis.Of(complaint, end));
            var evaluation = complaint.EvaluateSla(end);
            foreach (var clockStatus in evaluation.Clocks)
            {
                var key = (clockStatus.Clock, c.Priority);
                var row = sla.GetValueOrDefault(key) ?? new SlaRow(clockStatus.Clock, c.Priority, 0, 0, 0, 0, default);
                sla[key] = clockStatus.Status switch
                {
                    SlaStatus.Met => row with { Met = row.Met + 1 },
                    SlaStatus.Breached => row with { Breached = row.Breached + 1 },
                    SlaStatus.Stopped => row with { Stopped = row.Stopped + 1 },
                    _ => row with { Open = row.Open + 1 }, // running, at risk or paused: not decided yet
                };
            }

            var n = byId[c.Id].Normalized;
            rows.Add(new ComplaintRow(
                c.Id, c.ReceivedAt, c.ClientId, c.Priority, c.Agent, c.Team ?? "(no team)", complaint.Snapshot.State, evaluation.Resolve.Status,
                ScorecardReport.AreaName(n.Areas.Count > 0 ? n.Areas[0].Area : "unclassified"), n.CanonicalText));
        }

        // Attainment by the library's one definition (a stopped clock is not met; update cycles one by one).
        foreach (var (key, row) in sla)
        {
            sla[key] = row with { Attainment = kpis[key.Item2].SlaAttainment(key.Item1) };
        }

        // 5. The scorecard: surveys and the service measures of complaint handling together, as the library defines them.
        var all = kpis.Values.Aggregate(ComplaintKpis.Empty, (sum, k) => sum.Merge(k));
        var rates = new ServiceRates(all.SlaAttainment(SlaClockKind.Resolve), all.FirstContactResolution, all.ReopenRate);
        var card = Scorecard.Compute(surveys, BundledData.ScorecardOptions, slaAttainment: rates.SlaAttainment, firstContactResolution: rates.FirstContactResolution, reopenRate: rates.ReopenRate);

        var people = Breakdowns.People(surveys, surveyFile.Teams, rows);
        return new QuickstartResults(
            start,
            end,
            complaints.Count,
            distinctKeys,
            agreeing,
            pairs,
            recurring,
            [.. sla.OrderBy(s => s.Key.Item1).ThenByDescending(s => s.Key.Item2).Select(s => s.Value)],
            measures,
            rates,
            card,
            outcome.Accepted,
            outcome.Refused,
            outcome.RefusalExamples,
            store.DataSource,
            readFromEarlierRun,
            lifecycle.GetInfo(),
            lifecycle.ToMermaid(),
            rows,
            Breakdowns.Weekly(surveys, rows),
            people.Agents,
            people.Teams);
    }

    /// <summary>How many of <paramref name="complaints"/> the store already holds.</summary>
    private static async Task<int> CountStoredAsync(SqliteComplaintStore store, IReadOnlyList<BundledComplaint> complaints)
    {
        int found = 0;
        foreach (var c in complaints)
        {
            found += await store.GetSummaryAsync(c.Id) is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>For every incident told both calmly and angrily, how many calm-angry pairs got the same incident key.</summary>
    private static (int Agreeing, int Pairs) ToneAgreement(IReadOnlyList<BundledComplaint> complaints, NormalizedComplaint[] normalized)
    {
        int agreeing = 0, pairs = 0;
        foreach (var incident in complaints.Select((c, i) => (c, n: normalized[i])).GroupBy(x => x.c.Incident))
        {
            var calm = incident.Where(x => x.c.Tone == "calm").Select(x => x.n.IncidentKeyValue).ToList();
            foreach (var angry in incident.Where(x => x.c.Tone == "angry"))
            {
                pairs += calm.Count;
                agreeing += calm.Count(k => k == angry.n.IncidentKeyValue);
            }
        }

        return (agreeing, pairs);
    }

    private static string MostCommonArea(IEnumerable<NormalizedComplaint> complaints) =>
        complaints.SelectMany(c => c.Areas.Take(1)).GroupBy(a => a.Area).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? "unclassified";
}
