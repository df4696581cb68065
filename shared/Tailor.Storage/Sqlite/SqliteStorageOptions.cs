using System.ComponentModel.DataAnnotations;

namespace Tailor.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file (section <c>Tailor:Sqlite</c>).</summary>
public sealed class SqliteStorageOptions
{
    public const string Section = "Tailor:Sqlite";

    /// <summary>The database file; a relative path is taken from the working directory. Its folder is created.</summary>
    [Required]
    public string Path { get; set; } = ".tailor/tailor.db";
}
