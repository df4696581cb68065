using System.Text.Json;
using Tailor.Host.Evaluation;
using Tailor.SendTime.Serving;
using Tailor.Testing;

namespace Tailor.Host.Tests;

public sealed class EvalCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tailor-eval-tests");

    [Fact]
    public void Eval_recommend_on_the_shared_data_serves_what_beats_every_single_model_by_ten_percent()
    {
        var data = OnlineRetail.FullDataset;
        using var json = new StringWriter();
        using var progress = new StringWriter();

        var exit = EvalCommand.Run(
            ["recommend", "--train", data, "--test", data, "--until", "2011-09-01", "--from", "2011-09-01", "--json"], json, progress);

        output.WriteLine(progress.ToString());
        output.WriteLine(json.ToString());
        Assert.Equal(0, exit);
        var printed = JsonSerializer.Deserialize<List<JsonElement>>(json.ToString())!;
        var rows = printed.Where(row => row.TryGetProperty("model", out _)).ToList();
        string[] singles = ["popularity", "buy-again", "item-knn", "content", "als", "ease", "rp3beta", "tifu-knn"];
        foreach (var protocol in new[] { "all", "new" })
        {
            var byModel = rows.Where(row => row.GetProperty("protocol").GetString() == protocol)
                .ToDictionary(row => row.GetProperty("model").GetString()!, row => row.GetProperty("ndcg_at_10").GetDouble());
            Assert.Equal([.. singles, "served"], byModel.Keys);
            var best = singles.Max(model => byModel[model]);
            Assert.True(byModel["served"] >= 1.10 * best, $"{protocol}: served {byModel["served"]:F4}, best single model {best:F4}");
        }

        Assert.All(rows, row =>
        {
            Assert.True(row.GetProperty("users").GetInt32() > 1_000);
            Assert.InRange(row.GetProperty("hr_at_10").GetDouble(), 0, 1);
            Assert.InRange(row.GetProperty("recall_at_10").GetDouble(), 0, 1);
            Assert.InRange(row.GetProperty("coverage").GetDouble(), 0, 1);
            var segments = row.GetProperty("segments");
            Assert.Equal(["new", "light", "heavy"], segments.EnumerateObject().Select(segment => segment.Name));
            Assert.Equal(row.GetProperty("users").GetInt32(), segments.EnumerateObject().Sum(segment => segment.Value.GetProperty("users").GetInt32()));
        });

        // What the emails show: each part with its protocol, at the email's size and at 10.
        var email = printed.Where(row => row.TryGetProperty("email_part", out _)).ToList();
        Assert.Equal(
            ["email all 4", "buy-again re-orders 4", "new-for-you new 4", "email all 10", "buy-again re-orders 10", "new-for-you new 10"],
            email.Select(row => $"{row.GetProperty("email_part").GetString()} {row.GetProperty("protocol").GetString()} {row.GetProperty("k").GetInt32()}"));
        Assert.All(email, row => Assert.InRange(row.GetProperty("ndcg").GetDouble(), 0.01, 1));
    }

    [Fact]
    public void Eval_recommend_reads_a_generic_csv_and_prints_a_table_without_the_content_model()
    {
        var lines = new List<string> { "user,item,timestamp,weight" };
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var user = 0; user < 30; user++)
        {
            for (var day = 0; day < 80; day += 8)
            {
                lines.Add($"u{user},i{(user + (day / 16)) % 12},{start.AddDays(day):O},2");
                lines.Add($"u{user},i{user % 12},{start.AddDays(day + 1).ToUnixTimeSeconds()},1");
            }
        }

        var file = Write("interactions.csv", lines);
        using var table = new StringWriter();

        var exit = EvalCommand.Run(["recommend", "--train", file, "--test", file, "--until", "2024-03-01", "--from", "2024-03-01"], table, TextWriter.Null);

        Assert.Equal(0, exit);
        // Three tables: the models, the same per customer segment, and what the emails show.
        var tables = table.ToString().Split(Environment.NewLine + Environment.NewLine);
        Assert.Equal(3, tables.Length);
        var rows = tables[0].Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("model", rows[0], StringComparison.Ordinal);
        Assert.Equal(17, rows.Length);
        Assert.Equal(1 + (16 * 3), tables[1].Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("email part", tables[2], StringComparison.Ordinal);
        Assert.Contains(rows, row => row.StartsWith("served       new", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.StartsWith("content", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("random:0.2")]
    [InlineData("per-user-last")]
    public void Eval_recommend_holds_out_part_of_one_file_with_split_and_needs_no_test_file(string split)
    {
        var lines = new List<string> { "user,item,timestamp" };
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var user = 0; user < 40; user++)
        {
            for (var day = 0; day < 90; day += 6)
            {
                lines.Add($"u{user},i{(user + (day / 12)) % 15},{start.AddDays(day + (user % 5)):O}");
            }
        }

        var file = Write("interactions.csv", lines);
        using var json = new StringWriter();
        using var progress = new StringWriter();

        var exit = EvalCommand.Run(["recommend", "--train", file, "--split", split, "--no-content", "--json"], json, progress);

        Assert.Equal(0, exit);
        Assert.Contains($"Split {split}", progress.ToString(), StringComparison.Ordinal);
        var rows = JsonSerializer.Deserialize<List<JsonElement>>(json.ToString())!.Where(row => row.TryGetProperty("model", out _));
        var served = rows.Single(row => row.GetProperty("model").GetString() == "served" && row.GetProperty("protocol").GetString() == "all");
        // Per-user-last holds out one basket of each of the 40 users; a random fifth reaches nearly all of them.
        Assert.InRange(served.GetProperty("users").GetInt32(), 30, 40);
    }

    [Theory]
    [InlineData(new[] { "--split", "random:1.5" }, "--split 'random:1.5' must be time, random:SHARE")]
    [InlineData(new[] { "--split", "sideways" }, "--split 'sideways' must be")]
    [InlineData(new[] { "--split", "random:0.2", "--seed", "many" }, "--seed 'many' must be a whole number")]
    [InlineData(new[] { "--seed", "3" }, "--seed draws a random split")]
    [InlineData(new[] { "--split", "per-user-last", "--until", "2024-02-01" }, "--split per-user-last holds out part of --train; --until and --from cut in time")]
    [InlineData(new[] { "--split", "random:0.2", "--test", "other.csv" }, "leave --test out or name the same file")]
    public void Eval_recommend_refuses_a_bad_split(string[] options, string problem)
    {
        var file = Write("interactions.csv", ["user,item,timestamp", "u1,i1,2024-01-01"]);

        var refused = Assert.Throws<ArgumentException>(() => EvalCommand.Run(["recommend", "--train", file, .. options], TextWriter.Null, TextWriter.Null));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_send_time_refuses_the_split_options_of_eval_recommend()
    {
        var refused = Assert.Throws<ArgumentException>(() => EvalCommand.Run(["send-time", "--train", "a.csv", "--split", "per-user-last"], TextWriter.Null, TextWriter.Null));

        Assert.Contains("eval send-time: --split is an option of eval recommend", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_send_time_prints_one_json_row_per_model_and_segment()
    {
        var lines = new List<string> { "user,item,timestamp" };
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var user = 0; user < 10; user++)
        {
            for (var day = 0; day < 20; day++)
            {
                lines.Add($"u{user},i1,{start.AddDays(day).AddHours(8 + (user % 3)):O}");
            }
        }

        var file = Write("activity.csv", lines);
        using var json = new StringWriter();

        var exit = EvalCommand.Run(["send-time", "--train", file, "--test", file, "--until", "2024-01-15", "--from", "2024-01-15", "--json"], json, TextWriter.Null);

        Assert.Equal(0, exit);
        var rows = JsonSerializer.Deserialize<List<JsonElement>>(json.ToString())!;
        // Six models (two weeks are too little for the learned one) in three segments.
        Assert.Equal(18, rows.Count);
        Assert.Contains(rows, row => row.GetProperty("model").GetString() == "served" && row.GetProperty("segment").GetString() == "all");
        Assert.Contains(rows, row => row.GetProperty("model").GetString() == "served-explore" && row.GetProperty("vs_global_low").GetDouble() <= row.GetProperty("vs_global").GetDouble());
        Assert.All(rows, row => Assert.InRange(row.GetProperty("hit_rate_1h").GetDouble(), 0, 1));
        Assert.Throws<ArgumentException>(() => EvalCommand.Run(["send-time", "--train", file, "--test", file, "--tune"], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void Eval_send_time_saves_the_model_it_chose_where_SendTime_can_serve_it()
    {
        // Half a year: enough for the learned model (labels from the last sixty days) in both validation stretches.
        var lines = new List<string> { "user,item,timestamp" };
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var user = 0; user < 30; user++)
        {
            for (var day = user % 3; day < 180; day += 3)
            {
                lines.Add($"u{user},i1,{start.AddDays(day).AddHours(8 + (user % 3 * 5)):O}");
            }
        }

        var file = Write("activity.csv", lines);
        var models = Path.Combine(_folder.FullName, "models");
        using var progress = new StringWriter();

        var exit = EvalCommand.Run(["send-time", "--train", file, "--test", file, "--until", "2024-06-01", "--from", "2024-06-01", "--save-model", models], TextWriter.Null, progress);

        Assert.Equal(0, exit);
        var choice = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(models, ServedModelChoice.FileName)));
        var served = choice.GetProperty("model").GetString();
        Assert.Contains($"Served: {served} ", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Tailor__SendTime__ModelDirectory={models}", progress.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, choice.GetProperty("validationScores").EnumerateObject().Count());
        Assert.True(File.Exists(Path.Combine(models, ServedModelChoice.LearnedFileName)));
        Assert.Equal(served, ServedPreference.Load(models).Model);
        var refused = Assert.Throws<ArgumentException>(() => EvalCommand.Run(["recommend", "--train", file, "--test", file, "--save-model", models], TextWriter.Null, TextWriter.Null));
        Assert.Contains("--save-model is an option of eval send-time", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name,when\nx,y\n", "the first line must be the Online Retail header or 'user,item,timestamp[,weight]'")]
    [InlineData("user,item,timestamp\nu1,i1,yesterday\n", "interactions.csv:2: timestamp 'yesterday' is neither ISO 8601 nor Unix seconds")]
    [InlineData("user,item,timestamp,weight\nu1,i1,2024-01-01,lots\n", "interactions.csv:2: weight 'lots' is not a number")]
    public void Eval_recommend_names_the_line_of_a_file_it_cannot_read(string content, string problem)
    {
        var file = Write("interactions.csv", content.Split('\n'));

        var refused = Assert.Throws<InvalidDataException>(() => EvalCommand.Run(["recommend", "--train", file, "--test", file], TextWriter.Null, TextWriter.Null));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "recommend", "--json" }, "eval recommend needs --train and --test")]
    [InlineData(new[] { "recommend", "--train" }, "unknown or incomplete option '--train'")]
    [InlineData(new[] { "recommend", "--train", "missing.csv", "--test", "missing.csv" }, "does not exist")]
    [InlineData(new[] { "open-rate" }, "eval: unknown evaluation 'open-rate'")]
    [InlineData(new[] { "recommend", "--until", "soon" }, "--until 'soon' is not a date")]
    [InlineData(new[] { "send-time", "--train", "a.csv", "--save-model", "--json" }, "eval send-time: unknown or incomplete option '--save-model'. Usage: tailor eval send-time")]
    [InlineData(new[] { "send-time", "--json" }, "eval send-time needs --train and --test")]
    public void Eval_refuses_bad_arguments_with_the_usage(string[] args, string problem)
    {
        var refused = Assert.Throws<ArgumentException>(() => EvalCommand.Run(args, TextWriter.Null, TextWriter.Null));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
