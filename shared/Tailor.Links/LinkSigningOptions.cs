using System.ComponentModel.DataAnnotations;

namespace Tailor.Links;

/// <summary>The key product links are signed with (section <c>Tailor:LinkSigning</c>); the same in ContentGeneration and Ingestion.</summary>
public sealed class LinkSigningOptions
{
    public const string Section = "Tailor:LinkSigning";

    /// <summary>A development default so the demo runs; production sets its own secret (at least 32 characters) from the environment.</summary>
    public const string DevelopmentKey = "tailor-development-link-signing-key-change-me";

    [Required]
    [MinLength(32)]
    public string Key { get; set; } = DevelopmentKey;
}
