using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitBot.Testing;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace KitBot.Tests.Journeys;

/// <summary>
/// Presses every button on every card a practitioner can reach from the welcome card, breadth first: each press is
/// made on a fresh card, in a fresh chat that got there by pressing the buttons before it. No press may fail, be
/// called stale, or be answered "no longer in use".
/// </summary>
public sealed partial class CardCrawlerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxDepth = 14;
    private const int MaxPresses = 400;

    private static readonly string[] RefusedReplies =
    [
        "no longer in use",
        "from an earlier step",
        "something went wrong",
    ];

    private FakeTimeProvider _clock = null!;
    private FakeConnector _connector = null!;
    private ReminderHost _host = null!;
    private int _chats;

    public async Task InitializeAsync()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        _connector = await FakeConnector.StartAsync();
        // With a consultants' channel, so "Ask a consultant" goes all the way.
        _host = await ReminderHost.StartAsync(_clock, settings:
            ["Requests:Channel:ConversationId=19:consultants@thread.tacv2", $"Requests:Channel:ServiceUrl={_connector.ServiceUrl}", "Requests:Channel:TenantId=tenant-1"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task EveryButtonOnEveryReachableCard_IsAnswered()
    {
        var queue = new Queue<IReadOnlyList<string>>();
        var explored = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var presses = 0;

        // The root: the welcome card's buttons.
        var root = await ReplayAsync([]);
        explored.Add(Signature(root.Screen));
        foreach (var title in Titles(root.Screen))
        {
            queue.Enqueue([title]);
        }

        while (queue.Count > 0 && presses < MaxPresses)
        {
            var path = queue.Dequeue();
            presses++;
            var (screen, said) = await ReplayAsync(path);
            output.WriteLine($"{string.Join(" > ", path)} => [{string.Join(", ", Titles(screen))}]");
            if (said.FirstOrDefault(s => RefusedReplies.Any(r => s.Contains(r, StringComparison.OrdinalIgnoreCase))) is { } refusal)
            {
                problems.Add($"{string.Join(" > ", path)}: \"{refusal}\"");
                continue;
            }

            // A screen already seen (the same buttons) has had its buttons queued once.
            if (path.Count >= MaxDepth || !explored.Add(Signature(screen)))
            {
                continue;
            }

            foreach (var title in Titles(screen))
            {
                queue.Enqueue([.. path, title]);
            }
        }

        output.WriteLine($"{presses} presses on {explored.Count} distinct screens; {queue.Count} left unpressed at the bound.");
        Assert.True(explored.Count > 15, $"The crawl reached only {explored.Count} screens.");
        Assert.True(problems.Count == 0, "Presses answered badly:\n" + string.Join("\n", problems));
    }

    /// <summary>In a new chat: the welcome, then each press in turn on the newest card that shows it.</summary>
    private async Task<(IReadOnlyList<JsonObject> Screen, IReadOnlyList<string> Said)> ReplayAsync(IReadOnlyList<string> path)
    {
        var n = Interlocked.Increment(ref _chats);
        var chat = await _host.AddConversationAsync(_connector, $"a:crawl-{n}", $"29:crawler-{n}");
        var me = new CardUser(_host, _connector, chat, _clock);
        await me.StartAsync();
        foreach (var title in path)
        {
            // A person fills the form in: every input left empty gets a sample answer (the first choice, some text),
            // in the first row of a repeated group (one important person, not six).
            var (card, action) = me.Find(a => a["title"]?.GetValue<string>() == title)
                ?? throw new InvalidOperationException($"'{title}' is not on screen.");
            var answers = CardScreen.Descendants(card)
                .Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true
                    && o["id"]?.GetValue<string>() is { } id && !LaterRow().IsMatch(id) && string.IsNullOrEmpty(o["value"]?.ToString()))
                .ToDictionary(o => o["id"]!.GetValue<string>(), _ => CardUser.FirstChoice);
            await me.PressAsync(card, action, answers);
        }

        var screen = me.Latest.Select(CardUser.Card).OfType<JsonObject>().ToList();
        var said = me.Latest.Select(c => c.Activity["text"]?.GetValue<string>()).OfType<string>().ToList();
        return (screen, said);
    }

    private static IEnumerable<string> Titles(IEnumerable<JsonObject> screen) =>
        screen.SelectMany(CardScreen.Buttons).Select(b => b["title"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>What makes two screens the same to a person: each card's heading and the buttons it shows.</summary>
    private static string Signature(IEnumerable<JsonObject> screen) =>
        string.Join("||", screen.Select(card =>
            CardScreen.Descendants(card).FirstOrDefault(o => o["type"]?.GetValue<string>() == "TextBlock")?["text"]?.GetValue<string>() + ":"
            + string.Join("|", CardScreen.Buttons(card)
                .Select(b => (b["data"]?["verb"]?.GetValue<string>() ?? b["verb"]?.GetValue<string>()) + ":" + b["title"]?.GetValue<string>())
                .Order(StringComparer.Ordinal))));

    [GeneratedRegex(@"[1-9]\d*$")]
    private static partial Regex LaterRow();
}
