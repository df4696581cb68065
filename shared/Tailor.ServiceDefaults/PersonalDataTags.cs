using System.Diagnostics;

namespace Tailor.ServiceDefaults;

/// <summary>
/// The tags ASP.NET Core's instrumentation puts on a server span that describe the person calling rather than the call:
/// the browser or mail client of a reader who follows a link in an email (<c>user_agent.original</c>) and, where it is
/// recorded, their network address (<c>client.address</c>). Traces are shipped to other systems and kept for months,
/// so <see cref="RemoveFrom"/> takes them off as each span starts. The query needs nothing: the instrumentation
/// writes its values as <c>Redacted</c> (a link's signature <c>s</c> among them), and paths name users and emails by
/// their ids only.
/// </summary>
public static class PersonalDataTags
{
    public static readonly IReadOnlyList<string> OnServerSpans = ["user_agent.original", "client.address"];

    public static void RemoveFrom(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var tag in OnServerSpans)
        {
            activity.SetTag(tag, null);
        }
    }
}
