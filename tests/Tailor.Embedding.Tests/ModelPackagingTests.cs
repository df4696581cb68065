using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Tailor.Embedding.Model;

namespace Tailor.Embedding.Tests;

public sealed class ModelPackagingTests
{
    public static TheoryData<string> ModelNames => [.. EmbeddingModels.All.Select(model => model.Name)];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Build_copies_the_model_container_to_referencing_projects(string modelName)
    {
        var model = EmbeddingModels.Named(modelName);
        var path = Path.Combine(AppContext.BaseDirectory, model.DefaultContainerPath);

        Assert.True(File.Exists(path), $"{path} is missing");
    }

    [Fact]
    public void OnnxRuntime_in_bin_is_the_gpu_build()
    {
        // The CPU package's libonnxruntime.so knows no CUDA provider; the GPU build lists it even on a machine without a GPU.
        var providers = OrtEnv.Instance().GetAvailableProviders();

        Assert.Contains("CUDAExecutionProvider", providers);
    }

    [Fact]
    public void Device_cpu_runs_on_the_cpu_execution_provider()
    {
        using var services = ModelFixture.CreateServices(new EmbeddingOptions { Device = EmbeddingDevice.Cpu });
        var embedder = services.GetRequiredService<SentenceEmbedder>();

        var vector = embedder.Embed(["REGENCY CAKESTAND 3 TIER"])[0];

        Assert.Equal("cpu", embedder.ExecutionProvider);
        VectorAssert.UnitLength(vector);
    }
}
