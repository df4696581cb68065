using System.Numerics.Tensors;
using Tailor.Embedding.Vectors;

namespace Tailor.Embedding.Model;

/// <summary>Token vectors to one unit-length sentence vector per row, the way the model was trained to be read.</summary>
internal static class SentenceVectorPooling
{
    /// <param name="tokenVectors">The model output, row-major [rows, width, dimensions].</param>
    /// <param name="attentionMask">Row-major [rows, width]; 1 for a real token, 0 for padding.</param>
    public static float[][] Pool(
        SentencePooling pooling, ReadOnlySpan<float> tokenVectors, ReadOnlySpan<long> attentionMask, int rows, int width, int dimensions)
    {
        var sentences = new float[rows][];
        for (var row = 0; row < rows; row++)
        {
            var sentence = new float[dimensions];
            if (pooling is SentencePooling.ClassToken)
            {
                tokenVectors.Slice(row * width * dimensions, dimensions).CopyTo(sentence);
            }
            else
            {
                for (var token = 0; token < width; token++)
                {
                    var position = (row * width) + token;
                    if (attentionMask[position] != 0)
                    {
                        TensorPrimitives.Add(sentence, tokenVectors.Slice(position * dimensions, dimensions), sentence);
                    }
                }
            }

            // For the mean, dividing by the token count would not change the direction, and the vector is scaled to unit
            // length anyway.
            VectorMath.Normalize(sentence);
            sentences[row] = sentence;
        }

        return sentences;
    }
}
