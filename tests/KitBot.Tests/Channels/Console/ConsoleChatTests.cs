using System.Text;
using System.Text.RegularExpressions;
using KitBot.Channels.Console;
using KitBot.Dialogs.Engine;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Tests.Channels.Console;

/// <summary>The terminal chat, driven as a person at a keyboard would: reading the screen, typing numbers.</summary>
public sealed partial class ConsoleChatTests
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
    /// Answers whatever the terminal asks: in each card's form, the first choice for every required question still
    /// unanswered and one important person (the first relationship and label); then the button that moves on (Next,
    /// through the provisional plan cards, then Finish). Stops when the plan is on screen, or after a bounded number of lines.
    /// </summary>
    private sealed partial class Practitioner(StringWriter screen) : TextReader
    {
        private readonly Queue<string> _typed = new();
        private int _read;
        private int _lines;

        public bool ReachedThePlan { get; private set; }

        public int Prompts => _lines;

        public override string? ReadLine()
        {
            if (_typed.TryDequeue(out var queued))
            {
                return queued;
            }

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

            // A card's form ends with "> ": answer what must be answered, then Enter sends it.
            if (fresh.EndsWith("> ", StringComparison.Ordinal))
            {
                var answers = new List<string>();
                var person = false;
                foreach (Match question in FormLine().Matches(fresh))
                {
                    var (number, label, required) = (question.Groups[1].Value, question.Groups[2].Value, question.Groups[3].Success);
                    if (label.StartsWith("Relationship", StringComparison.Ordinal) && !person)
                    {
                        answers.Add($"{number}=1");
                    }
                    else if (label.StartsWith("Label", StringComparison.Ordinal) && !person)
                    {
                        answers.Add($"{number}=Older brother");
                        person = true;
                    }
                    else if (required)
                    {
                        answers.Add($"{number}=1");
                    }
                }

                foreach (var answer in answers.Skip(1))
                {
                    _typed.Enqueue(answer);
                }

                _typed.Enqueue("");
                return answers.FirstOrDefault() ?? _typed.Dequeue();
            }

            return Button(fresh, "Start a consultation") ?? Button(fresh, "Next") ?? Button(fresh, "Finish") ?? "1";
        }

        [GeneratedRegex(@"(?m)^\s*(\d+)\. (.*?)( \(required\))?(?: \(up to \d+ characters\))?: not answered")]
        private static partial Regex FormLine();

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
