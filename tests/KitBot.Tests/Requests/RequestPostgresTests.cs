using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using KitBot.Requests;
using KitBot.Tests.Support;
using static KitBot.Tests.Requests.RequestScenario;

namespace KitBot.Tests.Requests;

/// <summary>The claim race on a real PostgreSQL server, across two KitBot hosts sharing it.</summary>
public sealed class RequestPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task TwentyConcurrentClaimsAcrossTwoHosts_ExactlyOneSucceeds()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);

        var database = await postgres.CreateDatabaseAsync("request_claims");
        string[] settings = PostgresServer.HostSettings(database);
        await using var s = await StartAsync("2026-01-19T10:00:00Z", true, settings);
        await using var other = await ReminderHost.StartAsync(s.Clock, settings:
        [
            .. settings, $"Requests:Channel:ConversationId={ChannelId}", $"Requests:Channel:ServiceUrl={s.Connector.ServiceUrl}",
        ]);
        await s.SubmitAsync("How do we prepare adopters for a first meeting with a grandparent?");
        var request = await s.OnlyRequestAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
        {
            var host = i % 2 == 0 ? s.Host : other;
            return host.Get<ConsultationRequests>().HandleAsync(
                new Turn(new TurnUser($"29:c{i}"), new TurnConversation(ChannelId, true),
                    new CardActionInput(new CardAction(RequestVerbs.Claim, null, null, new Dictionary<string, string> { [RequestVerbs.RequestId] = request.Id })),
                    s.Clock.GetUtcNow()),
                s.ChannelReference with { UserId = $"29:c{i}" }, $"Consultant {i}", CancellationToken.None);
        })));

        var texts = replies.Select(Text).ToList();
        Assert.Single(texts, t => t.StartsWith("You have taken", StringComparison.Ordinal));
        var stored = await s.Store.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal(19, texts.Count(t => t == $"{stored!.ClaimedName} has already taken request {request.Reference}."));
        Assert.Single(s.CallsTo(ChannelId), c => c.Method == "PUT");
    }
}
