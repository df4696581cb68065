using System.ComponentModel.DataAnnotations;

namespace Tailor.Storage.MongoDb;

/// <summary>Which database the MongoDB stores use (section <c>Tailor:MongoDb</c>); the server is <c>ConnectionStrings:mongodb</c>.</summary>
public sealed class MongoStorageOptions
{
    public const string Section = "Tailor:MongoDb";

    [Required]
    public string Database { get; set; } = "tailor";
}
