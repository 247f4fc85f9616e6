using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>
/// A practitioner's personal Teams chat with a real KitBot host (reminders swept by the test) and a fake connector, on
/// a clock only the test moves, starting Monday 16 November 2026, 10:00 in London.
/// </summary>
public sealed class TeamsChat : IAsyncDisposable
{
    private TeamsChat(FakeTimeProvider clock, FakeConnector connector, ReminderHost host, CardUser me)
    {
        (Clock, Connector, Host, Me) = (clock, connector, host, me);
    }

    public FakeTimeProvider Clock { get; }

    public FakeConnector Connector { get; }

    public ReminderHost Host { get; }

    /// <summary>The practitioner, pressing only what the cards show.</summary>
    public CardUser Me { get; }

    public static async Task<TeamsChat> StartAsync(string conversationId, string userId)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        var connector = await FakeConnector.StartAsync();
        var host = await ReminderHost.StartAsync(clock);
        var chat = await host.AddConversationAsync(connector, conversationId, userId);
        return new TeamsChat(clock, connector, host, new CardUser(host, connector, chat, clock));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
