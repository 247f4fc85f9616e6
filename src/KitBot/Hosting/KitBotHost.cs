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
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Where KitBot listens is set as in any ASP.NET Core app (ASPNETCORE_URLS, --urls, Urls, Kestrel:Endpoints,
        // ASPNETCORE_HTTP_PORTS); only when none of them is set does it fall back to its own default.
        if (!HasListenSetting(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Where KitBot listens when nothing says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    internal static bool HasListenSetting(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>Registers everything KitBot needs.</summary>
    public static WebApplicationBuilder AddKitBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Settings are validated at start: a bad value stops the host with a message naming it (STYLE.md 9).
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Packaging.TeamsAppOptions>().BindConfiguration(Packaging.TeamsAppOptions.Section).ValidateDataAnnotations();
        services.AddOptions<CardOptions>().BindConfiguration(CardOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);

        // The core is pure and stateless: one instance serves every turn. Its practice content is read and
        // validated once; a broken override file stops the host naming the file and the problem.
        services.AddOptions<Content.ContentOptions>().BindConfiguration(Content.ContentOptions.Section);
        services.AddSingleton(sp => Dialogs.Content.PracticeContent.Load(
            sp.GetRequiredService<IOptions<Content.ContentOptions>>().Value.OverridePath is { Length: > 0 } path ? Path.GetFullPath(path) : null));
        services.AddSingleton(sp => new DialogEngine(
            sp.GetRequiredService<Dialogs.Content.PracticeContent>(), sp.GetRequiredService<Reminders.ReminderCalendar>().Rules));

        // One pipeline for every turn, and one channel interface per channel: reminders and the consultants'
        // channel send through ChannelDirectory without asking which channel it is.
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<Channels.ChannelDirectory>();
        services.AddSingleton<Channels.Console.ConsoleChannel>();
        services.AddSingleton<Channels.IChannel>(sp => sp.GetRequiredService<Channels.Console.ConsoleChannel>());

        services.AddSingleton<IConversationStore, SqliteConversationStore>();

        services.AddSingleton<ICardTemplateEngine, Cards.Templating.AdaptiveCardTemplateEngine>();
        services.AddSingleton<CardRenderer>();

        services.AddTeamsChannel();
        services.AddSlackChannel();
        services.AddReminders();
        services.AddConsultationRequests();
        services.AddPlans();
        services.AddPrivacy();
        services.AddTurnRateLimit();
        services.AddSingleton<Channels.Console.ConsoleChat>();

        // Outermost: most turns come from a conversation whose reference is already stored; skip rewriting it, and
        // tell the reminders when one marked unreachable is heard from again.
        services.Decorate<IConversationStore>((sp, inner) => new ReferenceWriteSkippingStore(inner, sp.GetServices<IReachabilityListener>()));

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
        var url = app.Urls.FirstOrDefault() ?? DefaultUrl;
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
        // First, so every later decision sees the client address only a known proxy (Security:KnownProxies) vouched for.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapTeams();
        Channels.Slack.SlackEndpoints.MapSlack(app);
        app.MapReminders();
        app.MapPlans();

        // Fail fast: build the singletons that read files and open storage now, not on the first message.
        _ = app.Services.GetRequiredService<CardRenderer>();
        _ = app.Services.GetRequiredService<IConversationStore>();
        _ = app.Services.GetRequiredService<DialogEngine>();
        // Every verb a card template carries must have a handler: refuse to start, naming the template and the verb.
        CardVerbCheck.ThrowIfUnanswered(app.Services.GetRequiredService<CardRenderer>(), app.Services.GetRequiredService<TurnProcessor>().Verbs);
        return app;
    }
}
