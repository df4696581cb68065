using System.Numerics.Tensors;

namespace Tailor.Recommendation.Als;

/// <summary>A fitted ALS model: k latent factors per user row and per item column, row-major.</summary>
public sealed class AlsFactors(int factors, float[] userFactors, float[] itemFactors)
{
    public int Factors { get; } = factors;
    public int UserCount => UserFactors.Length / Factors;
    public int ItemCount => ItemFactors.Length / Factors;
    internal float[] UserFactors { get; } = userFactors;
    internal float[] ItemFactors { get; } = itemFactors;

    public ReadOnlySpan<float> User(int user) => UserFactors.AsSpan(user * Factors, Factors);

    public ReadOnlySpan<float> Item(int item) => ItemFactors.AsSpan(item * Factors, Factors);

    /// <summary>The predicted preference of a user for an item.</summary>
    public float Score(int user, int item) => TensorPrimitives.Dot(User(user), Item(item));

    /// <summary>How alike two items are in taste space, used to explain a recommendation by something the user bought.</summary>
    public float ItemSimilarity(int first, int second) => TensorPrimitives.CosineSimilarity(Item(first), Item(second));
}
