using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace KitBot.Privacy;

/// <summary>
/// Decrypts a key written by <see cref="AesGcmXmlEncryptor"/>. Data Protection creates it by type name with the
/// service provider, so it finds the <see cref="KeyEncryptionKey"/> there; a host without it cannot read the keys.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new CryptographicException("No key-encryption key is configured (DataProtection:Key or DataProtection:KeyFile).");
        var id = (string?)encryptedElement.Attribute("kek");
        if (id != key.Id)
        {
            throw new CryptographicException($"This Data Protection key was encrypted with key-encryption key {id}, not the configured {key.Id}.");
        }

        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[sealedBytes.Length - 28];
        using (var aes = new AesGcm(key.Bytes, 16))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes(key.Id));
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
