namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>One fake Slack and one KitBot host shared by a test class; tests keep apart by using their own channels.</summary>
public sealed class SlackHostFixture : IAsyncLifetime
{
    public FakeSlackApi Slack { get; private set; } = null!;

    public SlackHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Bot = await SlackHost.StartAsync(Slack);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
