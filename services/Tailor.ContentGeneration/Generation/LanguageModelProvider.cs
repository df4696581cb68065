namespace Tailor.ContentGeneration.Generation;

public enum LanguageModelProvider
{
    /// <summary>No model: the template composer writes every email.</summary>
    None,

    /// <summary>Any server that speaks OpenAI's chat completions API (OpenAI, Azure OpenAI, vLLM, llama.cpp server, LM Studio).</summary>
    OpenAI,

    Ollama,

    /// <summary>
    /// A local ONNX Runtime GenAI model folder (<see cref="LanguageModelOptions.ModelPath"/>), in process; on the GPU when
    /// the model and the native library were built for CUDA.
    /// </summary>
    OnnxGenAI,
}
