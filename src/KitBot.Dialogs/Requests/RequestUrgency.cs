namespace KitBot.Dialogs.Requests;

/// <summary>How soon the practitioner needs an answer.</summary>
public enum RequestUrgency
{
    /// <summary>Today.</summary>
    Today,

    /// <summary>This week.</summary>
    ThisWeek,

    /// <summary>When convenient.</summary>
    WhenConvenient,
}
