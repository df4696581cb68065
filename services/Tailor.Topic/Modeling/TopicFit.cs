using Tailor.Contracts;

namespace Tailor.Topic.Modeling;

/// <summary>A trained topic model's output: each topic's words and label, and each user's mixture over the topics.</summary>
public sealed record TopicFit(IReadOnlyList<TopicSummary> Topics, IReadOnlyList<UserMixture> Users);

/// <summary>A user's topic mixture (sums to 1) and the topic with the largest share.</summary>
public sealed record UserMixture(string UserId, IReadOnlyList<double> Mixture, int DominantTopic);
