namespace KitBot.Dialogs.Handover;

/// <summary>What a typed code turned out to be (<see cref="HandoverRules.Check"/>).</summary>
public enum HandoverCheck
{
    /// <summary>Unused and in time: it can be claimed.</summary>
    Valid,

    /// <summary>Not a code KitBot gave (or mistyped).</summary>
    Wrong,

    /// <summary>Given, but more than <see cref="HandoverCodes.Lifetime"/> ago.</summary>
    Expired,

    /// <summary>Already used by someone else.</summary>
    Used,

    /// <summary>Already used by this same person (typed again, or a retry): finishing the move again is harmless.</summary>
    UsedByYou,

    /// <summary>The owner typed their own code: it is for a colleague.</summary>
    OwnCode,
}
