namespace Tailor.Ingestion.Requests;

/// <summary>The Segment e-commerce spec events Tailor reads products from.</summary>
internal static class SegmentEvents
{
    public const string OrderCompleted = "Order Completed";
    public const string ProductViewed = "Product Viewed";
}
