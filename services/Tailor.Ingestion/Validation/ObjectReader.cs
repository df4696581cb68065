using System.Globalization;
using System.Text.Json;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Validation;

/// <summary>
/// Reads typed fields of one JSON object and records every field that is missing or of the wrong type or size,
/// so parsing goes on after the first problem. A JSON <c>null</c> counts as absent.
/// </summary>
internal sealed class ObjectReader
{
    private ObjectReader(JsonElement element, string path, ValidationErrors errors)
    {
        Element = element;
        Path = path;
        Errors = errors;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public ValidationErrors Errors { get; }

    /// <summary>A reader of <paramref name="element"/>, or null (and an error at <paramref name="path"/>) when it is not an object.</summary>
    public static ObjectReader? Of(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new ObjectReader(element, path, errors);
        }

        errors.Add(path, "Must be a JSON object.");
        return null;
    }

    public string PathOf(string name) => JsonPaths.Property(Path, name);

    /// <summary>A reader of the same object that records its problems in <paramref name="errors"/> instead.</summary>
    public ObjectReader ReportingTo(ValidationErrors errors) => new(Element, Path, errors);

    /// <summary>The field's value when it is present and not null.</summary>
    public JsonElement? Value(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(string name, int maxLength, bool required = false)
    {
        if (Present(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Invalid<string>(name, "Must be a string.");
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            return Invalid<string>(name, "Must not be empty.");
        }

        return FieldLengths.Problem(text, maxLength) is { } problem ? Invalid<string>(name, problem) : text;
    }

    /// <summary>An identifier, held to <see cref="Identifiers.Problem"/>.</summary>
    public string? Id(string name, bool required = false)
    {
        if (String(name, FieldLimits.Id, required) is not { } id)
        {
            return null;
        }

        return Identifiers.Problem(id) is { } problem ? Invalid<string>(name, problem) : id;
    }

    /// <summary>
    /// Text that ends up in an email as written (a first name, a country): at most <paramref name="maxLength"/>
    /// characters, no markup and no control characters. Emails escape it anyway; refusing it here keeps bad data out
    /// of every other consumer too.
    /// </summary>
    public string? PlainText(string name, int maxLength, bool required = false)
    {
        if (String(name, maxLength, required) is not { } text)
        {
            return null;
        }

        return PlainTextRule.Allows(text) ? text : Invalid<string>(name, PlainTextRule.Problem);
    }

    /// <summary>A web page's address (<see cref="WebAddresses"/>) of at most <see cref="FieldLimits.Url"/> characters.</summary>
    public string? WebUrl(string name)
    {
        if (String(name, FieldLimits.Url) is not { } text)
        {
            return null;
        }

        return WebAddresses.IsWebAddress(text) ? text : Invalid<string>(name, WebAddresses.Problem);
    }

    /// <summary>An ISO 8601 timestamp; one without an offset is taken as UTC. Old timestamps are welcome (replays).</summary>
    public DateTimeOffset? Timestamp(string name, bool required = false)
    {
        if (Present(name, required) is not { } value)
        {
            return null;
        }

        return ParseTimestamp(value) ?? Invalid<DateTimeOffset?>(name, "Must be an ISO 8601 timestamp such as 2011-01-31T09:30:00Z.");
    }

    /// <summary>The timestamp <see cref="Timestamp"/> would read, or null when it is missing or unreadable, recording no error.</summary>
    public DateTimeOffset? ReadableTimestamp(string name) => Value(name) is { } value ? ParseTimestamp(value) : null;

    private static DateTimeOffset? ParseTimestamp(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var timestamp))
        {
            return null;
        }

        // Without an offset the reader would apply this machine's zone; the same request must mean the same instant anywhere.
        return value.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc))
            : timestamp;
    }

    public decimal? Decimal(string name, decimal minimum, bool required = false)
    {
        if (Present(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return Invalid<decimal?>(name, "Must be a number.");
        }

        return number < minimum
            ? Invalid<decimal?>(name, string.Create(CultureInfo.InvariantCulture, $"Must be at least {minimum}."))
            : number;
    }

    public double? PositiveNumber(string name)
    {
        if (Present(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return Invalid<double?>(name, "Must be a number.");
        }

        return number > 0 ? number : Invalid<double?>(name, "Must be greater than 0.");
    }

    public bool? Boolean(string name)
    {
        if (Present(name, required: false) is not { } value)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : Invalid<bool?>(name, "Must be true or false.");
    }

    public ObjectReader? Object(string name, bool required = false) =>
        Present(name, required) is { } value ? Of(value, PathOf(name), Errors) : null;

    public JsonElement? Array(string name, bool required = false)
    {
        if (Present(name, required) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array ? value : Invalid<JsonElement?>(name, "Must be an array.");
    }

    public void Error(string name, string message) => Errors.Add(PathOf(name), message);

    private JsonElement? Present(string name, bool required)
    {
        var value = Value(name);
        if (value is null && required)
        {
            Error(name, "Is required.");
        }

        return value;
    }

    private T? Invalid<T>(string name, string message)
    {
        Error(name, message);
        return default;
    }
}
