using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceQuality.Samples.WebApi.Security;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Samples.WebApi.Surveys;

/// <summary>The scorecard with the complaint service measures it was computed with.</summary>
/// <param name="Scorecard">NPS, CSAT, CES, the client wants, the Service Quality Index, parity and agents.</param>
/// <param name="Service">The complaint KPIs; SLA attainment (resolve), first-contact resolution and the reopen rate are fed into the index.</param>
public sealed record ScorecardView(ScorecardResult Scorecard, ServiceMeasuresView Service);

/// <summary>
/// The complaint KPIs, each as the library's <see cref="ComplaintKpis"/> defines it (one definition, shared with the
/// Quickstart): a result with its n (the counts behind each rate, so every figure can be checked) and a 95% interval;
/// <see langword="null"/> when nothing was measured for it yet.
/// </summary>
/// <param name="Complaints">Complaints measured (all in the store).</param>
/// <param name="SlaAttainment">Resolve clocks met among those decided (met, breached, or stopped: a withdrawn complaint is not met), as <see cref="ComplaintKpis.SlaAttainment(SlaClockKind)"/> defines it, with its Wilson interval; the Service Quality Index's SLA component.</param>
/// <param name="AcknowledgeSlaAttainment">Acknowledge clocks met among those decided, with its Wilson interval.</param>
/// <param name="UpdateSlaAttainment">Update cycles met among those decided (each cycle a trial), with its Wilson interval.</param>
/// <param name="FirstContactResolution">Closed complaints fixed at first contact (never reopened, the client never asked for information), with its Wilson interval.</param>
/// <param name="ReopenRate">Fixed complaints that were reopened or whose fix was rejected, with its Wilson interval.</param>
/// <param name="HoursToAcknowledge">Business hours from receipt to acknowledgement of the acknowledged complaints: mean, n and Student-t interval.</param>
/// <param name="HoursToResolve">Business hours from receipt to the fix of the resolved complaints (across reopens, paused time excluded): mean, n and Student-t interval.</param>
public sealed record ServiceMeasuresView(
    long Complaints,
    ProportionResult? SlaAttainment,
    ProportionResult? AcknowledgeSlaAttainment,
    ProportionResult? UpdateSlaAttainment,
    ProportionResult? FirstContactResolution,
    ProportionResult? ReopenRate,
    MeanResult? HoursToAcknowledge,
    MeanResult? HoursToResolve);

internal static class SurveyEndpoints
{
    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var surveys = app.MapGroup(string.Empty).WithTags("Surveys");
        surveys.MapPost("/surveys", Record).RequireAuthorization(ApiRoles.Client)
            .WithSummary("Records a survey response (an agent, or a client for itself).");
        surveys.MapGet("/surveys/{number:int}", Results<Ok<SurveyResponse>, ProblemHttpResult> (int number, SurveyRepository responses) =>
            responses.Get(number) is { } response ? TypedResults.Ok(response) : TypedResults.Problem($"There is no survey response {number}.", statusCode: StatusCodes.Status404NotFound, title: "Survey response not found"))
            .RequireAuthorization(ApiRoles.Agent).WithSummary("One stored survey response (agents).");
        surveys.MapGet("/scorecard", GetScorecardAsync).RequireAuthorization(ApiRoles.Agent)
            .WithSummary("The scorecard with the complaint measures it used (agents).");
        return app;
    }

    internal static Results<Created<SurveyResponse>, ProblemHttpResult> Record(SurveyResponse response, ClaimsPrincipal user, SurveyRepository surveys, TimeProvider time)
    {
        Validate(response);
        if (!ApiRoles.MayRead(user, response.ClientId))
        {
            return Problems.Forbid($"A client may answer surveys for itself only, not for '{response.ClientId}'.");
        }

        var stored = response.AnsweredAt == default ? response with { AnsweredAt = time.GetUtcNow() } : response;
        int number = surveys.Add(stored);
        return TypedResults.Created($"/surveys/{number}", stored);
    }

    /// <summary>This sample's surveys ask CES with the CES 1.0 wording (1 = the least effort), so lower is better.</summary>
    private static readonly ScorecardOptions ScorecardOptions = new() { Index = { CesDirection = RatingDirection.LowerIsBetter } };

    internal static async Task<Ok<ScorecardView>> GetScorecardAsync(SurveyRepository surveys, ComplaintService service, CancellationToken cancellationToken)
    {
        var measures = await MeasureAsync(service, cancellationToken);
        var scorecard = Scorecard.Compute(surveys.GetAll(), ScorecardOptions, measures.SlaAttainment, measures.FirstContactResolution, measures.ReopenRate);
        return TypedResults.Ok(new ScorecardView(scorecard, measures));
    }

    /// <summary>
    /// Measures every stored complaint now, by the library's one definition (<see cref="ComplaintKpis"/>): SLA attainment
    /// of the resolve clock is met over decided (met, breached, or stopped without its goal: a withdrawn complaint is
    /// never met); clocks still running within target are not counted yet.
    /// </summary>
    internal static async Task<ServiceMeasuresView> MeasureAsync(ComplaintService service, CancellationToken cancellationToken)
    {
        var kpis = ComplaintKpis.Empty;
        await foreach (var info in service.Store.GetReceivedBetweenAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken))
        {
            if (await service.LoadAsync(info.ComplaintId, cancellationToken) is not { } complaint)
            {
                continue;
            }

            kpis = kpis.Merge(ComplaintKpis.Of(complaint));
        }

        return new ServiceMeasuresView(
            kpis.Complaints,
            Share(kpis.SlaAttainment(SlaClockKind.Resolve)),
            Share(kpis.SlaAttainment(SlaClockKind.Acknowledge)),
            Share(kpis.SlaAttainment(SlaClockKind.Update)),
            Share(kpis.FirstContactResolution),
            Share(kpis.ReopenRate),
            Hours(kpis.TimeToAcknowledge),
            Hours(kpis.TimeToResolve));

        static ProportionResult? Share(ProportionResult result) => result.SampleSize == 0 ? null : result;

        static MeanResult? Hours(MeanResult result) => result.SampleSize == 0 ? null : result;
    }

    /// <summary>Checks every rating against its scale, so a stored response can always be scored.</summary>
    private static void Validate(SurveyResponse response)
    {
        Complaints.ComplaintEndpoints.RequireId(response.ClientId, "clientId");
        if (!Enum.IsDefined(response.Segment))
        {
            throw new ArgumentOutOfRangeException("segment", response.Segment, $"Valid: {string.Join(", ", Enum.GetNames<ClientSegment>())}.");
        }

        InScale<NpsScale>(response.Nps, "nps");
        InScale<CsatScale>(response.Csat, "csat");
        InScale<CesScale>(response.Ces, "ces");
        foreach (var (want, answer) in response.Wants ?? new Dictionary<ClientWant, WantAnswer>())
        {
            if (!Enum.IsDefined(want))
            {
                throw new ArgumentException($"'wants' has the key {(int)want}, which is not a client want; valid: {string.Join(", ", Enum.GetNames<ClientWant>())}.", "wants");
            }

            InRange(answer.Importance, 1, 5, $"wants.{want}.importance");
            InRange(answer.Performance, 1, 5, $"wants.{want}.performance");
        }

        if (response.Nps is null && response.Csat is null && response.Ces is null && response.Wants is not { Count: > 0 })
        {
            throw new ArgumentException("A response needs at least one of nps, csat, ces or wants.", "body");
        }

        static void InScale<TScale>(int? rating, string field)
            where TScale : IRatingScale
        {
            if (rating is { } value)
            {
                InRange(value, TScale.Minimum, TScale.Maximum, field);
            }
        }

        static void InRange(int value, int minimum, int maximum, string field)
        {
            if (value < minimum || value > maximum)
            {
                throw new ArgumentOutOfRangeException(field, value, $"'{field}' must be from {minimum} to {maximum}.");
            }
        }
    }
}
