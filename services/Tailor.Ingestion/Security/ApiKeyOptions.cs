using System.ComponentModel.DataAnnotations;

namespace Tailor.Ingestion.Security;

/// <summary>Keys given in configuration (section <c>Tailor:Ingestion:ApiKeys</c>, a list), for bootstrapping and secrets stores.</summary>
public sealed class ConfiguredApiKey
{
    /// <summary>Checked by <see cref="ApiKeyClientNames"/>, as a key made through the admin API is.</summary>
    public string Client { get; set; } = "";

    /// <summary>SHA-256 of the key, lower-case hex, as <c>tailor api-key new</c> prints it.</summary>
    [Required]
    [RegularExpression("^[0-9a-f]{64}$", ErrorMessage = "KeyHash must be the 64 hex digits of SHA-256 of the key.")]
    public string KeyHash { get; set; } = "";

    [MinLength(1)]
    public string[] Scopes { get; set; } = [];
}
