namespace KitBot.Plans;

/// <summary>The result of checking a download link's token; <see cref="Token"/> is set unless it is invalid.</summary>
public sealed record DownloadCheck(DownloadTokenStatus Status, DownloadToken? Token);
