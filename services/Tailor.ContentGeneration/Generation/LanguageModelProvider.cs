namespace Tailor.ContentGeneration.Generation;

public enum LanguageModelProvider
{
    /// <summary>No model: the template composer writes every email.</summary>
    None,

    /// <summary>Any server that speaks OpenAI's chat completions API (OpenAI, Azure OpenAI, vLLM, llama.cpp server, LM Studio).</summary>
    OpenAI,

    Ollama,
}
