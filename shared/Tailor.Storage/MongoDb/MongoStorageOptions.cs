using System.ComponentModel.DataAnnotations;

namespace Tailor.Storage.MongoDb;

/// <summary>Which database the MongoDB stores use (section <c>Tailor:MongoDb</c>); the server is <c>ConnectionStrings:mongodb</c>.</summary>
public sealed class MongoStorageOptions
{
    public const string Section = "Tailor:MongoDb";

    /// <summary>
    /// The database: at most 63 characters, none of <c>/\. "$*&lt;&gt;:|?</c> (MongoDB's rules; the driver checks only some and
    /// the server would refuse the first write).
    /// </summary>
    [Required]
    [RegularExpression(@"^[^/\\. ""$*<>:|?\0]{1,63}$", ErrorMessage = "Tailor:MongoDb:Database must be 1 to 63 characters, none of /\\. \"$*<>:|? (MongoDB's rules for database names).")]
    public string Database { get; set; } = "tailor";
}
