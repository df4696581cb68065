using Tailor.Host.Hosting;

namespace Tailor.Host.Tests.Deployment;

/// <summary>
/// Every queue named in <c>queue-names.txt</c> is still read by its service. A queue is durable on
/// RabbitMQ: a renamed queue is a new, empty one, while the old one stays bound to its exchange and fills up with every
/// message nobody reads any more. So a name may change only on purpose, with this list (and, for a new prefix, the KEDA
/// queue pattern) changed in the same commit and a plan to drain and delete the old queue.
/// </summary>
public class QueueNamesTests
{
    private const string PinnedList = "tests/Tailor.Host.Tests/Deployment/queue-names.txt";

    // Only a queue that disappears fails: that is what a rename or a moved prefix looks like, and what strands messages.
    // A new consumer's queue is created on first start and strands nothing, so adding one needs no change here; it is
    // pinned once it has shipped, from then on guarded like the rest.
    [Fact]
    public void Every_queue_in_the_checked_in_list_is_still_read_by_its_service()
    {
        var produced = Produced();

        var disappeared = Pinned().Except(produced).ToList();
        Assert.True(
            disappeared.Count == 0,
            $"""
            A queue in the list is no longer read. A rename creates a new, empty queue and strands the old durable one, still bound to its exchange and filling up on RabbitMQ.
            If the change is meant, update {PinnedList} (and the KEDA queue pattern in deploy/kubernetes if a prefix changed), and drain and delete the old queue when deploying.
            Gone (in the list, no longer produced): {Listed(disappeared)}
            Read now but not in the list: {Listed([.. produced.Except(Pinned())])}
            """);
    }

    [Fact]
    public void The_checked_in_list_names_each_queue_once_and_in_order()
    {
        var lines = PinnedLines();
        Assert.NotEmpty(lines);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Equal(lines.Count, lines.Select(line => line.Split(' ')[1]).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>"target queue" for every queue of every service, the sample sender included.</summary>
    private static SortedSet<string> Produced() =>
        new(
            ServiceTargets.Names.Append(ServiceTargets.Sender)
                .SelectMany(target => ConsumerQueues.Of(target).Select(queue => $"{target} {queue}")),
            StringComparer.Ordinal);

    private static SortedSet<string> Pinned() => new(PinnedLines(), StringComparer.Ordinal);

    private static List<string> PinnedLines() =>
        DeployFiles.Text(PinnedList).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    private static string Listed(IReadOnlyCollection<string> lines) => lines.Count == 0 ? "none" : string.Join(", ", lines);
}
