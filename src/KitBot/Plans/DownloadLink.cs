namespace KitBot.Plans;

/// <summary>A link to download a plan, and when it stops working.</summary>
public sealed record DownloadLink(Uri Url, DateTimeOffset Expires);
