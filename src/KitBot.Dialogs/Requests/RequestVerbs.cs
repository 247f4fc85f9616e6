namespace KitBot.Dialogs.Requests;

/// <summary>
/// The card verbs for consultation requests and the data keys they carry. Every verb here reads or writes the
/// request table, so the host answers them (its ConsultationRequests service) before the core; the decisions
/// that matter to practice are the pure functions in this folder.
/// </summary>
public static class RequestVerbs
{
    /// <summary>Sends the filled-in request form.</summary>
    public const string Submit = "request.submit";

    /// <summary>A consultant takes the request ("I'll take it").</summary>
    public const string Claim = "request.claim";

    /// <summary>The consultant who took it gives it back to the team.</summary>
    public const string Release = "request.release";

    /// <summary>Closes the request with a note to the practitioner.</summary>
    public const string Close = "request.close";

    /// <summary>Lists the open requests.</summary>
    public const string ListOpen = "request.open";

    /// <summary>Lists the requests the consultant has taken.</summary>
    public const string ListMine = "request.mine";

    /// <summary>The data key for a request id.</summary>
    public const string RequestId = "req";

    /// <summary>The form's question input.</summary>
    public const string Question = "question";

    /// <summary>The form's urgency input.</summary>
    public const string Urgency = "urgency";

    /// <summary>The form's contact method input.</summary>
    public const string Contact = "contact";

    /// <summary>The form's "when to contact" input.</summary>
    public const string When = "when";

    /// <summary>The form's share-the-summary toggle ("true"/"false").</summary>
    public const string Share = "share";

    /// <summary>The consultation summary carried by a form started at the end of a consultation.</summary>
    public const string Summary = "summary";

    /// <summary>The closing note input.</summary>
    public const string Note = "note";

    /// <summary>An administrator makes this channel the consultants' channel (typed only).</summary>
    public const string UseChannel = "request.usechannel";

    /// <summary>The typed command an administrator uses in a channel to make it the consultants' channel.</summary>
    public const string UseChannelCommand = "use this channel for consultations";

    /// <summary>The verbs the host answers from the request table.</summary>
    public static IReadOnlySet<string> Stored { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Submit, Claim, Release, Close, ListOpen, ListMine, UseChannel,
    };
}
