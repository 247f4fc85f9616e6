using KitBot.Requests;
using Microsoft.AspNetCore.DataProtection;

namespace KitBot.Storage;

/// <summary>
/// Encrypts a consultation request's free text (the question, when to call, the shared summary) before it is
/// stored and decrypts it on the way out, with the Data Protection keys every instance shares.
/// </summary>
public sealed class EncryptingRequestStore(IRequestStore inner, IDataProtectionProvider protection) : IRequestStore
{
    /// <summary>The Data Protection purpose of request text.</summary>
    public const string Purpose = "KitBot.Request";

    private const string Prefix = "enc1:";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public Task<bool> AddAsync(StoredRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.AddAsync(request with
        {
            Question = Protect(request.Question),
            When = Protect(request.When),
            Summary = request.Summary is null ? null : Protect(request.Summary),
        }, now, cancellationToken);

    public async Task<StoredRequest?> GetAsync(string id, CancellationToken cancellationToken) =>
        Reveal(await inner.GetAsync(id, cancellationToken));

    public Task<bool> TryClaimAsync(string id, string userId, string displayName, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(id, userId, displayName, now, cancellationToken);

    public Task<bool> ReleaseAsync(string id, string userId, DateTimeOffset raiseAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(id, userId, raiseAt, now, cancellationToken);

    public Task<bool> CloseAsync(string id, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.CloseAsync(id, userId, now, cancellationToken);

    public Task SetChannelMessageAsync(string id, string channelKey, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SetChannelMessageAsync(id, channelKey, messageId, now, cancellationToken);

    public Task<bool> MarkRaisedAsync(string id, DateTimeOffset nextRaiseAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.MarkRaisedAsync(id, nextRaiseAt, now, cancellationToken);

    public Task<bool> MarkNoticedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.MarkNoticedAsync(id, now, cancellationToken);

    public async Task<IReadOnlyList<StoredRequest>> ListActiveAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await inner.ListActiveAsync(userId, cancellationToken)).Select(r => Reveal(r)!)];

    public async Task<IReadOnlyList<StoredRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await inner.ListOpenAsync(limit, cancellationToken)).Select(r => Reveal(r)!)];

    public async Task<IReadOnlyList<StoredRequest>> ListClaimedByAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await inner.ListClaimedByAsync(userId, cancellationToken)).Select(r => Reveal(r)!)];

    public Task<string?> GetChannelAsync(CancellationToken cancellationToken) => inner.GetChannelAsync(cancellationToken);

    public Task SetChannelAsync(string conversationKey, string setBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SetChannelAsync(conversationKey, setBy, now, cancellationToken);

    private string Protect(string text) => Prefix + _protector.Protect(text);

    // Rows written before encryption are read as they are.
    private string Unprotect(string text) => text.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(text[Prefix.Length..]) : text;

    private StoredRequest? Reveal(StoredRequest? request) => request is null ? null : request with
    {
        Question = Unprotect(request.Question),
        When = Unprotect(request.When),
        Summary = request.Summary is null ? null : Unprotect(request.Summary),
    };
}
