namespace Tailor.ContentGeneration.Composition;

/// <summary>The copy of one email; <paramref name="ItemIds"/> are the items it shows, in the order shown.</summary>
public sealed record ComposedEmail(string Subject, string Preheader, string HtmlBody, string TextBody, IReadOnlyList<string> ItemIds);
