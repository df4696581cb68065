namespace Tailor.Ingestion.Reports;

/// <summary>One line of an order attributed to one email of a campaign: what the report adds up into conversions, orders and revenue.</summary>
/// <param name="OrderId">The order among the user's (<see cref="OrderLine.OrderId"/>): the lines of one order count as one order.</param>
/// <param name="SentAt">When the email it is attributed to was sent.</param>
/// <param name="Amount">Price times quantity, in <paramref name="Currency"/>; null for a line without a price.</param>
internal sealed record CampaignOrderLine(Guid LineId, Guid EmailId, string OrderId, DateTimeOffset OrderedAt, DateTimeOffset SentAt, string Currency, decimal? Amount);

/// <summary>
/// A line that no longer counts for an email of the campaign: its order moved to a later email, recorded after the
/// order was (<see cref="ConversionLedger.WithEmails"/>). The stores have no conditional delete; an insert keeps this exactly once.
/// </summary>
internal sealed record CampaignOrderLineWithdrawn(Guid LineId, Guid EmailId);
