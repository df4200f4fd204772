using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using ServiceQuality.Complaints;

namespace ServiceQuality.Samples.WebApi;

/// <summary>
/// Turns bad input into 400 problem details that name the field: the library's <see cref="ArgumentException"/> family
/// (its parameter names are the JSON field names) and request binding failures (malformed JSON, an unknown enum name
/// or property). Anything else is left to the default 500 handling.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Type = Problems.PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"A request body may be at most {ApiLimits.MaxRequestBodyBytes} bytes (1 MB).",
                },
            });
        }

        (int Status, string Field, string Message)? invalid = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, FieldOf(json.Path), Explain(FieldOf(json.Path), json)),
            BadHttpRequestException bad => (bad.StatusCode, "request", bad.Message),
            ArgumentException argument => (StatusCodes.Status400BadRequest, FieldOf(argument.ParamName), argument.Message),
            _ => null,
        };
        if (invalid is not var (status, field, message))
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = status,
                Type = Problems.InvalidInput,
                Title = $"Invalid input: {field}",
                Detail = message,
            },
        });
    }

    /// <summary>The serializer's message, or the valid values of an enum field (its message names the body's type, not the field's).</summary>
    private static string Explain(string field, JsonException json) => field switch
    {
        "channel" => $"'channel' must be one of: {string.Join(", ", Enum.GetNames<ContactChannel>())}.",
        "segment" => $"'segment' must be one of: {string.Join(", ", Enum.GetNames<ClientSegment>())}.",
        "priority" => $"'priority' must be one of: {string.Join(", ", Enum.GetNames<Priority>())}.",
        _ => json.Message,
    };

    /// <summary>The request field: a JSON path without its root (<c>$.options[0]</c> is <c>options[0]</c>), or a parameter name.</summary>
    private static string FieldOf(string? name) => name switch
    {
        null or "" or "$" => "body",
        "complaintId" => "id",
        _ when name.StartsWith("$.", StringComparison.Ordinal) => name[2..],
        _ => name,
    };
}
