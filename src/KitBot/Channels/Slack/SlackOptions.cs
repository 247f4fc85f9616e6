using System.ComponentModel.DataAnnotations;

namespace KitBot.Channels.Slack;

/// <summary>The <c>Slack</c> settings section: whether the Slack channel runs, where the Web API is, and the workspaces served.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>Maps the Slack endpoints and starts the background worker. Off by default: nothing Slack runs unless asked.</summary>
    public bool Enabled { get; set; }

    /// <summary>The Web API base URL; tests point it at a local fake.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// The app-level token (<c>xapp-...</c>, scope <c>connections:write</c>). Set: KitBot also receives Slack through
    /// Socket Mode (a websocket it opens; no public request URL needed). Empty: HTTP endpoints only. A secret.
    /// </summary>
    public string AppToken { get; set; } = "";

    /// <summary>The first wait before reopening a dropped Socket Mode connection; it doubles, with jitter, for each failure in a row.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SocketReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between Socket Mode reconnection attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SocketMaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The workspaces served, each with its own bot token and signing secret.</summary>
    public List<SlackWorkspaceOptions> Workspaces { get; set; } = [];

    /// <summary>
    /// <c>response_url</c>s (ephemeral replies) are only called when they start with this, so a forged payload
    /// cannot make KitBot post to an arbitrary address.
    /// </summary>
    [Required]
    [Url]
    public string ResponseUrlPrefix { get; set; } = "https://hooks.slack.com/";

    /// <summary>The largest inbound request body, in bytes.</summary>
    [Range(1024, 10_000_000)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many acknowledged requests may wait for a worker, counted over every instance (they wait in the database);
    /// beyond that KitBot answers 503 and Slack retries.
    /// </summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>How many conversations each instance works on at once (each conversation's requests stay in order).</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>
    /// How long an instance holds a request it has claimed before another instance may take it over (renewed every
    /// third of it while the turn runs): how soon the work of an instance that stopped is resumed elsewhere.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WorkLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often idle workers look in the database for work other instances recorded or left behind.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan WorkPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a slash command waits for its answer before acknowledging and answering later through <c>response_url</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.500")]
    public TimeSpan CommandAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a seen <c>event_id</c> is remembered, so Slack's retries are not processed twice.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many event ids are remembered at most (the oldest are forgotten first).</summary>
    [Range(100, 1_000_000)]
    public int DeduplicationCapacity { get; set; } = 10_000;

    /// <summary>How many times a Web API call answered 429 is retried after its <c>Retry-After</c>.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Messages allowed to one channel in a burst before pacing to one per <see cref="MessageInterval"/>.</summary>
    [Range(1, 20)]
    public int MessageBurst { get; set; } = 3;

    /// <summary>The steady pace of <c>chat.postMessage</c> to one channel (Slack allows about one per second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Workspaces.Count == 0)
        {
            yield return new ValidationResult("Slack:Enabled is true but Slack:Workspaces is empty: add at least one {TeamId, BotToken, SigningSecret}.", [nameof(Workspaces)]);
        }

        if (AppToken.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(AppToken, @"^xapp-\S+$"))
        {
            yield return new ValidationResult("Slack:AppToken must be an app-level token (xapp-...), or empty for no Socket Mode.", [nameof(AppToken)]);
        }

        for (var i = 0; i < Workspaces.Count; i++)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(Workspaces[i], new ValidationContext(Workspaces[i]), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult(
                        $"Slack:Workspaces:{i}: {result.ErrorMessage}",
                        result.MemberNames.Select(m => $"{nameof(Workspaces)}[{i}].{m}").ToArray());
                }
            }
        }

        foreach (var duplicate in Workspaces.GroupBy(w => w.TeamId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"Slack:Workspaces names team {duplicate.Key} more than once.", [nameof(Workspaces)]);
        }
    }
}
