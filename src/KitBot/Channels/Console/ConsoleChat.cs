using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Turns;

namespace KitBot.Channels.Console;

/// <summary>
/// <c>dotnet run --project src/KitBot -- chat</c>: the same dialogs in a terminal. Cards are shown as text with
/// numbered buttons (a title typed out presses one too); a card's questions come as one numbered form
/// (<see cref="ConsoleForm"/>); a plan's download is written to a file. State is stored like any channel's, so a chat
/// resumes where it left off.
/// </summary>
public sealed class ConsoleChat(TurnProcessor turns, ConsoleChannel channel, IConversationStore store, Plans.PlanDownloads downloads, TimeProvider time)
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

            // A button by the number shown beside it (stable for each kind of card), or by its title typed out.
            var pressed = int.TryParse(line, out var number) && channel.Numbered.TryGetValue(number, out var byNumber)
                ? byNumber
                : channel.LastCard?.Buttons.FirstOrDefault(b => string.Equals(b.Title, line, StringComparison.OrdinalIgnoreCase));
            var turnInput = pressed is not null ? await PressAsync(pressed, input, output, cancellationToken) : new TextInput(line);
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
            await OpenAsync(button.Url, output, cancellationToken);
            return null;
        }

        var fields = button.TakesInputs ? channel.LastCard?.Inputs ?? [] : [];
        if (fields.Count == 0)
        {
            return new CardActionInput(CardActionData.Read((JsonObject)button.Data.DeepClone()));
        }

        // The card's questions as one numbered form, answered in as few lines as the person likes.
        var form = new ConsoleForm(fields);
        await output.WriteLineAsync(form.Describe());
        await output.WriteLineAsync(ConsoleForm.Help(button.Title));
        while (true)
        {
            await output.WriteAsync("> ");
            var line = (await input.ReadLineAsync(cancellationToken))?.Trim();
            switch (line?.ToLowerInvariant())
            {
                case null or "cancel":
                    await output.WriteLineAsync("Nothing was sent from that card. Type a number to press a button again, or menu.");
                    return null;
                case "back":
                    // Understood inside the form, never stored as an answer: the step before this card.
                    await output.WriteLineAsync("Nothing was sent from that card; going back a step.");
                    return new TextInput("back");
                case "list":
                    await output.WriteLineAsync(form.Describe());
                    continue;
                case "" or "send" or "skip":
                    if (form.Missing() is { Count: > 0 } missing)
                    {
                        await output.WriteLineAsync($"Still needed before \"{button.Title}\": {string.Join("; ", missing)}.");
                        continue;
                    }

                    return new CardActionInput(CardActionData.Read(form.Fill(button.Data)));
            }

            var (refused, noted, shown) = form.Apply(line);
            foreach (var problem in refused)
            {
                await output.WriteLineAsync(problem);
            }

            if (shown is not null)
            {
                await output.WriteLineAsync(shown);
            }

            if (noted.Count > 0)
            {
                await output.WriteLineAsync($"Noted {string.Join(", ", noted)}. Press Enter to press \"{button.Title}\", or answer more.");
            }
        }
    }

    /// <summary>A link: a plan download is written to a file in the working folder (the chat has no browser); others are printed.</summary>
    private async Task OpenAsync(string? url, TextWriter output, CancellationToken cancellationToken)
    {
        var at = url?.IndexOf(Plans.DownloadLinks.PathPrefix, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            await output.WriteLineAsync($"Open this link: {url}");
            return;
        }

        var file = await downloads.TakeAsync(url![(at + Plans.DownloadLinks.PathPrefix.Length)..], cancellationToken);
        if (file.Bytes is null)
        {
            await output.WriteLineAsync(file.Message);
            return;
        }

        var path = Path.Combine(Directory.GetCurrentDirectory(), file.FileName!);
        await File.WriteAllBytesAsync(path, file.Bytes, cancellationToken);
        await output.WriteLineAsync($"Saved the plan to {path}");
    }

    private async Task TakeTurnAsync(TurnInput turnInput, TextWriter output, CancellationToken cancellationToken)
    {
        var turn = new Turn(new TurnUser(UserId), new TurnConversation(ConversationId), turnInput, time.GetUtcNow(), "en-GB");
        // The pipeline renders the replies and writes them through the console channel.
        await turns.RunAsync(Reference, turn, route: null, cancellationToken);
    }
}
