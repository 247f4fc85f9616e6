using System.Security.Cryptography;
using KitBot.Storage;
using Microsoft.Extensions.Options;

namespace KitBot.Privacy;

/// <summary>
/// The key that encrypts the Data Protection key ring before it is stored (<see cref="AesGcmXmlEncryptor"/>). It never
/// goes into the database: it comes from <c>DataProtection:Key</c> or a key file beside the database.
/// </summary>
public sealed class KeyEncryptionKey
{
    private KeyEncryptionKey(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    /// <summary>A short public name of the key (a hash prefix), stored with each encrypted key so a wrong key is named.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16];

    public static KeyEncryptionKey? Parse(string base64)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32 ? new KeyEncryptionKey(buffer[..32]) : null;
    }

    /// <summary>The configured key, or the key file's (created when missing).</summary>
    public static KeyEncryptionKey Load(KeyProtectionOptions options, StorageOptions storage)
    {
        if (options.Key.Length > 0)
        {
            return Parse(options.Key)!;
        }

        var path = FilePath(options, storage);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Parse(File.ReadAllText(path))
            ?? throw new OptionsValidationException(KeyProtectionOptions.Section, typeof(KeyProtectionOptions),
                [$"DataProtection:KeyFile '{path}' does not hold a 32-byte base64 key."]);
    }

    /// <summary>Where the key file is: the setting, or beside the SQLite database with the extension <c>.key</c>.</summary>
    public static string FilePath(KeyProtectionOptions options, StorageOptions storage) =>
        Path.GetFullPath(options.KeyFile.Length > 0 ? options.KeyFile : Path.ChangeExtension(storage.Sqlite.Path, ".key"));

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
        }
    }
}
