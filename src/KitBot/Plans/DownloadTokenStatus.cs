namespace KitBot.Plans;

/// <summary>What checking a download link's token found.</summary>
public enum DownloadTokenStatus
{
    /// <summary>Signed by KitBot and not yet expired.</summary>
    Valid,

    /// <summary>Signed by KitBot, but past its time.</summary>
    Expired,

    /// <summary>Not a token KitBot issued (altered, truncated or made up).</summary>
    Invalid,
}
