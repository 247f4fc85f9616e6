namespace KitBot.Dialogs.Handover;

/// <summary>What a one-time code is for.</summary>
public enum HandoverPurpose
{
    /// <summary>The colleague takes the plan and its reviews over; the owner no longer has it.</summary>
    Handover,

    /// <summary>The colleague becomes the plan's second recipient for its review reminders (a reminder partner).</summary>
    Partner,
}
