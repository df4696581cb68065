namespace Tailor.Topic;

/// <summary>Where this service keeps its data: its own event stream and document collections.</summary>
public static class TopicStore
{
    public const string Stream = "topic";
    public const string CatalogCollection = "topic.catalog";
    public const string ModelCollection = "topic.model";
    public const string UserTopicsCollection = "topic.user-topics";

    /// <summary>The id of the serving model's document in <see cref="ModelCollection"/>.</summary>
    public const string ServingModelId = "serving";
}
