using KitBot.Hosting;

var builder = KitBotHost.CreateBuilder(args);
builder.AddKitBot();

if (args is ["chat", ..])
{
    // The terminal chat: the same dialogs and storage, no web server.
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    await builder.Build().RunConsoleChatAsync();
    return;
}

var app = builder.Build();
app.MapKitBot();
app.Lifetime.ApplicationStarted.Register(() => KitBotHost.PrintWelcome(app));
app.Run();

/// <summary>The entry point; public so the test host can find it.</summary>
public partial class Program;
