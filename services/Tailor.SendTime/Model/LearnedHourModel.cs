using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tailor.SendTime.Model;

/// <summary>
/// The learned send-time model: gradient-boosted regression trees (ML.NET FastTree) that score one hour of one weekday
/// for a user from <see cref="HourFeatures"/>, trained to predict the share of the user's later activity within ±1 hour
/// of it. The evaluation trains and saves it; SendTime loads and serves it when the evaluation chose it.
/// </summary>
public sealed class LearnedHourModel : IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;
    private readonly PredictionEngine<HourRow, HourScore> _engine;

    // ML.NET's prediction engine keeps buffers per call, so concurrent consumers take turns on it.
    private readonly Lock _engineLock = new();

    private LearnedHourModel(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        _engine = ml.Model.CreatePredictionEngine<HourRow, HourScore>(model, inputSchema: schema);
    }

    /// <summary>Fits the trees on rows of features and the share of later activity each hour caught.</summary>
    public static LearnedHourModel Fit(IReadOnlyCollection<HourRow> rows, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("The learned send-time model needs at least one training row.", nameof(rows));
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(HourRow.Values))
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(HourRow.Label), numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1));
        return new LearnedHourModel(ml, pipeline.Fit(data), data.Schema);
    }

    /// <summary>
    /// Reads a model written by <see cref="Save"/> and scores one day with it, so a file that is not one, or one made
    /// for other features, fails here (at start) with its path in the message instead of at the first message.
    /// </summary>
    public static LearnedHourModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ml = new MLContext(seed: 1);
        try
        {
            ITransformer model;
            DataViewSchema schema;
            using (var stream = File.OpenRead(path))
            {
                model = ml.Model.Load(stream, out schema);
            }

            if (schema.GetColumnOrNull(nameof(HourRow.Values))?.Type is not VectorDataViewType { Size: HourFeatures.Count })
            {
                throw new InvalidDataException($"it does not take the {HourFeatures.Count} send-time features this version computes");
            }

            var loaded = new LearnedHourModel(ml, model, schema);
            var uniform = Enumerable.Repeat(1.0, WeekHours.Count).ToArray();
            loaded.ScoreDay(new HourFeatures(uniform, WeekHours.Count, uniform, uniform), weekday: 0);
            return loaded;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"'{path}' is not a learned send-time model written by eval send-time --save-model: {exception.Message}", exception);
        }
    }

    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        _ml.Model.Save(_model, _schema, stream);
    }

    /// <summary>The score of each of the 24 hours of one weekday for one user.</summary>
    public float[] ScoreDay(HourFeatures features, int weekday)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = Enumerable.Range(0, WeekHours.PerDay).Select(hour => new HourRow { Values = features.Row(weekday, hour) }).ToArray();
        var scores = new float[WeekHours.PerDay];
        lock (_engineLock)
        {
            for (var hour = 0; hour < WeekHours.PerDay; hour++)
            {
                scores[hour] = _engine.Predict(rows[hour]).Score;
            }
        }

        return scores;
    }

    public void Dispose() => _engine.Dispose();

    /// <summary>One candidate hour for one user on one weekday: the features and, in training, the share of later activity it catches.</summary>
    public sealed class HourRow
    {
        [VectorType(HourFeatures.Count)]
        public float[] Values { get; set; } = [];

        public float Label { get; set; }
    }

    public sealed class HourScore
    {
        public float Score { get; set; }
    }
}
