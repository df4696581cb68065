using System.Collections.Concurrent;

namespace Tailor.ContentGeneration.Subjects;

/// <summary>
/// The subject tests one batch of emails chooses from, each read from the store once for the batch instead of once
/// per email. A campaign's angle test is one document every email of the campaign reads, so a batch of a hundred
/// emails of one campaign reads it once. Choosing from a copy read a moment earlier changes nothing that matters:
/// the posteriors move with opens and clicks, which come hours later, and an email chosen just before a winner is
/// declared explores once more, as it would have a moment earlier.
/// </summary>
public sealed class SubjectTestReads
{
    private readonly ConcurrentDictionary<string, Task<SubjectTest?>> _tests = new(StringComparer.Ordinal);

    internal Task<SubjectTest?> GetOrReadAsync(string key, Func<string, Task<SubjectTest?>> read) => _tests.GetOrAdd(key, read);
}
