namespace KitBot.Hosting;

/// <summary>Wraps a registered service in place, whatever form its registration took.</summary>
public static class ServiceCollectionDecorators
{
    /// <summary>Replaces the last registration of <typeparamref name="T"/> with <paramref name="decorate"/> applied to it.</summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<IServiceProvider, T, T> decorate)
        where T : class
    {
        var index = services.Select((d, i) => (d, i)).Last(x => x.d.ServiceType == typeof(T)).i;
        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton<T>(sp => decorate(sp, Resolve<T>(sp, inner)));
        return services;
    }

    private static T Resolve<T>(IServiceProvider sp, ServiceDescriptor descriptor) where T : class => descriptor switch
    {
        { ImplementationInstance: T instance } => instance,
        { ImplementationFactory: { } factory } => (T)factory(sp),
        { ImplementationType: { } type } => (T)ActivatorUtilities.CreateInstance(sp, type),
        _ => throw new InvalidOperationException($"{typeof(T).Name} has no usable registration."),
    };
}
