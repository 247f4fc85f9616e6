using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Privacy;

/// <summary>
/// With PostgreSQL, instances share one key ring, so they must share its key-encryption key: a key file created
/// beside each instance's (unused) SQLite path would differ per instance, and each would fail to read the others' keys.
/// </summary>
public sealed class KeyProtectionOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options) =>
        storage.Value.Provider == "PostgreSql" && options.Key.Length == 0 && options.KeyFile.Length == 0
            ? ValidateOptionsResult.Fail(
                "Storage:Provider is PostgreSql, so set DataProtection:Key (the same 32-byte base64 key on every instance, " +
                "for example from Key Vault) or DataProtection:KeyFile (one protected file every instance reads).")
            : ValidateOptionsResult.Success;
}
