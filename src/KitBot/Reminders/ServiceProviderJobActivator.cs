using Hangfire;

namespace KitBot.Reminders;

/// <summary>Builds Hangfire job objects from this host's container (not Hangfire's global configuration).</summary>
public sealed class ServiceProviderJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
}
