using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Tailor.Embedding.Model;

/// <summary>A loaded model: its word-piece tokenizer and its ONNX Runtime session. Safe to use from many threads.</summary>
internal sealed class SentenceModelSession : IDisposable
{
    private const string ModelResource = "model.onnx";
    private const string VocabularyResource = "vocab.txt";
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string _outputName;
    private readonly bool _takesTokenTypes;
    private readonly SentencePooling _pooling;

    private SentenceModelSession(InferenceSession session, BertTokenizer tokenizer, string executionProvider, SentencePooling pooling)
    {
        _session = session;
        _pooling = pooling;
        _tokenizer = tokenizer;
        ExecutionProvider = executionProvider;
        _outputName = session.OutputNames[0];
        _takesTokenTypes = session.InputNames.Contains(TokenTypeIds);
    }

    public string ExecutionProvider { get; }

    /// <summary>The ONNX Runtime session itself, for the benchmark that compares the service with it.</summary>
    internal InferenceSession RawSession => _session;

    /// <summary>Whether the model takes <c>token_type_ids</c> (all zero here: one segment).</summary>
    internal bool TakesTokenTypes => _takesTokenTypes;

    public static SentenceModelSession Load(EmbeddingOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.SelectedModel();
        var assemblyPath = Path.GetFullPath(options.ModelAssemblyPath ?? model.DefaultContainerPath, AppContext.BaseDirectory);
        var resources = ManifestResourceReader.Read(assemblyPath, ModelResource, VocabularyResource);

        using var vocabulary = new MemoryStream(resources[VocabularyResource], writable: false);
        // The settings of the uncased BERT vocabulary both models were trained with: lower case, accents stripped.
        var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions
        {
            LowerCaseBeforeTokenization = true,
            RemoveNonSpacingMarks = true,
            IndividuallyTokenizeCjk = true,
        });

        var (session, executionProvider) = InferenceSessionFactory.Create(resources[ModelResource], options, logger);
        var output = session.OutputMetadata[session.OutputNames[0]];
        if (output.Dimensions is not [_, _, var width] || (width > 0 && width != model.Dimensions))
        {
            session.Dispose();
            throw new InvalidDataException(
                $"'{assemblyPath}' does not hold {model}: its first output is [{string.Join(", ", output.Dimensions)}], not token vectors of {model.Dimensions}.");
        }

        return new SentenceModelSession(session, tokenizer, executionProvider, model.Pooling);
    }

    /// <summary>[CLS], at most <paramref name="maxWordPieces"/> - 2 word pieces of the text, [SEP].</summary>
    public int[] Encode(string text, int maxWordPieces)
    {
        var pieces = _tokenizer.EncodeToIds(text, maxWordPieces - 2, addSpecialTokens: false, out _, out _);
        var ids = new int[pieces.Count + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < pieces.Count; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }

    /// <summary>Runs one batch, padded to its longest sequence, and returns one unit vector per sequence.</summary>
    public float[][] Run(IReadOnlyList<int[]> sequences)
    {
        var rows = sequences.Count;
        var width = sequences.Max(sequence => sequence.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var row = 0; row < rows; row++)
        {
            var sequence = sequences[row];
            for (var token = 0; token < sequence.Length; token++)
            {
                ids[(row * width) + token] = sequence[token];
                mask[(row * width) + token] = 1;
            }
        }

        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        // One segment only: every token type is 0.
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal)
        {
            [InputIds] = idsValue,
            [AttentionMask] = maskValue,
        };
        if (_takesTokenTypes)
        {
            inputs[TokenTypeIds] = typesValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_outputName]);
        var tokenVectors = outputs[0];
        var dimensions = checked((int)tokenVectors.GetTensorTypeAndShape().Shape[^1]);
        return SentenceVectorPooling.Pool(_pooling, tokenVectors.GetTensorDataAsSpan<float>(), mask, rows, width, dimensions);
    }

    public void Dispose() => _session.Dispose();
}
