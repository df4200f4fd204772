using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceQuality.Samples.Tests;

/// <summary>One HTTP exchange: the status, the content type and the JSON body (undefined when there is none).</summary>
public sealed record HttpJsonResponse(HttpStatusCode Status, string? ContentType, Uri? Location, JsonElement Body)
{
    /// <summary>Gets the element at a dotted path (<c>sla.acknowledge.status</c>, <c>allowedCommands.0</c>).</summary>
    public JsonElement this[string path] => At(Body, path);

    public string? Text(string path) => this[path].GetString();

    public string[] Strings(string path) => [.. this[path].EnumerateArray().Select(e => e.GetString()!)];

    public DateTimeOffset Time(string path) => DateTimeOffset.Parse(Text(path)!, CultureInfo.InvariantCulture);

    public static JsonElement At(JsonElement element, string path)
    {
        foreach (string part in path.Split('.'))
        {
            element = element.ValueKind == JsonValueKind.Array
                ? element[int.Parse(part, CultureInfo.InvariantCulture)]
                : element.TryGetProperty(part, out var child) ? child : throw new KeyNotFoundException($"No '{part}' in {element}");
        }

        return element;
    }
}

/// <summary>Sends JSON and reads JSON, with no types shared with the sample: the tests see the wire format.</summary>
public static class HttpJson
{
    public static async Task<HttpJsonResponse> PostAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await ReadAsync(response);
    }

    public static async Task<HttpJsonResponse> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    private static async Task<HttpJsonResponse> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return new HttpJsonResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, default);
        }

        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        return new HttpJsonResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, body);
    }
}
