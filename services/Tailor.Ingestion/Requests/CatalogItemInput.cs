namespace Tailor.Ingestion.Requests;

/// <summary>One validated catalog item.</summary>
/// <param name="ContentHash">Names this exact version of the item, so a retried upload has one effect.</param>
/// <param name="Url">The item's page, absolute http or https.</param>
/// <param name="Available">False when the shop withdraws the item (discontinued, out of stock).</param>
internal sealed record CatalogItemInput(
    string Id, string Title, string? Description, decimal Price, string? Category, string ContentHash, string? Url = null, bool Available = true);
