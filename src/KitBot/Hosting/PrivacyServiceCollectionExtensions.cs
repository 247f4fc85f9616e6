using KitBot.Privacy;
using KitBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>
/// Registers privacy: state encrypted at rest with Data Protection keys kept in KitBot's database, the audit
/// trail, retention and "forget me". Call after the stores are registered (it wraps <see cref="IConversationStore"/>).
/// </summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StorageConnections>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DataRetention>();
        services.AddHostedService<RetentionScheduler>();

        // Keys in the database, so every instance on it shares one key ring; Plans:DataProtectionKeysPath, when
        // set, still wins (it is configured first), for deployments that keep keys in a mounted folder.
        services.AddDataProtection().SetApplicationName("KitBot");
        services.AddOptions<KeyManagementOptions>().PostConfigure<StorageConnections>((keys, connections) =>
            keys.XmlRepository ??= new DatabaseXmlRepository(connections));

        // The key ring is encrypted with a key that is not in the database (DataProtection:Key, or a key file beside
        // the SQLite file), so a copy of the database alone decrypts nothing.
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionOptionsValidator>();
        services.AddSingleton(sp => KeyEncryptionKey.Load(
            sp.GetRequiredService<IOptions<KeyProtectionOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddOptions<KeyManagementOptions>().PostConfigure<KeyEncryptionKey>((keys, key) =>
            keys.XmlEncryptor ??= new AesGcmXmlEncryptor(key));

        // Encrypt state whichever store was chosen: wrap the registration in place.
        services.AddSingleton<StateKeys>();
        services.Decorate<IConversationStore>((sp, inner) => new EncryptingConversationStore(
            inner, sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<StateKeys>()));
        return services;
    }
}
