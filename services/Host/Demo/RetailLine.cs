namespace Tailor.Host.Demo;

/// <summary>One line of the Online Retail data set, as read (times are UK local).</summary>
public sealed record RetailLine(
    string InvoiceNo,
    string StockCode,
    string Description,
    int Quantity,
    DateTime InvoiceDate,
    decimal UnitPrice,
    string? CustomerId,
    string Country)
{
    public bool IsCancellation => InvoiceNo.StartsWith('C');
}
