namespace Tailor.Ingestion.Webhooks;

/// <summary>Builds <see cref="ProviderEvent.Source"/>: <c>provider:event[:detail…]</c>, leaving out what the event did not say.</summary>
internal static class EventSources
{
    private const int MaxPartLength = 100;

    /// <param name="parts">The provider, its event name, then details such as the reason it gave; blank ones are left out.</param>
    public static string Of(params string?[] parts) =>
        string.Join(':', parts.Where(part => !string.IsNullOrWhiteSpace(part)).Select(Clean));

    // The source ends up in exports and logs: a provider's free text is kept short and on one line.
    private static string Clean(string? part)
    {
        var text = new string([.. part!.Trim().Select(character => char.IsControl(character) ? ' ' : character)]);
        return text.Length <= MaxPartLength ? text : text[..MaxPartLength];
    }
}
