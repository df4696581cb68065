namespace Tailor.Contracts;

/// <summary>The activity kinds every service understands; other <c>track</c> events keep their own name.</summary>
public static class ActivityKinds
{
    public const string Purchase = "purchase";
    public const string View = "view";
    public const string Text = "text";
}
