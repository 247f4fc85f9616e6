using KitBot.Requests;
using KitBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Registers consultation requests (issue 7): the request store, the channel, the jobs. Needs AddReminders (Hangfire, working hours).</summary>
public static class RequestServiceCollectionExtensions
{
    public static IServiceCollection AddConsultationRequests(this IServiceCollection services)
    {
        // A bad RaiseAfter stops the host at start with a message naming it.
        services.AddOptions<RequestOptions>().BindConfiguration(RequestOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Requests live beside conversations and reviews: PostgreSQL when configured, else the SQLite file.
        services.TryAddSingleton<IRequestStore, DbRequestStore>();
        // The practitioner's free text (question, when to call, shared summary) is encrypted at rest, like conversation state.
        services.Decorate<IRequestStore>((sp, inner) => new EncryptingRequestStore(
            inner, sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
        services.AddSingleton<RequestChannel>();
        services.AddSingleton<ConsultationRequests>();
        services.AddSingleton<Turns.IStoredVerbs>(sp => sp.GetRequiredService<ConsultationRequests>());
        services.AddSingleton<RequestJobs>();
        services.TryAddSingleton<IRequestScheduler, HangfireRequestScheduler>();
        services.AddHostedService<RequestSweepStarter>();
        return services;
    }
}
