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

    public static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        detail: $"There is no complaint '{id}'.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Complaint not found",
        type: ComplaintNotFound);
}
