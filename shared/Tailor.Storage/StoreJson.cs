using System.Text.Json;

namespace Tailor.Storage;

/// <summary>The one JSON shape every store adapter writes, so SQLite and MongoDB hold the same documents.</summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
