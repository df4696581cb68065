using System.Globalization;

namespace Tailor.Messaging.Rules;

/// <summary>
/// The embedding vectors on the bus (an item's, a user's interests) are unit length, so that a dot product is a cosine
/// in [-1, 1]. One holding NaN or infinity scores NaN against everything, and one longer than 1 outscores every real
/// item in every user's search, so neither is taken. A zero vector (no evidence yet) is allowed.
/// </summary>
public static class UnitVectors
{
    // float32 sums of 384 squares round a unit vector's length to within about 1e-6; this leaves room for other sizes.
    private const double Tolerance = 1e-3;

    /// <returns>Null when <paramref name="vector"/> is a usable unit vector; otherwise why not.</returns>
    public static string? Problem(float[]? vector)
    {
        if (vector is not { Length: > 0 })
        {
            return "Must hold at least one value.";
        }

        var index = Array.FindIndex(vector, value => !float.IsFinite(value));
        if (index >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Holds {vector[index]} at [{index}]; every value must be a finite number.");
        }

        var length = Math.Sqrt(vector.Sum(value => (double)value * value));
        return length > 1 + Tolerance
            ? string.Create(CultureInfo.InvariantCulture, $"Has length {length:0.###}; must be a unit vector (length at most 1).")
            : null;
    }
}
