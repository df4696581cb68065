namespace Tailor.Topic.Modeling;

/// <summary>One user's text for LDA: the names of what they bought and viewed, and what they wrote.</summary>
public sealed record UserDocument(string UserId, string Text);
