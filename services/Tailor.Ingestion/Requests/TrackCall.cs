namespace Tailor.Ingestion.Requests;

/// <summary>A validated Segment <c>track</c> call.</summary>
/// <param name="Products">The products of an <c>Order Completed</c>, or the one of a <c>Product Viewed</c>; otherwise empty.</param>
/// <param name="Text">Words the user wrote (<c>properties.text</c>).</param>
/// <param name="Properties">The flattened properties, without <c>products</c>.</param>
internal sealed record TrackCall(
    CallIdentity Identity,
    string Event,
    IReadOnlyList<ProductLine> Products,
    string? Text,
    IReadOnlyDictionary<string, string> Properties) : SegmentCall(Identity);

/// <summary>One product of a <c>track</c> call (Segment e-commerce spec fields).</summary>
/// <param name="Properties">Every field of the product, flattened.</param>
internal sealed record ProductLine(
    string ProductId,
    string? Name,
    decimal? Price,
    double Quantity,
    IReadOnlyDictionary<string, string> Properties);
