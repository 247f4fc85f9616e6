namespace KitBot.Dialogs.Requests;

/// <summary>How the practitioner would like to be contacted.</summary>
public enum RequestContact
{
    /// <summary>A Teams call.</summary>
    TeamsCall,

    /// <summary>A phone call (the consultant finds the number in the directory; KitBot never stores it).</summary>
    Phone,

    /// <summary>A written reply in a Teams chat.</summary>
    TeamsChat,
}
