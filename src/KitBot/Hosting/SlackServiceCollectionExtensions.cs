using KitBot.Channels.Slack;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Registers the Slack channel; its endpoints and worker only run when <c>Slack:Enabled</c> is true.</summary>
public static class SlackServiceCollectionExtensions
{
    public static IServiceCollection AddSlackChannel(this IServiceCollection services)
    {
        // Validated at start: a bad workspace entry stops the host with a message naming it (STYLE.md 9).
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SlackWorkspaces>();
        services.AddSingleton<SlackChannelPacer>();
        services.AddHttpClient<SlackWebApiClient>((sp, client) =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        })
            // As for the Teams connector: a reply is a request, and SlackWebApiClient logs the failures itself.
            .RemoveAllLoggers();
        services.AddSingleton<SlackSender>();
        services.AddSingleton<Channels.IChannel>(sp => sp.GetRequiredService<SlackSender>());
        // Forms too large for a message wait here for their "Open the form" button.
        services.AddSingleton<SlackFormStore>();
        services.AddSingleton<SlackAdapter>();

        // Endpoints only acknowledge; the queue and worker do the turns (Slack wants an answer within 3 s). The work is
        // recorded in the database before the acknowledgement, so any instance can finish it.
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackWorkStore>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackIntake>();
        services.AddSingleton<SlackServices>();
        services.AddHostedService<SlackWorker>();

        // Socket Mode: the same intake fed from a websocket KitBot opens, when Slack:AppToken is set (it returns at once otherwise).
        services.AddSingleton<Channels.Slack.SocketMode.SocketModeHandler>();
        services.AddHostedService<Channels.Slack.SocketMode.SocketModeService>();
        return services;
    }
}
