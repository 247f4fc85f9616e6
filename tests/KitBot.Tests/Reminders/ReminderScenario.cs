using System.Globalization;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Reminders;

/// <summary>A host on a fake clock, a fake connector, and one practitioner's personal chat: the setting for reminder tests.</summary>
public sealed class ReminderScenario : IAsyncDisposable
{
    public const string User = "user-1";
    public const string Conversation = "conv-1";

    private ReminderScenario(FakeTimeProvider clock, FakeConnector connector, ReminderHost host)
    {
        Clock = clock;
        Connector = connector;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }

    public FakeConnector Connector { get; }

    public ReminderHost Host { get; }

    public static async Task<ReminderScenario> StartAsync(string nowUtc, params string[] settings)
    {
        var clock = new FakeTimeProvider(Utc(nowUtc));
        var connector = await FakeConnector.StartAsync();
        var host = await ReminderHost.StartAsync(clock, settings: settings);
        await host.AddConversationAsync(connector, Conversation, User);
        return new ReminderScenario(clock, connector, host);
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Moves the fake clock to <paramref name="nowUtc"/> and runs a sweep, as the recurring job would.</summary>
    public async Task<int> SweepAtAsync(string nowUtc)
    {
        Clock.SetUtcNow(Utc(nowUtc));
        return await Host.Delivery.SweepAsync(CancellationToken.None);
    }

    /// <summary>Adds one review due on <paramref name="due"/> (London), with its reminder at the working-hours slot.</summary>
    public async Task<StoredReview> AddReviewAsync(string due, string conversation = Conversation, ReviewKind kind = ReviewKind.Statutory, int sequence = 1)
    {
        var hours = Host.Get<ReminderCalendar>().For("Europe/London");
        var date = Date(due);
        var review = new StoredReview(
            StoredReview.NewId(), "plan-1", $"msteams:{conversation}", User, ReviewStage.PlacedForAdoption, kind, sequence,
            $"Statutory review {sequence}", date, "Europe/London", hours.ReminderSlot(date), hours.ReminderSlot(date), ReviewState.Pending);
        await Host.Reviews.AddAsync([review], Clock.GetUtcNow(), CancellationToken.None);
        return review;
    }

    /// <summary>The practitioner's state: one drafted plan, "plan-1", that reviews can be set up for.</summary>
    public static ConversationState State { get; } = ConversationState.New with
    {
        Plans = [new PlanState { Id = "plan-1", Title = "Plan for a child aged 5 to 10" }],
    };

    /// <summary>The practitioner presses a review button (or submits a review card) in the personal chat.</summary>
    public Task<IReadOnlyList<Reply>?> ActAsync(string verb, params (string Key, string Value)[] values) =>
        RunAsync(User, Conversation, new CardActionInput(new CardAction(verb, null, null, values.ToDictionary(v => v.Key, v => v.Value))));

    /// <summary>The practitioner types text: answered when it is a review command, null otherwise.</summary>
    public Task<IReadOnlyList<Reply>?> TypeAsync(string text) => RunAsync(User, Conversation, new TextInput(text));

    /// <summary>A review verb run as the turn pipeline runs a stored-row verb; null when the input is not one.</summary>
    public async Task<IReadOnlyList<Reply>?> RunAsync(string user, string conversation, TurnInput input)
    {
        var actions = Host.Get<ReviewActions>();
        if (TypedCommands.ActionOf(input) is not { } action || !actions.Verbs.Contains(action.Verb))
        {
            return null;
        }

        var reference = new KitBot.Conversations.ConversationReference(
            $"msteams:{conversation}", "msteams", conversation, Connector.ServiceUrl, user, "bot-1", null, false);
        var turn = new Turn(new TurnUser(user), new TurnConversation(conversation), input, Clock.GetUtcNow());
        return await actions.HandleAsync(new KitBot.Turns.StoredTurn(turn, action, reference, null, State), CancellationToken.None);
    }

    public async Task<StoredReview> ReviewAsync(string id) =>
        (await Host.Reviews.GetAsync(id, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
