using System.Globalization;
using System.Text.Json;

namespace Tailor.Ingestion.Http;

/// <summary>
/// What a caller is told of JSON that does not parse: the reader's account of what is wrong and where, without what
/// it says to the program that reads (to change its reader options, that a block was final), which the caller can do
/// nothing about. Positions count from 1, as editors do; the reader's count from 0.
/// </summary>
internal static class MalformedJsonDetail
{
    private const string PositionMarker = " LineNumber:";

    private static readonly (string Said, string Meant)[] ReaderAdvice =
    [
        (" which is not supported in this mode. Change the reader options.", ", which JSON does not allow."),
        (", when isFinalBlock is true.", "."),
    ];

    public static string Of(JsonException malformed)
    {
        var gist = malformed.Message;
        var position = gist.IndexOf(PositionMarker, StringComparison.Ordinal);
        if (position >= 0)
        {
            gist = gist[..position];
        }

        foreach (var (said, meant) in ReaderAdvice)
        {
            gist = gist.Replace(said, meant, StringComparison.Ordinal);
        }

        gist = gist.TrimEnd();
        if (malformed is not { LineNumber: { } line, BytePositionInLine: { } bytes })
        {
            return gist;
        }

        var sentence = gist.EndsWith('.') ? gist[..^1] : gist;
        return string.Create(CultureInfo.InvariantCulture, $"{sentence} (line {line + 1}, byte {bytes + 1}).");
    }
}
