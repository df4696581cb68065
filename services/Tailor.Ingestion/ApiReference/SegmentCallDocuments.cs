using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Tailor.Ingestion.ApiReference;

// Segment bodies are read by hand so each wrong field is named in the answer; these records only describe them in the
// OpenAPI document (Accepts<T>). Every call also takes Segment's common fields: messageId (a retried call with the same
// one has one effect), timestamp, sentAt (corrects the sender's clock), context and integrations.

/// <summary>Body of <c>POST /v1/track</c>.</summary>
internal sealed record TrackDocument(
    [property: Description("The user; userId or anonymousId is required.")] string? UserId,
    [property: Description("A visitor not yet identified; their activity joins the user when an alias or identify names both.")] string? AnonymousId,
    [property: Required, Description("What the user did, e.g. 'Product Viewed', 'Order Completed'.")] string Event,
    [property: Description("Flattened into at most MaxPropertiesPerCall leaves; 'Order Completed' takes products [{product_id, name, price, quantity}], each held to that limit with the order's other fields.")] JsonObject? Properties,
    [property: Description("Makes a retried call idempotent.")] string? MessageId,
    [property: Description("When it happened (ISO 8601).")] DateTimeOffset? Timestamp,
    [property: Description("When the sender sent it, by the sender's clock; used to correct timestamp.")] DateTimeOffset? SentAt,
    JsonObject? Context);

/// <summary>Body of <c>POST /v1/identify</c>.</summary>
internal sealed record IdentifyDocument(
    [property: Required, Description("The user.")] string UserId,
    [property: Description("Sent with userId, links the anonymous visitor's earlier activity to the user.")] string? AnonymousId,
    [property: Description("email, firstName, country (or address.country), timezone, unsubscribed (consent).")] JsonObject? Traits,
    string? MessageId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    [property: Description("context.timezone is used when traits has none.")] JsonObject? Context);

/// <summary>Body of <c>POST /v1/page</c>.</summary>
internal sealed record PageDocument(
    [property: Description("The user; userId or anonymousId is required.")] string? UserId,
    string? AnonymousId,
    [property: Description("The page's name.")] string? Name,
    string? Category,
    JsonObject? Properties,
    string? MessageId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    JsonObject? Context);

/// <summary>Body of <c>POST /v1/screen</c>: a mobile app's page view, accepted as a <c>page</c> (activity <c>page</c>).</summary>
internal sealed record ScreenDocument(
    [property: Description("The user; userId or anonymousId is required.")] string? UserId,
    string? AnonymousId,
    [property: Description("The screen's name, kept as the page's name.")] string? Name,
    JsonObject? Properties,
    string? MessageId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    JsonObject? Context);

/// <summary>Body of <c>POST /v1/group</c>.</summary>
internal sealed record GroupDocument(
    [property: Required, Description("The member; memberships are kept with users, so an anonymousId alone is refused.")] string UserId,
    [property: Required, Description("The group (account, company, team); same rules as a user id. A user can be in several groups.")] string GroupId,
    [property: Description("The group's traits (name, industry, plan, employees ...), flattened into at most MaxPropertiesPerCall leaves; a later call for the same group updates them field by field.")] JsonObject? Traits,
    string? AnonymousId,
    string? MessageId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    JsonObject? Context);

/// <summary>Body of <c>POST /v1/alias</c>.</summary>
internal sealed record AliasDocument(
    [property: Required, Description("The user the previous id becomes.")] string UserId,
    [property: Required, Description("The anonymous id (or earlier user id) whose activity becomes the user's.")] string PreviousId,
    string? MessageId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    JsonObject? Context);

/// <summary>Body of <c>POST /v1/batch</c>: each call stands alone, and the answer lists those refused with their errors.</summary>
internal sealed record BatchDocument(
    [property: Required, Description("At most MaxBatchItems calls, each a track, identify, page, screen, group or alias body with its 'type'.")] IReadOnlyList<BatchCallDocument> Batch,
    [property: Description("Applies to every call that has no sentAt of its own.")] DateTimeOffset? SentAt,
    JsonObject? Context);

/// <summary>One call of a batch: the body of its own endpoint plus <c>type</c>.</summary>
internal sealed record BatchCallDocument(
    [property: Required, Description("track, identify, page, screen, group or alias.")] string Type,
    string? UserId,
    string? AnonymousId,
    [property: Description("track only.")] string? Event,
    [property: Description("page and screen only.")] string? Name,
    [property: Description("group only.")] string? GroupId,
    [property: Description("alias only.")] string? PreviousId,
    JsonObject? Properties,
    [property: Description("identify (the user's) and group (the group's) only.")] JsonObject? Traits,
    string? MessageId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    JsonObject? Context);
