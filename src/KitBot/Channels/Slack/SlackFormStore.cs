using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace KitBot.Channels.Slack;

/// <summary>
/// Forms too large for a Slack message, kept in memory until their "Open the form" button is pressed: a button value
/// holds 2000 characters, a form far more. Bounded in number and age; after a restart (or on another instance) the
/// button says the form is gone and the person asks again.
/// </summary>
public sealed class SlackFormStore(TimeProvider time)
{
    /// <summary>How long a posted form can still be opened.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>At most this many forms are kept; the oldest go first.</summary>
    public const int Capacity = 2000;

    private readonly ConcurrentDictionary<string, (SlackForm Form, DateTimeOffset Stored)> _forms = new(StringComparer.Ordinal);

    /// <summary>A new, unguessable form id (safe in a button value and an action's data).</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>Keeps a form under <paramref name="id"/>.</summary>
    public void Save(string id, SlackForm form)
    {
        var now = time.GetUtcNow();
        _forms[id] = (form, now);
        if (_forms.Count > Capacity)
        {
            foreach (var old in _forms.Where(f => now - f.Value.Stored > Lifetime).Select(f => f.Key).ToList())
            {
                _forms.TryRemove(old, out _);
            }

            foreach (var old in _forms.OrderBy(f => f.Value.Stored).Take(_forms.Count - Capacity).Select(f => f.Key).ToList())
            {
                _forms.TryRemove(old, out _);
            }
        }
    }

    /// <summary>The form stored under <paramref name="id"/>, unless unknown or expired.</summary>
    public SlackForm? Find(string id) =>
        _forms.TryGetValue(id, out var entry) && time.GetUtcNow() - entry.Stored <= Lifetime ? entry.Form : null;
}
