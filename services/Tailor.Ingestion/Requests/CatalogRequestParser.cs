using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates <c>{"items": [{id, title, description?, price, category?, url?, available?}, ...]}</c>.</summary>
internal static class CatalogRequestParser
{
    private const string Items = "items";

    public static IReadOnlyList<CatalogItemInput> Parse(JsonElement body, int maxItems, ValidationErrors errors)
    {
        if (ObjectReader.Of(body, JsonPaths.Root, errors)?.Array(Items, required: true) is not { } items)
        {
            return [];
        }

        var count = items.GetArrayLength();
        if (count == 0 || count > maxItems)
        {
            errors.Add(Items, $"Must hold between 1 and {maxItems} items.");
            return [];
        }

        var parsed = new List<CatalogItemInput>(count);
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            if (ObjectReader.Of(element, JsonPaths.Item(Items, index++), errors) is { } item && ParseItem(item) is { } input)
            {
                parsed.Add(input);
            }
        }

        return parsed;
    }

    private static CatalogItemInput? ParseItem(ObjectReader item)
    {
        var id = item.Id("id", required: true);
        var title = item.String("title", FieldLimits.Title, required: true);
        var description = item.String("description", FieldLimits.Description);
        var price = item.Decimal("price", minimum: 0, required: true);
        var category = item.String("category", FieldLimits.Category);
        var url = item.WebUrl("url");
        // Left out (or null), an item is on sale: a shop that never withdraws anything need not send the field.
        var available = item.Boolean("available") ?? true;
        return id is null || title is null || price is null
            ? null
            : new CatalogItemInput(id, title, description, price.Value, category, ContentHash.Of(item.Element), url, available);
    }
}
