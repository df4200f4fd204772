using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

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
        (string Field, string Message)? invalid = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (FieldOf(json.Path), json.Message),
            BadHttpRequestException bad => ("request", bad.Message),
            ArgumentException argument => (FieldOf(argument.ParamName), argument.Message),
            _ => null,
        };
        if (invalid is not var (field, message))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = Problems.InvalidInput,
                Title = $"Invalid input: {field}",
                Detail = message,
            },
        });
    }

    /// <summary>The request field: a JSON path without its root (<c>$.options[0]</c> is <c>options[0]</c>), or a parameter name.</summary>
    private static string FieldOf(string? name) => name switch
    {
        null or "" or "$" => "body",
        "complaintId" => "id",
        _ when name.StartsWith("$.", StringComparison.Ordinal) => name[2..],
        _ => name,
    };
}
