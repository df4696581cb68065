namespace Tailor.Embedding;

/// <summary>The names this service owns in the shared stores.</summary>
public static class EmbeddingNames
{
    /// <summary>This service's own event stream: every message it consumed, once.</summary>
    public const string Stream = "embedding";

    /// <summary>Item vectors by item id.</summary>
    public const string ItemsCollection = "embedding.items";

    /// <summary>User interest state by user id.</summary>
    public const string UsersCollection = "embedding.users";
}
