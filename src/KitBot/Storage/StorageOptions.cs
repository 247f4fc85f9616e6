using System.ComponentModel.DataAnnotations;

namespace KitBot.Storage;

/// <summary>The <c>Storage</c> settings section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Which store holds KitBot's data: <c>Sqlite</c> (embedded default) or <c>PostgreSql</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Storage:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = "Sqlite";

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgresStorageOptions PostgreSql { get; set; } = new();
}

/// <summary>The <c>Storage:Sqlite</c> settings section.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file; a relative path is relative to the working folder. Created on start.</summary>
    [Required]
    public string Path { get; set; } = "data/kitbot.db";
}

/// <summary>The <c>Storage:PostgreSql</c> settings section.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The Npgsql connection string; required when Storage:Provider is PostgreSql. Keep the password in the environment.</summary>
    public string ConnectionString { get; set; } = "";
}
