using System.Runtime.InteropServices;

namespace Tailor.Embedding.Model;

/// <summary>
/// Whether an NVIDIA driver is installed. Asking ONNX Runtime for CUDA on a machine without one makes its native code
/// print an error to stderr before we can fall back, so <c>auto</c> only tries CUDA where a driver exists.
/// </summary>
internal static class CudaDriver
{
    public static bool IsPresent()
    {
        var library = OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
