using System.Diagnostics;

namespace Tailor.SendTime.Diagnostics;

/// <summary>The name of SendTime's traces and metrics, one of the <c>Tailor.*</c> sources every host exports.</summary>
public static class SendTimeTelemetry
{
    public const string Name = "Tailor.SendTime";

    public static readonly ActivitySource Source = new(Name);
}
