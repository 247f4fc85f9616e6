namespace KitBot.Dialogs.Privacy;

/// <summary>Card verbs for "forget me".</summary>
public static class PrivacyVerbs
{
    /// <summary>Asks whether to delete everything KitBot keeps about me (typed "forget me").</summary>
    public const string Forget = "privacy.forget";

    /// <summary>Yes, delete everything KitBot keeps about me (the host deletes it).</summary>
    public const string ForgetConfirm = "privacy.forget.confirm";

    /// <summary>No, keep it.</summary>
    public const string ForgetCancel = "privacy.forget.cancel";

    /// <summary>The step name the confirmation card is laid over.</summary>
    public const string ConfirmStep = "confirm-forget";
}
