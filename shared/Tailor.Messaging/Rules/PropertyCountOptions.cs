using System.ComponentModel.DataAnnotations;

namespace Tailor.Messaging.Rules;

/// <summary>
/// How many flattened properties or traits (a nested object counts each leaf) one message may carry, read by every
/// service: Ingestion holds each call to it, and every consumer holds what it takes from the bus to it
/// (<see cref="MessageRules"/>), so a map no call could have carried is refused on the bus too. The key keeps the
/// section it was first configured in, <c>Tailor:Ingestion</c>, like <see cref="EventTimeOptions"/>'s.
/// </summary>
public sealed class PropertyCountOptions
{
    public const string Section = "Tailor:Ingestion";

    /// <summary>
    /// Ingestion adds up to two fields of its own to the properties of the call an activity comes from: the event's
    /// name to a <c>track</c>'s, or the page's name and category to a <c>page</c>'s.
    /// </summary>
    public const int PropertiesAddedToActivity = 2;

    /// <summary>Most flattened properties or traits one call may carry.</summary>
    [Range(1, 10_000)]
    public int MaxPropertiesPerCall { get; set; } = 300;

    /// <summary>Most properties a <c>UserActivityTracked</c> may carry: a call's, and what Ingestion adds.</summary>
    public int MaxActivityProperties => MaxPropertiesPerCall + PropertiesAddedToActivity;
}
