using KitBot.Plans;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Registers and maps plan downloads (the plans themselves live in the dialog core and its state).</summary>
public static class PlanServiceCollectionExtensions
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Download links are signed with Data Protection; instances behind one address must share keys: in the database
        // by default (AddPrivacy), or in the folder Plans:DataProtectionKeysPath names when it is set.
        services.AddDataProtection().SetApplicationName("KitBot");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<PlanOptions>, ILoggerFactory>((keys, plans, loggers) =>
        {
            if (plans.Value.DataProtectionKeysPath is { Length: > 0 } path)
            {
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(path)), loggers);
            }
        });

        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<DownloadTokenLedger>();
        services.AddSingleton<PlanDownloads>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder routes) => routes.MapPlanDownloads();
}
