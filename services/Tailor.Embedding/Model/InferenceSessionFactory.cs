using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Tailor.Embedding.Model;

/// <summary>Creates the ONNX Runtime session on the best execution provider this machine has.</summary>
internal static class InferenceSessionFactory
{
    public const string CudaProvider = "cuda";
    public const string CpuProvider = "cpu";

    public static (InferenceSession Session, string ExecutionProvider) Create(byte[] model, EmbeddingOptions options, ILogger logger)
    {
        if (options.Device is EmbeddingDevice.Cuda || (options.Device is EmbeddingDevice.Auto && CudaDriver.IsPresent()))
        {
            try
            {
                using var cudaOptions = CreateOptions(options);
                cudaOptions.AppendExecutionProvider_CUDA(deviceId: 0);
                return (new InferenceSession(model, cudaOptions), CudaProvider);
            }
            catch (OnnxRuntimeException exception)
            {
                // No GPU, driver, CUDA or cuDNN: serving on the CPU beats not serving, even when CUDA was asked for.
                if (options.Device is EmbeddingDevice.Cuda)
                {
                    Log.CudaRequestedButUnavailable(logger, exception.Message);
                }
                else
                {
                    Log.CudaUnavailable(logger, exception.Message);
                }
            }
        }

        using var cpuOptions = CreateOptions(options);
        return (new InferenceSession(model, cpuOptions), CpuProvider);
    }

    private static SessionOptions CreateOptions(EmbeddingOptions options) => new()
    {
        // Constant folding, fused attention and layer-norm kernels: the same weights, fewer and faster operators.
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        // Each run uses every core inside its operators; one run at a time (the batcher's), so no inter-op threads.
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = options.IntraOpThreads,
        InterOpNumThreads = 1,
        EnableCpuMemArena = options.MemoryArena,
        // A memory pattern is planned per input shape, and with dynamic batching nearly every run has a new shape
        // (rows x longest text): the plans would only pile up. The arena already reuses the buffers.
        EnableMemoryPattern = false,
    };
}
