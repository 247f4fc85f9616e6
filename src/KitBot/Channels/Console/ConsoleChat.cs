using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Turns;

namespace KitBot.Channels.Console;

/// <summary>
/// <c>dotnet run --project src/KitBot -- chat</c>: the same dialogs in a terminal. Cards are shown as text,
/// their inputs asked one by one and their buttons numbered. State is stored like any channel's, so a chat
/// resumes where it left off.
/// </summary>
public sealed class ConsoleChat(TurnProcessor turns, ConsoleChannel channel, IConversationStore store, TimeProvider time)
{
    private const string ConversationId = "local";
    private const string UserId = "console-user";
    private static readonly ConversationReference Reference = new(
        ConversationReference.KeyFor(ConsoleChannel.Channel, ConversationId), ConsoleChannel.Channel, ConversationId, "", UserId, null, null, IsGroup: false);

    /// <summary>Runs until the input ends or the user types <c>exit</c>.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        channel.Attach(output);
        // Stored like any channel's reference, so reviews set up here are delivered here while the chat is open.
        await store.SaveReferenceAsync(Reference, time.GetUtcNow(), cancellationToken);
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

            var buttons = channel.LastCard?.Buttons ?? [];
            TurnInput? turnInput = int.TryParse(line, out var number) && number >= 1 && number <= buttons.Count
                ? await PressAsync(buttons[number - 1], input, output, cancellationToken)
                : new TextInput(line);
            if (turnInput is not null)
            {
                await TakeTurnAsync(turnInput, output, cancellationToken);
            }
        }
    }

    private async Task<TurnInput?> PressAsync(CardButton button, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (button.Url is not null || button.Data is null)
        {
            await output.WriteLineAsync($"Open this link: {button.Url}");
            return new TextInput("menu");
        }

        var data = (JsonObject)button.Data.DeepClone();
        var fields = channel.LastCard?.Inputs ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            var answer = await AskAsync(fields[i], input, output, cancellationToken);
            switch (answer.ToLowerInvariant())
            {
                // Understood inside a card's questions, never stored as an answer.
                case "back":
                    i = Math.Max(-1, i - 2);
                    continue;
                case "skip":
                    data[fields[i].Id] = fields[i].Value ?? "";
                    continue;
                case "cancel":
                    await output.WriteLineAsync("Nothing was sent from that card. Type a number to press a button again, or menu.");
                    return null;
            }

            data[fields[i].Id] = answer;
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

        if (answer.ToLowerInvariant() is "back" or "skip" or "cancel" || field.Choices.Count == 0)
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
        // The pipeline renders the replies and writes them through the console channel.
        await turns.RunAsync(Reference, turn, route: null, cancellationToken);
    }
}
