using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tailor.ContentGeneration.Generation;

internal static class GenerationJson
{
    /// <summary>camelCase like the schema the model is given; unescaped so names such as "£" and accents read plainly in the prompt.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
