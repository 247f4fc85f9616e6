using System.ComponentModel.DataAnnotations;

namespace KitBot.Privacy;

/// <summary>
/// The <c>DataProtection</c> settings section: the key-encryption key that protects the Data Protection key ring,
/// which itself lives in the database. Without it, a copy of the database cannot decrypt anything.
/// </summary>
public sealed class KeyProtectionOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A 256-bit key as base64, normally from the environment (<c>DataProtection__Key</c>), for example an Azure Key
    /// Vault secret referenced by the App Service or Container Apps setting. When set, no key file is read or written.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>
    /// The key file, created on first start when missing (base64, readable by its owner only). Empty puts it beside
    /// the SQLite database (<c>data/kitbot.db</c> gives <c>data/kitbot.key</c>): a separate file, never a table.
    /// </summary>
    public string KeyFile { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Key.Length > 0 && KeyEncryptionKey.Parse(Key) is null)
        {
            yield return new ValidationResult("DataProtection:Key must be 32 bytes as base64 (for example from `openssl rand -base64 32`).", [nameof(Key)]);
        }

    }
}
