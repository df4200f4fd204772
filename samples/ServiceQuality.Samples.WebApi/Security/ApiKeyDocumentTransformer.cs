using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ServiceQuality.Samples.WebApi.Security;

/// <summary>Declares the API-key scheme (header <c>X-Api-Key</c>) in the OpenAPI document and requires it globally.</summary>
internal sealed class ApiKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyOptions.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyOptions.Header,
            Description = "An agent's key acts on any complaint; a client's key reads only the client's own complaints.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyOptions.Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
