using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>One complaint as the report's drill-down lists it.</summary>
internal sealed record ComplaintRow(
    string Id, DateTimeOffset ReceivedAt, string ClientId, Priority Priority, string Agent, string Team, ComplaintState State, SlaStatus Resolve, string Area, string Text);

/// <summary>One week: NPS and CSAT of the surveys answered in it, SLA attainment (resolve clock) of the complaints received in it.</summary>
internal sealed record WeekRow(DateOnly Week, NpsResult Nps, ProportionResult CsatTopBox, ProportionResult SlaAttainment);

/// <summary>
/// A share or a score of a small group shrunk toward the overall figure: the Bayesian posterior under a prior centred on
/// the overall figure and worth <see cref="Breakdowns.PriorStrength"/> answers.
/// </summary>
/// <param name="Raw">The group's own figure, or <see langword="null"/> without answers.</param>
/// <param name="N">The group's answers.</param>
/// <param name="Estimate">The posterior mean.</param>
/// <param name="Low">The lower end of the 95% interval.</param>
/// <param name="High">The upper end of the 95% interval.</param>
internal readonly record struct Shrunk(double? Raw, long N, double Estimate, double Low, double High);

/// <summary>An agent or a team: volume, and CSAT, NPS and SLA attainment shrunk toward the overall figures.</summary>
internal sealed record PeopleRow(string Name, string? Team, int Complaints, long Responses, Shrunk Nps, Shrunk CsatTopBox, Shrunk SlaAttainment);

/// <summary>The report's breakdowns: week by week, and agent by agent and team by team.</summary>
internal static class Breakdowns
{
    /// <summary>
    /// How many answers the overall figure is worth in each group's prior: a group with 20 answers is pulled halfway
    /// toward the overall figure, one with 180 by a tenth.
    /// </summary>
    public const double PriorStrength = 20;

    /// <summary>The Monday that starts the (UTC) week of an instant.</summary>
    public static DateOnly WeekOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>Every week from the first answer or complaint to the last (weeks without any leave gaps in the charts).</summary>
    public static IReadOnlyList<WeekRow> Weekly(IReadOnlyList<SurveyResponse> surveys, IReadOnlyList<ComplaintRow> complaints)
    {
        var dated = surveys.Where(s => s.AnsweredAt != default).ToList();
        var weeks = dated.Select(s => WeekOf(s.AnsweredAt)).Concat(complaints.Select(c => WeekOf(c.ReceivedAt))).ToList();
        if (weeks.Count == 0)
        {
            return [];
        }

        var rows = new List<WeekRow>();
        for (var week = weeks.Min(); week <= weeks.Max(); week = week.AddDays(7))
        {
            var tally = new SurveyTally();
            foreach (var s in dated.Where(s => WeekOf(s.AnsweredAt) == week))
            {
                tally.Add(s);
            }

            var (met, decided) = Sla(complaints.Where(c => WeekOf(c.ReceivedAt) == week));
            rows.Add(new WeekRow(week, tally.Nps.GetNps(), tally.Csat.GetCsat().TopBox, Proportion.FromCounts(met, decided)));
        }

        return rows;
    }

    /// <summary>Agents (by name) and then teams, each shrunk toward the overall figures.</summary>
    public static (IReadOnlyList<PeopleRow> Agents, IReadOnlyList<PeopleRow> Teams) People(
        IReadOnlyList<SurveyResponse> surveys, IReadOnlyDictionary<string, string> surveyTeams, IReadOnlyList<ComplaintRow> complaints)
    {
        var all = new ScorecardAccumulator();
        all.Add(surveys);
        var overall = new SurveyTally();
        foreach (var s in surveys)
        {
            overall.Add(s);
        }

        var overallNps = overall.Nps.GetNps();
        var overallCsat = overall.Csat.GetCsat().TopBox;
        var (allMet, allDecided) = Sla(complaints);
        var teamOf = new Dictionary<string, string>(surveyTeams, StringComparer.Ordinal);
        foreach (var c in complaints)
        {
            teamOf.TryAdd(c.Agent, c.Team);
        }

        PeopleRow Row(string name, string? team, SurveyTally tally, IReadOnlyList<ComplaintRow> handled)
        {
            var (met, decided) = Sla(handled);
            return new PeopleRow(
                name,
                team,
                handled.Count,
                tally.Count,
                ShrinkNps(tally.Nps.GetNps(), overallNps),
                ShrinkShare(tally.Csat.GetCsat().TopBox.Successes, tally.Csat.GetCsat().TopBox.SampleSize, overallCsat.Successes, overallCsat.SampleSize),
                ShrinkShare(met, decided, allMet, allDecided));
        }

        var names = all.Agents.Keys.Concat(complaints.Select(c => c.Agent)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var agents = names.Select(a => Row(a, teamOf.GetValueOrDefault(a), all.Agents.GetValueOrDefault(a) ?? new SurveyTally(), [.. complaints.Where(c => c.Agent == a)])).ToList();
        var teams = names.Where(teamOf.ContainsKey).GroupBy(a => teamOf[a], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var tally = new SurveyTally();
            foreach (var a in g)
            {
                if (all.Agents.TryGetValue(a, out var t))
                {
                    tally.Merge(t);
                }
            }

            return Row(g.Key, null, tally, [.. complaints.Where(c => g.Contains(c.Agent))]);
        }).ToList();
        return (agents, teams);
    }

    /// <summary>Resolve clocks met and decided, by the library's one rule (<see cref="ComplaintKpis.SlaOutcome"/>: a stopped clock is decided and not met; running ones are not counted).</summary>
    public static (int Met, int Decided) Sla(IEnumerable<ComplaintRow> complaints)
    {
        int met = 0, decided = 0;
        foreach (var c in complaints)
        {
            if (ComplaintKpis.SlaOutcome(c.Resolve) is { } outcome)
            {
                decided++;
                met += outcome ? 1 : 0;
            }
        }

        return (met, decided);
    }

    /// <summary>
    /// NPS under a Dirichlet prior whose detractor, passive and promoter shares are the overall ones, worth
    /// <see cref="PriorStrength"/> answers: the library's exact posterior mean and equal-tailed credible interval.
    /// </summary>
    public static Shrunk ShrinkNps(NpsResult group, NpsResult overall)
    {
        double n = Math.Max(1, overall.SampleSize);
        var prior = new DirichletPrior(
            Math.Max(0.01, PriorStrength * overall.Detractors / n),
            Math.Max(0.01, PriorStrength * overall.Passives / n),
            Math.Max(0.01, PriorStrength * overall.Promoters / n));
        var posterior = NetPromoterScore.Posterior(group.Detractors, group.Passives, group.Promoters, prior);
        return new Shrunk(group.Estimate, group.SampleSize, posterior.Estimate, posterior.Interval.Lower, posterior.Interval.Upper);
    }

    /// <summary>
    /// A share under a Beta prior at the overall share, worth <see cref="PriorStrength"/> answers: the library's posterior
    /// mean (s + m·p̄)/(n + m) and equal-tailed 95% credible interval.
    /// </summary>
    public static Shrunk ShrinkShare(long successes, long n, long overallSuccesses, long overallN)
    {
        double pooled = overallN == 0 ? 0.5 : overallSuccesses / (double)overallN;
        var prior = new BetaPrior(Math.Max(0.01, PriorStrength * pooled), Math.Max(0.01, PriorStrength * (1 - pooled)));
        var posterior = Proportion.Posterior(successes, n, prior);
        return new Shrunk(n == 0 ? null : successes / (double)n, n, posterior.Estimate, posterior.Interval.Lower, posterior.Interval.Upper);
    }
}
