namespace Tailor.Bench;

/// <summary>One line per tenth of a run, so a long run shows it is moving.</summary>
internal static class Progress
{
    /// <param name="done">Events done so far, after a step of <paramref name="step"/> events.</param>
    public static void Report(TextWriter output, string phase, int done, int total, int step)
    {
        var tenth = Math.Max(1, total / 10);
        if (done / tenth != (done - step) / tenth)
        {
            output.WriteLine($"  {phase}: {done:N0} / {total:N0}");
        }
    }
}
