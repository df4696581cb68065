using Tailor.Contracts;

namespace Tailor.Embedding.Interests;

/// <summary>What one activity says about a user's interests.</summary>
/// <param name="Evidence">Null when the activity says nothing about interests (another kind, a return, an unnamed item not embedded yet).</param>
/// <param name="Problem">Why the message cannot be used, when it cannot; then it is bad input.</param>
public sealed record ResolvedActivity(UserActivityTracked Message, InterestEvidence? Evidence, string? Problem);
