using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Tailor.Host.Demo;

/// <summary>
/// Keeps native libraries' chatter off standard output. ML.NET's LDA prints every fifth iteration's log-likelihood with
/// C's printf (about 200 lines a topic training), which no .NET logging setting reaches: in `serve` it buried the
/// services' logs and would break a log collector that reads one structured entry per line. .NET's console moves onto
/// a copy of standard output and the process's own standard output points at /dev/null, so only what .NET writes
/// (logs, the demo's progress) shows. `serve`, `demo` and `eval` do this; standard error is left alone, so a native
/// library's errors still show. Does nothing on Windows.
/// </summary>
public static partial class NativeOutputSilencer
{
    private const int StandardOutput = 1;
    private const int WriteOnly = 1;

    public static void Apply()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var console = Dup(StandardOutput);
        var devNull = Open("/dev/null", WriteOnly);
        if (console < 0 || devNull < 0 || Dup2(devNull, StandardOutput) < 0)
        {
            return; // keep the chatter rather than lose the demo's own output
        }

        var stream = new FileStream(new SafeFileHandle(console, ownsHandle: true), FileAccess.Write);
        Console.SetOut(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fileDescriptor);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int fileDescriptor, int target);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
