using Microsoft.Extensions.DependencyInjection;

namespace Ordering.Sdk.Testing;

// Builds the real adapters through their public IServiceCollection extensions, as a host does, with the
// smallest possible resolver (singletons and factories only) so the testing package needs no container.
internal sealed class ChannelServices : IServiceProvider, IDisposable
{
    private readonly ServiceCollection _services = [];
    private readonly Dictionary<ServiceDescriptor, object> _instances = [];

    public ChannelServices(TimeProvider time, Action<IServiceCollection> register)
    {
        _services.AddSingleton(time);
        register(_services);
    }

    public T Get<T>()
        where T : class =>
        (T)(GetService(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not registered."));

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IServiceProvider))
        {
            return this;
        }

        var descriptor = _services.LastOrDefault(d => d.ServiceType == serviceType);
        if (descriptor is null)
        {
            return null;
        }

        if (!_instances.TryGetValue(descriptor, out var instance))
        {
            instance = descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(this)
                ?? throw new InvalidOperationException(serviceType.Name + ": only instances and factories are supported here.");
            _instances[descriptor] = instance;
        }

        return instance;
    }

    public void Dispose()
    {
        foreach (var instance in _instances.Values.Distinct())
        {
            if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        _instances.Clear();
    }
}
