using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ServiceQuality.Samples.WebApi.Security;

/// <summary>Who an API key belongs to (section <c>Authentication:ApiKeys:{key}</c>).</summary>
public sealed class ApiKeyHolder
{
    /// <summary>Gets or sets the holder's role: <c>Agent</c> (acts on any complaint) or <c>Client</c> (reads its own).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Gets or sets the agent's name or the client's id (the complaints' <c>clientId</c>).</summary>
    public string Name { get; set; } = string.Empty;
}

/// <summary>The API-key authentication scheme: its name and header.</summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "ApiKey";

    public const string Header = "X-Api-Key";
}

/// <summary>The API keys the app accepts (section <c>Authentication</c>).</summary>
public sealed class ApiKeySettings
{
    public const string SectionName = "Authentication";

    /// <summary>Gets the holders by key. Keys are secrets: keep them out of appsettings.json in production (user secrets, environment, a vault).</summary>
    public Dictionary<string, ApiKeyHolder> ApiKeys { get; } = new(StringComparer.Ordinal);
}

/// <summary>Roles and claims of the API.</summary>
public static class ApiRoles
{
    public const string Agent = "Agent";

    public const string Client = "Client";

    /// <summary>The claim holding a client's id.</summary>
    public const string ClientIdClaim = "client_id";

    /// <summary>Tells whether <paramref name="user"/> may see the complaints of <paramref name="clientId"/>: an agent any, a client its own.</summary>
    public static bool MayRead(ClaimsPrincipal user, string clientId) =>
        user.IsInRole(Agent) || (user.IsInRole(Client) && string.Equals(user.FindFirstValue(ClientIdClaim), clientId, StringComparison.Ordinal));
}

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header: a known key signs in its holder with a role (and a client's
/// id); a missing key leaves the request anonymous (then refused by authorization: 401); an unknown key fails (401).
/// Keys are compared in constant time. Works offline and in tests, with no token service.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyOptions> options, IOptions<ApiKeySettings> keys, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyOptions.Header, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(values[0]!);
        foreach (var (key, holder) in keys.Value.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key)))
            {
                var claims = new List<Claim> { new(ClaimTypes.Name, holder.Name), new(ClaimTypes.Role, holder.Role) };
                if (holder.Role == ApiRoles.Client)
                {
                    claims.Add(new Claim(ApiRoles.ClientIdClaim, holder.Name));
                }

                var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }
}

/// <summary>Validates the configured keys at start: each holder has a known role and a name.</summary>
internal sealed class ApiKeySettingsValidator : IValidateOptions<ApiKeySettings>
{
    public ValidateOptionsResult Validate(string? name, ApiKeySettings options)
    {
        var problems = new List<string>();
        foreach (var (key, holder) in options.ApiKeys)
        {
            if (key.Length < 16)
            {
                problems.Add($"Authentication:ApiKeys: a key of {key.Length} characters; valid: at least 16.");
            }

            if (holder.Role is not (ApiRoles.Agent or ApiRoles.Client))
            {
                problems.Add($"Authentication:ApiKeys:…:Role is '{holder.Role}'; valid: Agent or Client.");
            }

            if (string.IsNullOrWhiteSpace(holder.Name))
            {
                problems.Add("Authentication:ApiKeys:…:Name is blank; valid: the agent's name or the client's id.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
