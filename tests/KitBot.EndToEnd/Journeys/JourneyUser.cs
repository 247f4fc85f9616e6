using KitBot.Reminders;
using KitBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.EndToEnd.Journeys;

/// <summary>
/// A practitioner using KitBot in one channel, who only presses buttons the bot has shown them, fills the inputs as a
/// person would, and reads what arrives. The journeys are written once against this and run in every channel.
/// </summary>
public abstract class JourneyUser : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private int _mark;

    protected JourneyUser(KitBotServer bot, FakeTimeProvider clock)
    {
        Bot = bot;
        Clock = clock;
    }

    /// <summary>The channels journeys run in.</summary>
    public static TheoryData<string> Channels => ["teams", "slack", "terminal"];

    /// <summary>The KitBot host this person talks to.</summary>
    public KitBotServer Bot { get; }

    /// <summary>The host's clock, which only the test moves.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The person's id in the channel.</summary>
    public abstract string UserId { get; }

    /// <summary>How colleagues in a shared channel see who this person is (their name, or a mention).</summary>
    public virtual string SeenByColleaguesAs => UserId;

    /// <summary>Where this person's conversation state (and plans) is kept.</summary>
    public abstract string StateKey { get; }

    /// <summary>What this channel is, for failure messages.</summary>
    public abstract string Channel { get; }

    /// <summary>Everything shown to the person since their last action.</summary>
    public string Seen => TextSince(_mark);

    /// <summary>Starts KitBot (embedded storage, reminders swept by the test) and a person in <paramref name="channel"/>.</summary>
    public static async Task<JourneyUser> StartAsync(string channel, params string[] settings)
    {
        // Monday 16 November 2026, 10:00 in London.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        string[] common =
        [
            // The test sweeps due reminders itself, at the times it sets.
            "Reminders:Hangfire:Server=false",
            // One connector attempt: a retry's backoff would wait on the fake clock, which only the test moves.
            "Teams:Connector:MaxAttempts=1",
            "Security:TurnsPerMinutePerUser=1000",
            .. settings,
        ];
        return channel switch
        {
            "teams" => await PlaygroundUser.StartAsync(clock, common),
            "slack" => await SlackUser.StartAsync(clock, common),
            "terminal" => await TerminalUser.StartAsync(clock, common),
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "No such channel."),
        };
    }

    /// <summary>Starts a KitBot host on this clock.</summary>
    protected static Task<KitBotServer> StartBotAsync(FakeTimeProvider clock, int? port, IEnumerable<string> settings) =>
        KitBotServer.StartAsync(null, port, services => services.AddSingleton<TimeProvider>(clock), [.. settings]);

    /// <summary>Opens the chat with KitBot; returns when the welcome is on screen.</summary>
    public async Task StartAsync()
    {
        Act();
        await OpenAsync();
        await WaitForAsync("Start a consultation");
    }

    /// <summary>Types <paramref name="text"/> and waits until something containing <paramref name="expect"/> arrives.</summary>
    public async Task TypeAsync(string text, string expect)
    {
        Act();
        await SendTextAsync(text);
        await WaitForAsync(expect);
    }

    /// <summary>
    /// Presses the button titled <paramref name="title"/> on the newest card that shows one, with the card's inputs
    /// filled from <paramref name="answers"/> (see <see cref="CardScreen.Fill"/>), and waits for <paramref name="expect"/>.
    /// </summary>
    public Task PressAsync(string title, string expect, Dictionary<string, string>? answers = null) =>
        PressAsync(title, [expect], answers);

    /// <summary>As <see cref="PressAsync(string, string, Dictionary{string, string}?)"/>, waiting for any of <paramref name="expectAny"/>.</summary>
    public async Task PressAsync(string title, string[] expectAny, Dictionary<string, string>? answers = null)
    {
        Act();
        if (!await TryPressAsync(title, answers ?? new Dictionary<string, string>()))
        {
            throw new InvalidOperationException($"[{Channel}] No button '{title}' is on screen. Last seen:\n{Tail(TextSince(0))}");
        }

        await WaitForAnyAsync(expectAny);
    }

    /// <summary>The address of the link button titled <paramref name="title"/> on the newest card that shows one.</summary>
    public abstract Uri? Link(string title);

    /// <summary>True when a card on screen shows a button titled <paramref name="title"/>.</summary>
    public abstract bool Shows(string title);

    /// <summary>Moves the clock to <paramref name="at"/> and runs the reminder sweep, as the recurring job would.</summary>
    public async Task<int> SweepAtAsync(DateTimeOffset at)
    {
        _mark = Mark;
        Clock.SetUtcNow(at);
        return await Bot.Get<ReminderDelivery>().SweepAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits until something shown since the last action contains <paramref name="expect"/> (any case); an empty
    /// <paramref name="expect"/> waits for anything at all.
    /// </summary>
    public Task WaitForAsync(string expect) => WaitForAnyAsync([expect]);

    private async Task WaitForAnyAsync(string[] expectAny)
    {
        var until = DateTime.UtcNow + Deadline;
        while (TextSince(_mark) is var seen
            && !expectAny.Any(expect => expect.Length == 0 ? seen.Trim().Length > 0 : seen.Contains(expect, StringComparison.OrdinalIgnoreCase)))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"[{Channel}] Nothing saying '{string.Join("' or '", expectAny)}' arrived within {Deadline}. Seen since the last action:\n{Tail(TextSince(_mark))}\n{Describe()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The person takes a minute to read and act (the clock only moves when the test moves it).</summary>
    private void Act()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        _mark = Mark;
    }

    /// <summary>What the channel recorded lately, for a failure message.</summary>
    protected virtual string Describe() => "";

    /// <summary>A position in what has been shown, to read from later.</summary>
    protected abstract int Mark { get; }

    /// <summary>What has been shown since <paramref name="mark"/>, as text.</summary>
    protected abstract string TextSince(int mark);

    protected abstract Task OpenAsync();

    protected abstract Task SendTextAsync(string text);

    /// <summary>Presses the button if one is on screen; false when none is.</summary>
    protected abstract Task<bool> TryPressAsync(string title, IReadOnlyDictionary<string, string> answers);

    public abstract ValueTask DisposeAsync();

    private static string Tail(string text) => text.Length <= 3000 ? text : "..." + text[^3000..];
}
