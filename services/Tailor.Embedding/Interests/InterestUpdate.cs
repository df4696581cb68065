namespace Tailor.Embedding.Interests;

/// <summary>One user's share of a batch: the evidence to fold into their interests, under the update's id.</summary>
public sealed record InterestUpdate(string UserId, Guid UpdateId, IReadOnlyCollection<InterestEvidence> Evidence);
