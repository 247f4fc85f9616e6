using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>A handler for one card verb.</summary>
public delegate TurnResult VerbHandler(DialogContext context, CardAction action);

/// <summary>
/// Maps card verbs to their handlers. Registering a verb twice throws at start-up, never on a user's click.
/// </summary>
public sealed class VerbRegistry
{
    private readonly Dictionary<string, VerbHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>Registers a handler; throws when the verb is already registered.</summary>
    public VerbRegistry Add(string verb, VerbHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        if (!_handlers.TryAdd(verb, handler))
        {
            throw new InvalidOperationException($"The card verb '{verb}' is registered twice.");
        }

        return this;
    }

    /// <summary>Finds the handler for a verb.</summary>
    public bool TryGet(string verb, out VerbHandler handler) => _handlers.TryGetValue(verb, out handler!);

    /// <summary>Every registered verb.</summary>
    public IReadOnlyCollection<string> Verbs => _handlers.Keys;
}
