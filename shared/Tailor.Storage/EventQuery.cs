namespace Tailor.Storage;

/// <summary>Which events of one stream to read; results come ordered by <c>OccurredAt</c>, then <c>EventId</c>.</summary>
public sealed record EventQuery(string Stream)
{
    public string? UserId { get; init; }
    public string? Type { get; init; }
    public DateTimeOffset? Since { get; init; }
    public int? Limit { get; init; }
}
