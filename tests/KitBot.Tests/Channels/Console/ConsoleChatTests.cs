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
    public async Task AConsultationForThreePeople_TakesAtMost80Prompts_WithBackUsedInsideACard()
    {
        using var host = new KitBotFactory();
        var chat = host.Services.GetRequiredService<ConsoleChat>();
        var screen = new StringWriter();
        var keyboard = new Practitioner(screen, people: 3, backOnce: true);

        await chat.RunAsync(keyboard, screen, CancellationToken.None);

        var output = screen.ToString();
        Assert.True(keyboard.ReachedThePlan, output[^Math.Min(3000, output.Length)..]);
        Assert.True(keyboard.WentBack);
        Assert.Contains("going back a step", output, StringComparison.Ordinal);
        Assert.True(keyboard.Prompts <= 80, $"{keyboard.Prompts} prompts");
        var stored = await host.Services.GetRequiredService<IConversationStore>()
            .LoadStateAsync("console:local:console-user", CancellationToken.None);
        var state = ConversationStateSerializer.Deserialize(stored.Json);
        var plan = Assert.Single(state.Plans);
        // "back" moved the chat back a step; it was never kept as an answer.
        Assert.DoesNotContain("\"back\"", stored.Json, StringComparison.OrdinalIgnoreCase);
        foreach (var label in new[] { "older brother", "maternal grandmother", "former foster carers" })
        {
            Assert.Contains(label, string.Join("\n", plan.Sections.Select(x => x.Text)), StringComparison.OrdinalIgnoreCase);
        }
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
    /// Answers whatever the terminal asks, as a practitioner in a hurry would: each card's form in one line (the
    /// first choice for every required question still unanswered, and <paramref name="people"/> important people,
    /// each a relationship and a label), then Enter; then the button that moves on (Next, through the provisional plan
    /// cards). With <paramref name="backOnce"/>, types back inside the first person's card, then carries on. Stops when
    /// the plan is on screen, or after a bounded number of lines.
    /// </summary>
    private sealed partial class Practitioner(StringWriter screen, int people = 1, bool backOnce = false) : TextReader
    {
        private static readonly string[] Labels = ["Older brother", "Maternal grandmother", "Former foster carers"];
        private readonly Queue<string> _typed = new();
        private int _read;
        private bool _wentBack;
        private string _card = "";

        public bool ReachedThePlan { get; private set; }

        /// <summary>Every line the chat asked for.</summary>
        public int Prompts { get; private set; }

        public bool WentBack => _wentBack;

        public override string? ReadLine()
        {
            Prompts++;
            if (_typed.TryDequeue(out var queued))
            {
                return queued;
            }

            var all = screen.ToString();
            var fresh = all[_read..];
            _read = all.Length;
            if (Prompts > 400 || ReachedThePlan)
            {
                return "exit";
            }

            if (fresh.Contains("here is a draft plan", StringComparison.Ordinal))
            {
                ReachedThePlan = true;
                return "exit";
            }

            // A card's form ends with "> ": answer what must be answered in one line, then Enter sends it.
            if (fresh.EndsWith("> ", StringComparison.Ordinal))
            {
                if (backOnce && !_wentBack && _card.Contains("Person 1 of", StringComparison.Ordinal))
                {
                    _wentBack = true;
                    return "back";
                }

                var answers = new List<string>();
                var (relationships, labels) = (0, 0);
                foreach (Match question in FormLine().Matches(fresh))
                {
                    var (number, label, required) = (question.Groups[1].Value, question.Groups[2].Value, question.Groups[3].Success);
                    if (label.StartsWith("Relationship", StringComparison.Ordinal) && relationships < people)
                    {
                        answers.Add($"{number}={1 + relationships++}");
                    }
                    else if (label.StartsWith("Label", StringComparison.Ordinal) && labels < people)
                    {
                        // Text runs to the end of the line, so labels go on lines of their own.
                        _typed.Enqueue($"{number}={Labels[labels++ % Labels.Length]}");
                    }
                    else if (required)
                    {
                        answers.Add($"{number}=2");
                    }
                }

                _typed.Enqueue("");
                return answers.Count > 0 ? string.Join("; ", answers) : _typed.Dequeue();
            }

            _card = fresh;
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
