using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Dialogs.Engine;
using KitBot.Storage;
using KitBot.Turns;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Composition: what <c>Program.cs</c> calls, and what the tests call to start a real host.</summary>
public static class KitBotHost
{
    /// <summary>
    /// A builder rooted at the application folder, where the build puts <c>appsettings.json</c> and <c>cards/</c>
    /// from the repository root, so the host behaves the same whatever folder it is started from.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

    /// <summary>Registers everything KitBot needs.</summary>
    public static WebApplicationBuilder AddKitBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Settings are validated at start: a bad value stops the host with a message naming it (STYLE.md 9).
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CardOptions>().BindConfiguration(CardOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);

        // The core is pure and stateless: one instance serves every turn.
        services.AddSingleton<DialogEngine>();
        services.AddSingleton<TurnProcessor>();

        services.AddSingleton<IConversationStore, SqliteConversationStore>();

        services.AddSingleton<ICardTemplateEngine, Cards.Templating.AdaptiveCardTemplateEngine>();
        services.AddSingleton<CardRenderer>();

        services.AddTeamsChannel();
        services.AddReminders();
        services.AddSingleton<Channels.Console.ConsoleChat>();

        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        services.AddProblemDetails();
        return builder;
    }

    /// <summary>Runs the terminal chat on standard input and output.</summary>
    public static Task RunConsoleChatAsync(this WebApplication app) =>
        app.Services.GetRequiredService<Channels.Console.ConsoleChat>().RunAsync(Console.In, Console.Out, CancellationToken.None);

    /// <summary>Tells the person who started KitBot where it listens and how to talk to it.</summary>
    public static void PrintWelcome(WebApplication app)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:3978";
        var messages = url.TrimEnd('/') + "/api/messages";
        Log.Listening(app.Logger, messages);
        Console.WriteLine($"""

            KitBot is running. Bot endpoint: {messages}
            To chat with it as Teams would, open the Microsoft 365 Agents Playground in another terminal:
                npx @microsoft/m365agentsplayground -e {messages} -c msteams
            (or run it from tests/tools after 'npm ci' there: npx agentsplayground -e {messages} -c msteams)
            Health: {url.TrimEnd('/')}/health/ready    Stop: Ctrl+C

            """);
    }

    /// <summary>Maps every endpoint.</summary>
    public static WebApplication MapKitBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapTeams();
        app.MapReminders();

        // Fail fast: build the singletons that read files and open storage now, not on the first message.
        _ = app.Services.GetRequiredService<CardRenderer>();
        _ = app.Services.GetRequiredService<IConversationStore>();
        _ = app.Services.GetRequiredService<DialogEngine>();
        return app;
    }
}
