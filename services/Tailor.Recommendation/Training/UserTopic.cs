namespace Tailor.Recommendation.Training;

/// <summary>A user's dominant topic as Topic last said it (<c>recommendation.user-topics</c>), for reasons such as "popular in your topic".</summary>
public sealed record UserTopic(string Label, string ModelVersion, DateTimeOffset OccurredAt);
