namespace KitBot.Dialogs.Requests;

/// <summary>Where a consultation request is.</summary>
public enum RequestState
{
    /// <summary>Waiting for a consultant.</summary>
    Open,

    /// <summary>A consultant has taken it.</summary>
    Claimed,

    /// <summary>Answered and closed.</summary>
    Closed,
}
