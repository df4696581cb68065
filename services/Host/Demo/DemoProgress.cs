using System.Diagnostics;

namespace Tailor.Host.Demo;

/// <summary>
/// Progress on the console: one line that redraws itself on a terminal, or a line per tenth of the work when the
/// output is redirected (CI logs), so long phases never look hung.
/// </summary>
public sealed class DemoProgress(TextWriter output, bool interactive)
{
    private readonly Stopwatch _phaseClock = new();
    private string _phase = string.Empty;
    private int _lastTenth = -1;

    public static DemoProgress ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    public void Start(string phase)
    {
        _phase = phase;
        _lastTenth = -1;
        _phaseClock.Restart();
        if (!interactive)
        {
            output.WriteLine($"{phase}...");
        }
    }

    public void Report(long done, long total)
    {
        var tenth = total == 0 ? 10 : (int)(done * 10 / total);
        if (interactive)
        {
            output.Write($"\r{_phase}: {done:N0}/{total:N0} ({(total == 0 ? 100 : done * 100 / total)}%)   ");
        }
        else if (tenth > _lastTenth)
        {
            output.WriteLine($"  {_phase}: {done:N0}/{total:N0}");
        }

        _lastTenth = Math.Max(_lastTenth, tenth);
    }

    public void Complete(string detail)
    {
        var line = $"{_phase}: {detail} ({_phaseClock.Elapsed.TotalSeconds:0.0} s)";
        output.WriteLine(interactive ? $"\r{line}{new string(' ', 20)}" : $"  {line}");
    }
}
