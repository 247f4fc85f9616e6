using KitBot.Hosting;

// dotnet run --project src/KitBot [-- chat | -- package-teams [--out=kitbot-teams.zip]] [--Section:Key=value ...]
var command = args is [var first, ..] && !first.StartsWith('-') ? first : "serve";
var settings = command == "serve" ? args : args[1..];

var builder = KitBotHost.CreateBuilder(settings);
if (command == "package-teams")
{
    // Reads only Teams:AppId and TeamsApp: no host is built, so no secret or database is needed.
    return KitBot.Packaging.TeamsPackageCommand.Run(builder.Configuration, builder.Configuration["out"] ?? "kitbot-teams.zip", Console.Out, Console.Error);
}

builder.AddKitBot();

switch (command)
{
    case "chat":
        // The terminal chat: the same dialogs and storage, no web server.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await builder.Build().RunConsoleChatAsync();
        return 0;
    case "serve":
        var app = builder.Build();
        app.MapKitBot();
        app.Lifetime.ApplicationStarted.Register(() => KitBotHost.PrintWelcome(app));
        await app.RunAsync();
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Use no command to serve, 'chat' for the terminal chat, or 'package-teams'.");
        return 2;
}

/// <summary>The entry point; public so the test host can find it.</summary>
public partial class Program;
