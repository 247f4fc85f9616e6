using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KitBot.Storage;

namespace KitBot.Channels.Slack;

/// <summary>
/// Forms too large for a Slack message, kept until their "Open the form" button is pressed: a button value holds
/// 2000 characters, a form far more. In KitBot's database (table <c>slack_form</c>), so the modal opens and is
/// submitted through any instance; each form expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class SlackFormStore(TimeProvider time, StorageConnections connections)
{
    /// <summary>How long a posted form can still be opened.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly PruneSchedule _prune = new();

    /// <summary>A new, unguessable form id (safe in a button value and an action's data).</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>Keeps a form under <paramref name="id"/>.</summary>
    public void Save(string id, SlackForm form)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Prune(now);
        var body = new JsonObject
        {
            ["title"] = form.Title,
            ["blocks"] = form.Blocks.DeepClone(),
            ["submitLabel"] = form.SubmitLabel,
            ["submitData"] = form.SubmitData?.DeepClone(),
        };
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO slack_form (id, body, expires_at) VALUES (@id, @body, @until)
            ON CONFLICT (id) DO UPDATE SET body = excluded.body, expires_at = excluded.expires_at
            """;
        command.Add("@id", id);
        command.Add("@body", body.ToJsonString());
        command.Add("@until", now + (long)Lifetime.TotalMilliseconds);
        command.ExecuteNonQuery();
    }

    /// <summary>The form stored under <paramref name="id"/>, unless unknown or expired.</summary>
    public SlackForm? Find(string id)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM slack_form WHERE id = @id AND expires_at > @now";
        command.Add("@id", id);
        command.Add("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        if (command.ExecuteScalar() is not string text || JsonNode.Parse(text) is not JsonObject body)
        {
            return null;
        }

        return new SlackForm(
            body["title"]!.GetValue<string>(),
            body["blocks"]!.AsArray(),
            body["submitLabel"]!.GetValue<string>(),
            body["submitData"] as JsonObject);
    }

    private void Prune(long now)
    {
        if (!_prune.TryClaim(now))
        {
            return;
        }

        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM slack_form WHERE expires_at <= @now";
        command.Add("@now", now);
        command.ExecuteNonQuery();
    }
}
