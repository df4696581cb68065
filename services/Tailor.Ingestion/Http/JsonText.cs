using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Checks, in one walk of a parsed body, what the parser lets through but Tailor refuses:
/// <list type="bullet">
/// <item>text that is not text: invalid UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) surfaces only when a value is
/// read, deep inside validation, as a 500;</item>
/// <item>a key twice in one object (<c>{"userId":"a","userId":"b"}</c>): readers disagree on which one counts (Tailor's
/// parser takes the last, many proxies and loggers the first), so one request could be two different calls. Keys are
/// compared after unescaping, so <c>"userId"</c> and <c>"\u0075serId"</c> are the same key.</item>
/// </list>
/// The parser's own <see cref="JsonDocumentOptions.AllowDuplicateProperties"/> check names the key but not where it is;
/// this walk visits every name anyway, so it finds both faults and says where.
/// </summary>
internal static class JsonText
{
    /// <returns>Null when the body is unambiguous text, else the first fault and the JSON path it is at (<c>batch[1].type</c>).</returns>
    public static JsonTextFault? FindFault(JsonElement root)
    {
        var walk = new Walk();
        return walk.Check(root) is { } kind ? new JsonTextFault(walk.FaultPath(), kind) : null;
    }

    // One per check: the sets of names seen, one per nesting level and reused by every object at that level, so a
    // batch of a thousand calls allocates a handful of sets, not thousands. The path is built only on the way back
    // from a fault: valid bodies, nearly all of them, allocate nothing for it.
    private sealed class Walk
    {
        private readonly List<HashSet<string>> _namesByDepth = [];
        private readonly Stack<object> _faultPath = new();
        private int _depth;

        public string FaultPath()
        {
            var path = JsonPaths.Root;
            foreach (var step in _faultPath)
            {
                path = step is int index ? JsonPaths.Item(path, index) : JsonPaths.Property(path, (string)step);
            }

            return path;
        }

        public JsonTextFaultKind? Check(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return IsText(element) ? null : JsonTextFaultKind.InvalidText;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Check(item) is { } fault)
                        {
                            _faultPath.Push(index);
                            return fault;
                        }

                        index++;
                    }

                    return null;
                case JsonValueKind.Object:
                    return CheckObject(element);
                default:
                    return null;
            }
        }

        private JsonTextFaultKind? CheckObject(JsonElement element)
        {
            var names = NamesAtCurrentDepth();
            _depth++;
            try
            {
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return JsonTextFaultKind.InvalidText;
                    }

                    if (!names.Add(name))
                    {
                        _faultPath.Push(name);
                        return JsonTextFaultKind.DuplicateKey;
                    }

                    if (Check(property.Value) is { } fault)
                    {
                        _faultPath.Push(name);
                        return fault;
                    }
                }

                return null;
            }
            finally
            {
                _depth--;
            }
        }

        private HashSet<string> NamesAtCurrentDepth()
        {
            if (_depth == _namesByDepth.Count)
            {
                _namesByDepth.Add(new HashSet<string>(StringComparer.Ordinal));
            }

            var names = _namesByDepth[_depth];
            names.Clear();
            return names;
        }

        private static bool IsText(JsonElement element)
        {
            try
            {
                _ = element.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}

/// <summary>What <see cref="JsonText"/> found wrong, and where.</summary>
internal sealed record JsonTextFault(string Path, JsonTextFaultKind Kind);

internal enum JsonTextFaultKind
{
    /// <summary>A string or key that is not valid Unicode.</summary>
    InvalidText,

    /// <summary>A key that appears twice in one object; the path names the second.</summary>
    DuplicateKey,
}
