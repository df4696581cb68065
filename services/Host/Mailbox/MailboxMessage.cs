namespace Tailor.Host.Mailbox;

/// <summary>One message the mailbox accepted and the files it wrote for it.</summary>
/// <param name="Number">Its place in the folder: the <c>{n}</c> of <c>{n}-{to}.eml</c>.</param>
/// <param name="HtmlFile">The HTML part as a file to open in a browser; null when the message has none.</param>
public sealed record MailboxMessage(int Number, string From, IReadOnlyList<string> To, string Subject, FileInfo EmlFile, FileInfo? HtmlFile);
