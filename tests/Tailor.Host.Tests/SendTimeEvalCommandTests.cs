using System.Text.Json;
using Tailor.Host.Evaluation;

namespace Tailor.Host.Tests;

public sealed class SendTimeEvalCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tailor-sendtime-eval-tests");

    [Fact]
    public void Eval_send_time_months_trains_before_each_month_and_pools_them_with_an_interval()
    {
        // Three months of customers who keep to their hours: each order is three lines at one time.
        var lines = new List<string> { "user,item,timestamp" };
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var user = 0; user < 12; user++)
        {
            for (var day = user % 4; day < 90; day += 4)
            {
                lines.AddRange(Enumerable.Range(0, 3).Select(item => $"u{user},i{item},{start.AddDays(day).AddHours(9 + (user % 4 * 3)):O}"));
            }
        }

        var file = Path.Combine(_folder.FullName, "activity.csv");
        File.WriteAllLines(file, lines);
        using var json = new StringWriter();
        using var progress = new StringWriter();

        var exit = EvalCommand.Run(["send-time", "--train", file, "--test", file, "--months", "2024-02,2024-03", "--json"], json, progress);

        Assert.Equal(0, exit);
        var rows = JsonSerializer.Deserialize<List<JsonElement>>(json.ToString())!;
        Assert.Equal(["2024-02", "2024-03", "2024-02+2024-03"], rows.Select(row => row.GetProperty("split").GetString()).Distinct());
        var pooled = rows.Single(row => row.GetProperty("split").GetString() == "2024-02+2024-03" && row.GetProperty("model").GetString() == "served" && row.GetProperty("segment").GetString() == "all");
        // Every customer is tested in both months: 24 user-months.
        Assert.Equal(24, pooled.GetProperty("users").GetInt32());
        Assert.InRange(pooled.GetProperty("vs_global").GetDouble(), pooled.GetProperty("vs_global_low").GetDouble(), pooled.GetProperty("vs_global_high").GetDouble());
        Assert.Contains("2024-02: training", progress.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-13", "--months '2024-13' is not a month (YYYY-MM)")]
    [InlineData("", "--months needs one or more months")]
    public void Eval_send_time_refuses_a_month_it_cannot_read(string months, string problem)
    {
        var file = Path.Combine(_folder.FullName, "activity.csv");
        File.WriteAllLines(file, ["user,item,timestamp", "u1,i1,2024-01-01T09:00:00Z"]);

        var refused = Assert.Throws<ArgumentException>(() => EvalCommand.Run(["send-time", "--train", file, "--test", file, "--months", months], TextWriter.Null, TextWriter.Null));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_send_time_months_refuses_a_split_of_its_own()
    {
        var file = Path.Combine(_folder.FullName, "activity.csv");
        File.WriteAllLines(file, ["user,item,timestamp", "u1,i1,2024-01-01T09:00:00Z"]);

        var refused = Assert.Throws<ArgumentException>(() => EvalCommand.Run(["send-time", "--train", file, "--test", file, "--months", "2024-02", "--until", "2024-02-01"], TextWriter.Null, TextWriter.Null));

        Assert.Contains("--months sets each month's split itself", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
