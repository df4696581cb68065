using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Tailor.Host.Tests.Deployment;

/// <summary>Reads the repository's deployment files as plain trees of dictionaries, lists and strings.</summary>
internal static class DeployFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every document of a YAML file; merge keys (<c>&lt;&lt;: *anchor</c>) are applied as compose applies them.</summary>
    public static IReadOnlyList<Dictionary<object, object?>> YamlDocuments(string relative)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(Text(relative));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            if (deserializer.Deserialize<Dictionary<object, object?>?>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object?> Yaml(string relative) => YamlDocuments(relative).Single();

    public static JsonDocument Json(string relative) => JsonDocument.Parse(Text(relative));

    public static Dictionary<object, object?> Map(this Dictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is Dictionary<object, object?> map
            ? map
            : throw new KeyNotFoundException($"'{key}' is not a mapping");

    public static List<object?> List(this Dictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is List<object?> list
            ? list
            : throw new KeyNotFoundException($"'{key}' is not a list");

    public static string? Scalar(this Dictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value as string : null;

    public static Dictionary<object, object?>? At(this Dictionary<object, object?> node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            if (!current.TryGetValue(key, out var next) || next is not Dictionary<object, object?> map)
            {
                return null;
            }

            current = map;
        }

        return current;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Microservices.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Microservices.sln) is not above the test's folder.");
    }
}
