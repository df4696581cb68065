using System.Text.Json;

namespace Tailor.Ingestion.Tests.HostileInput;

/// <summary>One operation of Ingestion's OpenAPI document: what the hostile requests are made from.</summary>
/// <param name="Key">Method and path template as the document spells them (<c>POST /v1/track</c>).</param>
/// <param name="PathParameters">The template's <c>{name}</c> parameters.</param>
/// <param name="BodyFields">The top-level properties of the request body's schema (none without a JSON body).</param>
/// <param name="Answers">The content types the document promises for each status (<c>404</c> → <c>text/html</c>).</param>
internal sealed record DocumentedOperation(
    string Key, IReadOnlyList<string> PathParameters, IReadOnlyList<string> BodyFields, IReadOnlyDictionary<string, string[]> Answers)
{
    /// <summary>Whether the document promises this status with this media type (a page where others get problem details).</summary>
    public bool Promises(int status, string? mediaType) =>
        Answers.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var types) && types.Contains(mediaType);

    public static async Task<IReadOnlyList<DocumentedOperation>> ReadAsync(IngestionApp app)
    {
        using var client = app.AnonymousClient();
        var text = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = JsonDocument.Parse(text).RootElement;
        return
        [
            .. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation =>
                new DocumentedOperation(
                    $"{operation.Name.ToUpperInvariant()} {path.Name}",
                    ParametersIn(operation.Value, "path"),
                    BodyFieldsOf(document, operation.Value),
                    AnswersOf(operation.Value)))),
        ];
    }

    private static string[] ParametersIn(JsonElement operation, string location) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Where(parameter => parameter.GetProperty("in").GetString() == location).Select(parameter => parameter.GetProperty("name").GetString()!)]
            : [];

    private static Dictionary<string, string[]> AnswersOf(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().ToDictionary(
            response => response.Name,
            response => response.Value.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(type => type.Name).ToArray() : []);

    private static string[] BodyFieldsOf(JsonElement document, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return [];
        }

        var schema = json.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(property => property.Name)] : [];
    }
}
