using KitBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KitBot.Hosting;

/// <summary>Ready only when storage answers.</summary>
public sealed class StorageHealthCheck(IConversationStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Storage has no schema.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage did not answer.", e);
        }
    }
}
