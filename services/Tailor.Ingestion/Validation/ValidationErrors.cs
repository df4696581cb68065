namespace Tailor.Ingestion.Validation;

/// <summary>
/// Every problem found in one request, keyed by JSON path (<c>batch[3].userId</c>), so a client can fix all of them
/// after one round trip instead of one per attempt.
/// </summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }

        messages.Add(message);
    }

    public void AddAll(ValidationErrors other)
    {
        foreach (var (path, messages) in other._errors)
        {
            messages.ForEach(message => Add(path, message));
        }
    }

    /// <summary>Each problem as <c>path: message</c>, in the order the paths were first found.</summary>
    public IReadOnlyList<string> Lines() => [.. _errors.SelectMany(error => error.Value.Select(message => $"{error.Key}: {message}"))];

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(error => error.Key, error => error.Value.ToArray(), StringComparer.Ordinal);
}
