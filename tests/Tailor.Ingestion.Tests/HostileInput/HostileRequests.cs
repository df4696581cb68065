using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tailor.Ingestion.Tests.HostileInput;

/// <summary>One request of the fixed hostile set: the operation's sample with one thing broken.</summary>
/// <param name="Authenticated">Whether the sample's credentials go with it.</param>
/// <param name="Authorization">An <c>Authorization</c> header sent instead of the sample's credentials.</param>
internal sealed record HostileRequest(string Name, string Path, byte[]? Body, string? ContentType, bool Authenticated = true, string? Authorization = null)
{
    public string BodyExcerpt => Body is null ? "(no body)" : Excerpt(Encoding.UTF8.GetString(Body));

    public static string Excerpt(string text) => text.Length <= 300 ? text : $"{text[..300]}… ({text.Length} characters)";
}

/// <summary>
/// Makes the fixed hostile set for one operation: whole bodies that are not what it reads, the sample body with each
/// field given a value of every other JSON type and the edge values that break parsers, broken path parameters and
/// signatures, wrong content types, missing and wrong credentials. Deterministic: no randomness, same set every run.
/// </summary>
internal static class HostileRequests
{
    /// <summary>Past every body limit Ingestion has (MaxBatchBytes, 500 KB, is the largest).</summary>
    private const int OverEveryLimit = 600 * 1024;

    private const string Placeholder = "hostile-value-placeholder";

    private static readonly string[] WrongTypes = ["null", "true", "123", "\"text\"", "[]", "{}"];

    private static readonly (string Name, string Json)[] EdgeValues =
    [
        ("1e400", "1e400"), ("-0", "-0"), ("1e-400", "1e-400"), ("9999999999999999999999", "9999999999999999999999"),
        ("a NUL", "\"a\\u0000b\""), ("control characters", "\"\\u0001\\u0007\\u001b[31m\\u007f\""), ("a lone surrogate", "\"\\ud800\""),
        ("arrays nested 100 deep", new string('[', 100) + new string(']', 100)),
        ("10,001 characters", $"\"{new string('x', 10_001)}\""), ("40,000 characters", $"\"{new string('x', 40_000)}\""),
        ("\"9999-99-99\"", "\"9999-99-99\""), ("\"0000-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\""), ("\"2011-13-45\"", "\"2011-13-45\""),
    ];

    // No %00: a server refuses a path holding NUL before any application sees it (Kestrel with its own 400, the test
    // server by throwing in the client).
    private static readonly (string Name, string Raw)[] PathValues =
    [
        ("10,000 characters", new string('x', 10_000)), ("empty", ""), ("a space", "%20"), ("a tab", "%09"), ("'null'", "null"),
        ("encoded ..", "%2E%2E"), ("encoded ../..", "..%2F..%2Fadmin"), ("a control character", "%01"), ("byte %FF", "%FF"), ("a stray %", "100%"),
        ("overlong dot", "%C0%AE%C0%AE"), ("a lone surrogate", "%ED%A0%80"),
    ];

    private static readonly (string Name, string Query)[] Signatures =
    [
        ("no signature", ""), ("an empty signature", "?s="), ("signature %00", "?s=%00"), ("signature twice", "?s=a&s=b"),
        ("a 10,000-character signature", $"?s={new string('A', 10_000)}"),
    ];

    public static IEnumerable<HostileRequest> For(OperationSample sample, IReadOnlyList<string> documentedFields)
    {
        var path = sample.SamplePath;
        var sequence = 0;
        var signedBody = sample.Body is { } body && Parse(body) is { } node && sample.Sign is { } sign ? sign(node, sequence++).ToJsonString() : sample.Body;

        foreach (var request in Credentials(sample, path, signedBody))
        {
            yield return request;
        }

        foreach (var (name, raw) in PathValues)
        {
            foreach (var parameter in sample.PathValues.Keys)
            {
                var values = sample.PathValues.ToDictionary(value => value.Key, value => value.Key == parameter ? raw : Uri.EscapeDataString(value.Value));
                yield return new($"path {{{parameter}}} {name}", sample.PathWith(values), Utf8(signedBody), sample.ContentType);
            }
        }

        if (sample.Query.Length > 0)
        {
            foreach (var (name, query) in Signatures)
            {
                yield return new(name, path[..path.IndexOf('?', StringComparison.Ordinal)] + query, Utf8(signedBody), sample.ContentType);
            }
        }

        if (sample.Method is "GET" or "HEAD" or "DELETE")
        {
            yield break;
        }

        foreach (var request in WholeBodies(path, sample.Body ?? "{}", sample.ContentType))
        {
            yield return request;
        }

        if (sample.Body is not null && sample.ContentType != "application/x-www-form-urlencoded")
        {
            foreach (var request in FieldMutations(sample, path, documentedFields, () => sequence++))
            {
                yield return request;
            }
        }
    }

    private static IEnumerable<HostileRequest> Credentials(OperationSample sample, string path, string? body)
    {
        yield return new("no credentials", path, Utf8(body), sample.ContentType, Authenticated: false);
        yield return new("a wrong API key", path, Utf8(body), sample.ContentType, Authenticated: false, Authorization: "Bearer tlr_not-a-key");
        yield return new("a mangled Basic header", path, Utf8(body), sample.ContentType, Authenticated: false, Authorization: "Basic !!!");
    }

    private static IEnumerable<HostileRequest> WholeBodies(string path, string sample, string contentType)
    {
        var insideFirstString = sample.IndexOf("\":\"", StringComparison.Ordinal) is var at and >= 0 ? at + 3 : -1;
        (string Name, byte[] Body)[] bodies =
        [
            ("an empty body", []), ("null", Bytes("null")), ("[]", Bytes("[]")), ("\"text\"", Bytes("\"text\"")), ("123", Bytes("123")), ("{}", Bytes("{}")),
            ("arrays nested 1,000 deep", Bytes(new string('[', 1_000) + new string(']', 1_000))),
            ("objects nested 1,000 deep", Bytes(string.Concat(Enumerable.Repeat("{\"a\":", 1_000)) + "1" + new string('}', 1_000))),
            ("a body over the size limit", Bytes($$"""{"pad":"{{new string('x', OverEveryLimit)}}"}""")),
            ("truncated JSON", Bytes(sample[..(sample.Length * 2 / 3)])),
            ("a trailing comma", Bytes(sample[..^1] + "," + sample[^1])),
            ("invalid UTF-8", insideFirstString < 0 ? [0x22, 0xC3, 0x28, 0x22] : [.. Bytes(sample[..insideFirstString]), 0xC3, 0x28, .. Bytes(sample[insideFirstString..])]),
            ("a lone surrogate escape", Bytes(insideFirstString < 0 ? "\"\\ud800\"" : sample.Insert(insideFirstString, "\\ud800"))),
            ("a raw NUL byte", Bytes(insideFirstString < 0 ? "\"\0\"" : sample.Insert(insideFirstString, "\0"))),
        ];
        foreach (var (name, body) in bodies)
        {
            yield return new(name, path, body, contentType);
        }

        foreach (var other in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=utf-16", null })
        {
            if (other != contentType)
            {
                yield return new($"Content-Type {other ?? "missing"}", path, Bytes(sample), other);
            }
        }
    }

    private static IEnumerable<HostileRequest> FieldMutations(OperationSample sample, string path, IReadOnlyList<string> documentedFields, Func<int> next)
    {
        if (Parse(sample.Body!) is not { } root)
        {
            yield break;
        }

        var fields = Fields(root, "$").ToList();
        if (root is JsonObject top)
        {
            fields.AddRange(documentedFields.Where(field => !top.ContainsKey(field)).Select(field => ($"$.{field}", (JsonValueKind?)null)));
        }

        foreach (var (field, kind) in fields)
        {
            var values = WrongTypes.Where(json => kind is null || JsonDocument.Parse(json).RootElement.ValueKind != kind).Select(json => (Name: json, Json: json)).Concat(EdgeValues);
            foreach (var (name, json) in values)
            {
                var body = Parse(sample.Body!)!;
                if (sample.Sign is { } sign)
                {
                    body = sign(body, next());
                }

                // Spliced in as text: a JsonNode cannot write some of these (a lone surrogate).
                Replace(body, field, JsonValue.Create(Placeholder));
                var text = body.ToJsonString().Replace($"\"{Placeholder}\"", json, StringComparison.Ordinal);
                yield return new($"field {field} = {HostileRequest.Excerpt(name)}", path, Bytes(text), sample.ContentType);
            }
        }
    }

    /// <summary>Every member of every object, at any depth, and the first item of every array, by path.</summary>
    private static IEnumerable<(string Path, JsonValueKind? Kind)> Fields(JsonNode node, string path)
    {
        IEnumerable<(string, JsonNode?)> children = node switch
        {
            JsonObject members => members.Select(member => ($"{path}.{member.Key}", member.Value)),
            JsonArray { Count: > 0 } items => [($"{path}[0]", items[0])],
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            yield return (childPath, child?.GetValueKind());
            if (child is not null)
            {
                foreach (var nested in Fields(child, childPath))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var steps = path[1..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent[0]! : parent[step]!;
        }

        if (steps[^1].StartsWith('['))
        {
            parent.AsArray()[0] = value;
        }
        else
        {
            parent[steps[^1]] = value;
        }
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Utf8(string? text) => text is null ? null : Bytes(text);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
