using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Plans;
using KitBot.Turns;

namespace KitBot.Channels.Console;

/// <summary>
/// <c>dotnet run --project src/KitBot -- chat</c>: the same dialogs in a terminal. Cards are shown as text,
/// their inputs asked one by one and their buttons numbered. State is stored like any channel's, so a chat
/// resumes where it left off.
/// </summary>
public sealed class ConsoleChat(TurnProcessor turns, CardRenderer cards, TimeProvider time, DownloadLinks downloads)
{
    private const string ConversationId = "local";
    private const string UserId = "console-user";
    private static readonly string ConversationKey = ConversationReference.KeyFor("console", ConversationId);
    private static readonly string StateKey = ConversationReference.StateKeyFor(ConversationKey, UserId);
    private IReadOnlyList<CardButton> _buttons = [];
    private CardText? _lastCard;

    /// <summary>Runs until the input ends or the user types <c>exit</c>.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("KitBot terminal chat. Type a message, a number to press a button, or 'exit'.");
        await TakeTurnAsync(new ConversationStartedInput(), output, cancellationToken);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            line = line.Trim();
            if (line.Equals("exit", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            TurnInput turnInput = int.TryParse(line, out var number) && number >= 1 && number <= _buttons.Count
                ? await PressAsync(_buttons[number - 1], input, output, cancellationToken)
                : new TextInput(line);
            await TakeTurnAsync(turnInput, output, cancellationToken);
        }
    }

    private async Task<TurnInput> PressAsync(CardButton button, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (button.Url is not null || button.Data is null)
        {
            await output.WriteLineAsync($"Open this link: {button.Url}");
            return new TextInput("menu");
        }

        var data = (JsonObject)button.Data.DeepClone();
        foreach (var field in _lastCard?.Inputs ?? [])
        {
            data[field.Id] = await AskAsync(field, input, output, cancellationToken);
        }

        return new CardActionInput(CardActionData.Read(data));
    }

    private static async Task<string> AskAsync(CardInput field, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var current = string.IsNullOrEmpty(field.Value) ? "" : $" [{field.Value}]";
        await output.WriteLineAsync($"{field.Label}{current}");
        for (var i = 0; i < field.Choices.Count; i++)
        {
            await output.WriteLineAsync($"  {i + 1}. {field.Choices[i].Title}");
        }

        if (field.IsMultiSelect)
        {
            await output.WriteLineAsync("  (numbers separated by commas)");
        }

        await output.WriteAsync("> ");
        var answer = (await input.ReadLineAsync(cancellationToken) ?? "").Trim();
        if (answer.Length == 0)
        {
            return field.Value ?? "";
        }

        if (field.Choices.Count == 0)
        {
            return answer;
        }

        // Numbers pick choices; anything else is taken as typed, so the core can say what it expected.
        var picked = answer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, out var n) && n >= 1 && n <= field.Choices.Count ? field.Choices[n - 1].Value : part);
        return string.Join(",", picked);
    }

    private async Task TakeTurnAsync(TurnInput turnInput, TextWriter output, CancellationToken cancellationToken)
    {
        var turn = new Turn(new TurnUser(UserId), new TurnConversation(ConversationId), turnInput, time.GetUtcNow(), "en-GB");
        foreach (var reply in await turns.RunAsync(ConversationKey, turn, cancellationToken))
        {
            await WriteAsync(reply, output);
        }
    }

    private async Task WriteAsync(Reply reply, TextWriter output)
    {
        switch (reply)
        {
            case TextReply text:
                await output.WriteLineAsync(text.Text);
                break;
            case CardReply card:
                await ShowAsync(CardText.From(cards.Render(card)), output);
                break;
            case DownloadReply download:
                // Served by KitBot's web endpoint: the link works while KitBot is also running as a server.
                var link = downloads.Issue(StateKey, download.PlanId, download.Format);
                await output.WriteLineAsync($"{download.Text} Open this link within {(int)Math.Ceiling(downloads.Lifetime.TotalMinutes)} minutes (it works while KitBot is running as a server): {link.Url}");
                break;
            case ChoicesReply choices:
                await ShowAsync(new CardText(
                    choices.Prompt,
                    [],
                    choices.Choices.Select(c => new CardButton(c.Label, new JsonObject { [CardActionFields.Verb] = c.Verb }, null)).ToList()), output);
                break;
        }

        await output.WriteLineAsync();
    }

    private async Task ShowAsync(CardText card, TextWriter output)
    {
        _lastCard = card;
        _buttons = card.Buttons;
        await output.WriteLineAsync(card.Text);
        if (card.Inputs.Count > 0)
        {
            await output.WriteLineAsync($"(This card asks {card.Inputs.Count} question(s); choose a button and I will ask them.)");
        }

        for (var i = 0; i < card.Buttons.Count; i++)
        {
            await output.WriteLineAsync($"  {i + 1}) {card.Buttons[i].Title}");
        }
    }
}
