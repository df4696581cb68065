using System.Globalization;
using System.Text.Json;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Host.Evaluation;

/// <summary>
/// The evaluation's rows as tables for people or, with <c>--json</c>, as one JSON array for scripts: every model
/// under both protocols, the same per customer segment, and what the emails show (<see cref="EmailEvaluation"/>).
/// </summary>
public static class EvaluationOutput
{
    private const string Everyone = "all";

    public static string Table(IReadOnlyList<EvaluationRow> rows, IReadOnlyList<EmailRow>? email = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<string>
        {
            $"{"model",-12} {"protocol",-8} {"NDCG@10",8} {"HR@10",8} {"Recall@10",10} {"coverage",9} {"users",7}",
        };
        lines.AddRange(rows.Select(row => string.Create(
            CultureInfo.InvariantCulture,
            $"{row.Model,-12} {Protocol(row.Protocol),-8} {row.NdcgAt10,8:F4} {row.HrAt10,8:F4} {row.RecallAt10,10:F4} {row.Coverage,9:F4} {row.Users,7}")));

        lines.Add(string.Empty);
        lines.Add($"{"model",-12} {"protocol",-8} {"segment",-8} {"NDCG@10",8} {"HR@10",8} {"Recall@10",10} {"users",7}");
        lines.AddRange(rows.SelectMany(row => (row.Segments ?? []).Select(segment => string.Create(
            CultureInfo.InvariantCulture,
            $"{row.Model,-12} {Protocol(row.Protocol),-8} {Segment(segment.Segment),-8} {segment.Ndcg,8:F4} {segment.HitRate,8:F4} {segment.Recall,10:F4} {segment.Users,7}"))));

        if (email is not null)
        {
            lines.Add(string.Empty);
            lines.Add($"{"email part",-12} {"protocol",-9} {"k",2} {"segment",-8} {"NDCG@k",8} {"HR@k",8} {"Recall@k",9} {"items",6} {"users",7}");
            foreach (var row in email)
            {
                lines.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Part,-12} {row.Protocol,-9} {row.K,2} {Everyone,-8} {row.Figures.Ndcg,8:F4} {row.Figures.HitRate,8:F4} {row.Figures.Recall,9:F4} {row.ItemsShown,6:F2} {row.Figures.Users,7}"));
                lines.AddRange(row.Figures.Segments.Select(segment => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Part,-12} {row.Protocol,-9} {row.K,2} {Segment(segment.Segment),-8} {segment.Ndcg,8:F4} {segment.HitRate,8:F4} {segment.Recall,9:F4} {string.Empty,6} {segment.Users,7}")));
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Model rows (<c>model</c>, metrics at 10, <c>segments</c>), then email rows (<c>email_part</c>, <c>k</c>, metrics at k).</summary>
    public static string Json(IReadOnlyList<EvaluationRow> rows, IReadOnlyList<EmailRow>? email = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var models = rows.Select(row => new Dictionary<string, object>
        {
            ["model"] = row.Model,
            ["protocol"] = Protocol(row.Protocol),
            ["ndcg_at_10"] = row.NdcgAt10,
            ["hr_at_10"] = row.HrAt10,
            ["recall_at_10"] = row.RecallAt10,
            ["coverage"] = row.Coverage,
            ["users"] = row.Users,
            ["segments"] = Segments(row.Segments ?? [], "_at_10"),
        });
        var parts = (email ?? []).Select(row => new Dictionary<string, object>
        {
            ["email_part"] = row.Part,
            ["protocol"] = row.Protocol,
            ["k"] = row.K,
            ["ndcg"] = row.Figures.Ndcg,
            ["hr"] = row.Figures.HitRate,
            ["recall"] = row.Figures.Recall,
            ["items_shown"] = row.ItemsShown,
            ["users"] = row.Figures.Users,
            ["segments"] = Segments(row.Figures.Segments, string.Empty),
        });
        return JsonSerializer.Serialize(models.Concat(parts));
    }

    private static Dictionary<string, Dictionary<string, object>> Segments(IReadOnlyList<SegmentFigures> segments, string suffix) =>
        segments.ToDictionary(
            segment => Segment(segment.Segment),
            segment => new Dictionary<string, object>
            {
                ["ndcg" + suffix] = segment.Ndcg,
                ["hr" + suffix] = segment.HitRate,
                ["recall" + suffix] = segment.Recall,
                ["users"] = segment.Users,
            });

    private static string Protocol(EvaluationProtocol protocol) => protocol is EvaluationProtocol.All ? "all" : "new";

    private static string Segment(UserSegment segment) => segment.ToString().ToLowerInvariant();
}
