using System.Globalization;
using System.Text.Json;
using Tailor.Recommendation.Evaluation;

namespace Tailor.Host.Evaluation;

/// <summary>The evaluation's rows as a table for people or, with <c>--json</c>, as one JSON array for scripts.</summary>
public static class EvaluationOutput
{
    public static string Table(IReadOnlyList<EvaluationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<string>
        {
            $"{"model",-12} {"protocol",-8} {"NDCG@10",8} {"HR@10",8} {"Recall@10",10} {"coverage",9} {"users",7}",
        };
        lines.AddRange(rows.Select(row => string.Create(
            CultureInfo.InvariantCulture,
            $"{row.Model,-12} {Protocol(row.Protocol),-8} {row.NdcgAt10,8:F4} {row.HrAt10,8:F4} {row.RecallAt10,10:F4} {row.Coverage,9:F4} {row.Users,7}")));
        return string.Join(Environment.NewLine, lines);
    }

    public static string Json(IReadOnlyList<EvaluationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return JsonSerializer.Serialize(rows.Select(row => new Dictionary<string, object>
        {
            ["model"] = row.Model,
            ["protocol"] = Protocol(row.Protocol),
            ["ndcg_at_10"] = row.NdcgAt10,
            ["hr_at_10"] = row.HrAt10,
            ["recall_at_10"] = row.RecallAt10,
            ["coverage"] = row.Coverage,
            ["users"] = row.Users,
        }));
    }

    private static string Protocol(EvaluationProtocol protocol) => protocol is EvaluationProtocol.All ? "all" : "new";
}
