using Tailor.ContentGeneration.Control;
using Tailor.ContentGeneration.Subjects;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>
/// The documents every email of a batch reads alike, read once for the batch: the bestseller list the control group
/// is shown and the subject tests the emails choose from (<see cref="SubjectTestReads"/>).
/// </summary>
public sealed class PersonalizationReads(Bestsellers bestsellers)
{
    private readonly Lazy<Task<BestsellerList?>> _bestsellers = new(() => bestsellers.ReadAsync(CancellationToken.None));

    public SubjectTestReads Subjects { get; } = new();

    /// <remarks>Read without the first caller's token: the read is shared, and a batch that is cancelled fails as a whole.</remarks>
    public Task<BestsellerList?> BestsellersAsync() => _bestsellers.Value;
}
