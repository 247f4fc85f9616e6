using System.Text;
using KitBot.Channels.Console;
using KitBot.Dialogs.Engine;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Tests.Channels.Console;

/// <summary>The terminal chat, driven as a person at a keyboard would: reading the screen, typing numbers.</summary>
public sealed class ConsoleChatTests
{
    [Fact]
    public async Task WholeConsultation_InTheTerminal_EndsWithTheDraftPlan()
    {
        using var host = new KitBotFactory();
        var chat = host.Services.GetRequiredService<ConsoleChat>();
        var screen = new StringWriter();
        var keyboard = new Practitioner(screen);

        await chat.RunAsync(keyboard, screen, CancellationToken.None);

        var output = screen.ToString();
        Assert.True(keyboard.ReachedThePlan, output[^Math.Min(3000, output.Length)..]);
        Assert.Contains("About the child", output);
        Assert.Contains("Who is important to the child", output);
        Assert.Contains("Provisional keeping in touch plan", output);
        Assert.DoesNotContain("${", output);

        var stored = await host.Services.GetRequiredService<IConversationStore>()
            .LoadStateAsync("console:local:console-user", CancellationToken.None);
        Assert.Single(ConversationStateSerializer.Deserialize(stored.Json).Plans);
    }

    [Fact]
    public async Task WelcomeMenu_ShowsEachButtonOnce()
    {
        using var host = new KitBotFactory();
        var screen = new StringWriter();

        await host.Services.GetRequiredService<ConsoleChat>().RunAsync(new StringReader("exit\n"), screen, CancellationToken.None);

        Assert.Equal(1, Count(screen.ToString(), ") Start a consultation"));
        Assert.Equal(1, Count(screen.ToString(), ") Help and privacy"));
    }

    private static int Count(string text, string fragment) =>
        (text.Length - text.Replace(fragment, "", StringComparison.Ordinal).Length) / fragment.Length;

    /// <summary>
    /// Answers whatever the terminal asks: the first choice for every question, nothing for optional text, and the
    /// button that moves on (Next, through the provisional plan cards). Stops when the plan is on screen, or after a bounded number of lines.
    /// </summary>
    private sealed class Practitioner(StringWriter screen) : TextReader
    {
        private int _read;
        private int _lines;

        public bool ReachedThePlan { get; private set; }

        public override string? ReadLine()
        {
            var all = screen.ToString();
            var fresh = all[_read..];
            _read = all.Length;
            if (++_lines > 400 || ReachedThePlan)
            {
                return "exit";
            }

            // The plan step's cards are headed "Provisional keeping in touch plan" too: the drafted plan is announced.
            if (fresh.Contains("here is a draft plan", StringComparison.Ordinal))
            {
                ReachedThePlan = true;
                return "exit";
            }

            // An input question ends with "> ": pick the first choice if it has choices, else leave it blank.
            if (fresh.EndsWith("> ", StringComparison.Ordinal))
            {
                var question = fresh[(fresh.LastIndexOf('\n', fresh.Length - 3) + 1)..];
                var block = fresh[..^2];
                return block.Contains("\n  1. ", StringComparison.Ordinal) && !question.StartsWith("  (", StringComparison.Ordinal) ? "1" : "";
            }

            return Button(fresh, "Start a consultation") ?? Button(fresh, "Next") ?? Button(fresh, "Finish") ?? "1";
        }

        public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

        private static string? Button(string screenText, string title)
        {
            foreach (var line in screenText.Split('\n'))
            {
                var trimmed = line.Trim();
                var close = trimmed.IndexOf(") ", StringComparison.Ordinal);
                if (close > 0 && int.TryParse(trimmed[..close], out var number) && trimmed[(close + 2)..] == title)
                {
                    return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return null;
        }
    }
}
