using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Tailor.Ingestion.ApiReference;

/// <summary>Body of <c>POST /v1/catalog</c> (read by hand; this record only describes it in the OpenAPI document).</summary>
internal sealed record CatalogDocument(
    [property: Required, Description("Between 1 and MaxCatalogItems items; sending the same upload again has one effect.")] IReadOnlyList<CatalogItemDocument> Items);

internal sealed record CatalogItemDocument(
    [property: Required, Description("At most 256 characters without control characters, and not '.' or '..', which no link can name.")] string Id,
    [property: Required] string Title,
    string? Description,
    [property: Required, Range(0, double.MaxValue)] decimal Price,
    string? Category,
    [property: Description("The item's page, absolute http or https: a click on the item in an email is redirected there.")] string? Url,
    [property: Description("Whether the shop sells the item now (default true). False withdraws it: no recommendation list or email written from then on shows it, until the item is sent again with true.")] bool? Available);
