namespace Tailor.Embedding;

/// <summary>Which ONNX Runtime execution provider to ask for.</summary>
public enum EmbeddingDevice
{
    /// <summary>CUDA when a usable GPU is there, otherwise the CPU.</summary>
    Auto,

    /// <summary>CUDA; still falls back to the CPU (with a warning) so a node without a GPU keeps serving.</summary>
    Cuda,

    Cpu,
}
