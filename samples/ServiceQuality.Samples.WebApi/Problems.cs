using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceQuality.Samples.WebApi;

/// <summary>The RFC 7807 problem types this API answers with; each type URI points at its section of the README.</summary>
internal static class Problems
{
    private const string Base = "https://github.com/servicequality/servicequality/blob/main/samples/ServiceQuality.Samples.WebApi/README.md#";

    /// <summary>400: a field is missing or out of its range.</summary>
    public const string InvalidInput = Base + "invalid-input";

    /// <summary>404: no complaint with this id.</summary>
    public const string ComplaintNotFound = Base + "complaint-not-found";

    /// <summary>409: a business rule refused the command; says why and which commands are allowed now.</summary>
    public const string CommandRefused = Base + "command-refused";

    /// <summary>409: another request changed the complaint first; reload and retry.</summary>
    public const string ConcurrencyConflict = Base + "concurrency-conflict";

    /// <summary>409: a complaint with this id already exists.</summary>
    public const string DuplicateComplaint = Base + "duplicate-complaint";

    /// <summary>413: the request body is over 1 MB.</summary>
    public const string PayloadTooLarge = Base + "payload-too-large";

    /// <summary>403: the caller's key does not allow this (a client acting for another client).</summary>
    public const string Forbidden = Base + "forbidden";

    /// <summary>401: no API key, or one this app does not know.</summary>
    public const string Unauthorized = Base + "unauthorized";

    /// <summary>429: the caller made more requests than its rate limit allows.</summary>
    public const string TooManyRequests = Base + "too-many-requests";

    /// <summary>Explains the statuses answered without a handler's own problem (the status code pages' and Kestrel's).</summary>
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is { } type && type.StartsWith(Base, StringComparison.Ordinal))
        {
            return;
        }

        (problem.Type, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => (Unauthorized, $"Send a valid API key in the {Security.ApiKeyOptions.Header} header."),
            StatusCodes.Status403Forbidden => (Forbidden, "This API key's role does not allow this request: agents act on any complaint, a client reads its own."),
            StatusCodes.Status413PayloadTooLarge => (PayloadTooLarge, $"A request body may be at most {ApiLimits.MaxRequestBodyBytes} bytes (1 MB)."),
            StatusCodes.Status429TooManyRequests => (TooManyRequests, "This caller made more requests than RateLimiting allows; retry after the Retry-After header's seconds."),
            _ => (problem.Type, problem.Detail),
        };
    }

    public static ProblemHttpResult Forbid(string detail) => TypedResults.Problem(
        detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: Forbidden);

    public static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        detail: $"There is no complaint '{id}'.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Complaint not found",
        type: ComplaintNotFound);
}
