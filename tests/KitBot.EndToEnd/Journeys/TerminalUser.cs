using KitBot.Conversations;
using System.Text;
using System.Threading.Channels;
using KitBot.Channels.Console;
using KitBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.EndToEnd.Journeys;

/// <summary>
/// A person in the terminal chat (<c>dotnet run --project src/KitBot -- chat</c>): reads the screen, types a button's
/// number, then answers the card's questions one by one as the chat asks them.
/// </summary>
public sealed class TerminalUser : JourneyUser
{
    private readonly Keyboard _keyboard = new();
    private readonly Screen _screen = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _chat;

    private TerminalUser(KitBotServer bot, FakeTimeProvider clock)
        : base(bot, clock)
    {
    }

    public override string UserId => "console-user";

    public override string StateKey => ConversationReference.StateKeyFor(ConversationReference.KeyFor(ConsoleChannel.Channel, "local"), UserId);

    public override string Channel => "terminal";

    internal static async Task<JourneyUser> StartAsync(FakeTimeProvider clock, string[] settings) =>
        new TerminalUser(await StartBotAsync(clock, port: null, settings), clock);

    private ConsoleChannel Terminal => Bot.Get<ConsoleChannel>();

    public override Uri? Link(string title) =>
        Terminal.LastCard?.Buttons.FirstOrDefault(b => b.Title == title && b.Url is not null)?.Url is { } url ? new Uri(url) : null;

    public override bool Shows(string title) => Terminal.LastCard?.Buttons.Any(b => b.Title == title) == true;

    protected override int Mark => _screen.Length;

    protected override string TextSince(int mark) => _screen.Since(mark);

    protected override Task OpenAsync()
    {
        _chat = Task.Run(() => Bot.Get<ConsoleChat>().RunAsync(_keyboard, _screen, _stop.Token));
        return Task.CompletedTask;
    }

    protected override Task SendTextAsync(string text)
    {
        _keyboard.Type(text);
        return Task.CompletedTask;
    }

    protected override Task<bool> TryPressAsync(string title, IReadOnlyDictionary<string, string> answers)
    {
        // The terminal numbers the buttons of the card it showed last; only those can be pressed.
        var card = Terminal.LastCard;
        var (number, button) = Terminal.Numbered.FirstOrDefault(n => n.Value.Title == title);
        if (card is null || button is null)
        {
            return Task.FromResult(false);
        }

        _keyboard.Type(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (button.Data is not null && button.TakesInputs && card.Inputs.Count > 0)
        {
            // The chat shows the card's questions as one numbered form: one line per answer given, then Enter.
            for (var i = 0; i < card.Inputs.Count; i++)
            {
                if (Answer(card.Inputs[i], answers) is { } answer)
                {
                    _keyboard.Type($"{i + 1}={answer}");
                }
            }

            _keyboard.Type("");
        }

        return Task.FromResult(true);
    }

    /// <summary>What the person types for <paramref name="input"/>, or null to leave it as shown.</summary>
    private static string? Answer(CardInput input, IReadOnlyDictionary<string, string> answers)
    {
        var given = answers.TryGetValue(input.Id, out var exact) ? exact
            : answers.FirstOrDefault(a => a.Key.EndsWith('*') && input.Id.StartsWith(a.Key[..^1], StringComparison.Ordinal)).Value;
        if (given is null)
        {
            return null;
        }

        if (given == CardScreen.FirstChoice)
        {
            return input.Choices.Count > 0 ? "1" : "Sample answer about the child's routine";
        }

        // A terminal line has no line breaks.
        given = given.Replace(CardScreen.Shown, input.Value ?? "", StringComparison.Ordinal).Replace('\n', ' ');
        if (input.Choices.Count == 0)
        {
            return given;
        }

        // Choices are picked by number, as the form lists them.
        return string.Join(",", given.Split(',').Select(v =>
        {
            var n = input.Choices.ToList().FindIndex(c => c.Value == v);
            return n >= 0 ? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : v;
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        _keyboard.Type("exit");
        await _stop.CancelAsync();
        if (_chat is not null)
        {
            try
            {
                await _chat;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
        await Bot.DisposeAsync();
    }

    /// <summary>What the person types, line by line, read by the chat when it asks.</summary>
    private sealed class Keyboard : TextReader
    {
        private readonly Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void Type(string line) => _lines.Writer.TryWrite(line);

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await _lines.Reader.ReadAsync(cancellationToken);

        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The terminal's screen: everything written, readable from any position while the chat writes.</summary>
    private sealed class Screen : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public int Length
        {
            get
            {
                lock (_text)
                {
                    return _text.Length;
                }
            }
        }

        public string Since(int mark)
        {
            lock (_text)
            {
                return _text.ToString(mark, _text.Length - mark);
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + NewLine);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync()
        {
            Write(NewLine);
            return Task.CompletedTask;
        }
    }
}
