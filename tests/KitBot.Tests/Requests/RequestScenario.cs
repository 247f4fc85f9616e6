using System.Globalization;
using KitBot.Conversations;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using KitBot.Requests;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Requests;

/// <summary>
/// A host on a fake clock, a fake connector, a practitioner's personal chat and the consultants' channel (from
/// settings): the setting for request tests. Hangfire's server is off; tests run the jobs themselves.
/// </summary>
public sealed class RequestScenario : IAsyncDisposable
{
    public const string Practitioner = "user-1";
    public const string Chat = "conv-1";
    public const string ChannelId = "consultants-channel";

    private RequestScenario(FakeTimeProvider clock, FakeConnector connector, ReminderHost host)
    {
        Clock = clock;
        Connector = connector;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }

    public FakeConnector Connector { get; }

    public ReminderHost Host { get; }

    public IRequestStore Store => Host.Get<IRequestStore>();

    public RequestJobs Jobs => Host.Get<RequestJobs>();

    public ConversationReference ChannelReference => new(
        ConversationReference.KeyFor("msteams", ChannelId), "msteams", ChannelId, Connector.ServiceUrl, "", null, "tenant-1", IsGroup: true);

    public static async Task<RequestScenario> StartAsync(string nowUtc, bool channelInSettings = true, params string[] settings)
    {
        var clock = new FakeTimeProvider(Utc(nowUtc));
        var connector = await FakeConnector.StartAsync();
        string[] all =
        [
            .. channelInSettings
                ? new[] { $"Requests:Channel:ConversationId={ChannelId}", $"Requests:Channel:ServiceUrl={connector.ServiceUrl}", "Requests:Channel:TenantId=tenant-1" }
                : [],
            "Requests:RaiseAfter=02:00:00",
            .. settings,
        ];
        var host = await ReminderHost.StartAsync(clock, settings: all);
        await host.AddConversationAsync(connector, Chat, Practitioner);
        return new RequestScenario(clock, connector, host);
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The practitioner submits the request form in the personal chat.</summary>
    public Task<IReadOnlyList<Reply>?> SubmitAsync(string question, string urgency = "ThisWeek", string when = "Weekday mornings") =>
        HandleAsync(
            new Turn(new TurnUser(Practitioner), new TurnConversation(Chat), Action(RequestVerbs.Submit,
                (RequestVerbs.Question, question), (RequestVerbs.Urgency, urgency), (RequestVerbs.Contact, "TeamsCall"), (RequestVerbs.When, when)), Clock.GetUtcNow()),
            new ConversationReference(ConversationReference.KeyFor("msteams", Chat), "msteams", Chat, Connector.ServiceUrl, Practitioner, "bot-1", "tenant-1", false),
            "Pat Practitioner",
            CancellationToken.None);

    /// <summary>A consultant presses a button on a request card in the channel.</summary>
    public Task<IReadOnlyList<Reply>?> ConsultantAsync(string userId, string name, string verb, string requestId, params (string Key, string Value)[] values) =>
        HandleAsync(
            new Turn(new TurnUser(userId), new TurnConversation(ChannelId, IsGroup: true),
                Action(verb, [(RequestVerbs.RequestId, requestId), .. values]), Clock.GetUtcNow()),
            ChannelReference with { UserId = userId },
            name,
            CancellationToken.None);

    /// <summary>Someone types in a conversation.</summary>
    public Task<IReadOnlyList<Reply>?> TypeAsync(string userId, string text, ConversationReference where) =>
        HandleAsync(
            new Turn(new TurnUser(userId), new TurnConversation(where.ConversationId, where.IsGroup), new TextInput(text), Clock.GetUtcNow()),
            where,
            "Someone",
            CancellationToken.None);

    /// <summary>A request verb run as the turn pipeline runs a stored-row verb; null when the input is not one.</summary>
    public async Task<IReadOnlyList<Reply>?> HandleAsync(Turn turn, ConversationReference where, string? name, CancellationToken cancellationToken)
    {
        var requests = Host.Get<ConsultationRequests>();
        return KitBot.Dialogs.Engine.TypedCommands.ActionOf(turn.Input) is { } action && requests.Verbs.Contains(action.Verb)
            ? await requests.HandleAsync(turn, action, where, name, cancellationToken)
            : null;
    }

    /// <summary>The only open request.</summary>
    public async Task<StoredRequest> OnlyRequestAsync() => Assert.Single(await Store.ListOpenAsync(100, CancellationToken.None));

    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId) => Connector.Calls.Where(c => c.ConversationId == conversationId).ToList();

    public static string Text(IReadOnlyList<Reply>? replies) => Assert.IsType<TextReply>(Assert.Single(replies!)).Text;

    private static CardActionInput Action(string verb, params (string Key, string Value)[] values) =>
        new(new CardAction(verb, null, null, values.ToDictionary(v => v.Key, v => v.Value)));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
