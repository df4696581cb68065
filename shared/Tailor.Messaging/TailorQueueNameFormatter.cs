using MassTransit;

namespace Tailor.Messaging;

/// <summary>
/// Names a consumer's queue <c>{prefix}-{consumer}</c>: the prefix its service declared when it registered the consumer,
/// then the consumer's class name without <c>Consumer</c> (and without its type arguments), in kebab case, for example
/// <c>tailor-send-time-consumers</c> + <c>EmailEngagedConsumer</c> = <c>tailor-send-time-consumers-email-engaged</c>.
/// </summary>
/// <remarks>
/// A queue is durable: renaming it leaves the old one bound and filling up. So the name depends on nothing a refactoring
/// moves (MassTransit's namespace-based names changed whenever a consumer class moved), only on the declared prefix and
/// the class name; <c>QueueNamesTests</c> pins the result.
/// </remarks>
internal sealed class TailorQueueNameFormatter(QueuePrefixes prefixes) : IEndpointNameFormatter
{
    private const string ConsumerSuffix = "Consumer";

    // Tailor has no sagas, activities or message-named endpoints; these keep MassTransit's kebab-case names.
    private static readonly KebabCaseEndpointNameFormatter Kebab = new(prefix: null, includeNamespace: false);

    public string Separator => Kebab.Separator;

    // A consumer no service registered (a test lists its own on a harness) is named by its class alone; every
    // registered consumer has a prefix, since AddTailorConsumers requires one.
    public string Consumer<T>()
        where T : class, IConsumer =>
        prefixes.Of(typeof(T)) is { } prefix
            ? $"{prefix}-{Kebab.SanitizeName(ClassName(typeof(T)))}"
            : Kebab.SanitizeName(ClassName(typeof(T)));

    public string Message<T>()
        where T : class =>
        Kebab.Message<T>();

    public string Saga<T>()
        where T : class, ISaga =>
        Kebab.Saga<T>();

    public string ExecuteActivity<T, TArguments>()
        where T : class, IExecuteActivity<TArguments>
        where TArguments : class =>
        Kebab.ExecuteActivity<T, TArguments>();

    public string CompensateActivity<T, TLog>()
        where T : class, ICompensateActivity<TLog>
        where TLog : class =>
        Kebab.CompensateActivity<T, TLog>();

    public string TemporaryEndpoint(string tag) => Kebab.TemporaryEndpoint(tag);

    public string SanitizeName(string name) => Kebab.SanitizeName(name);

    private static string ClassName(Type consumer)
    {
        // A generic consumer's name ends in `1; a consumer nested in a generic class is generic without one.
        var tick = consumer.Name.IndexOf('`', StringComparison.Ordinal);
        var name = tick >= 0 ? consumer.Name[..tick] : consumer.Name;
        return name.Length > ConsumerSuffix.Length && name.EndsWith(ConsumerSuffix, StringComparison.Ordinal)
            ? name[..^ConsumerSuffix.Length]
            : name;
    }
}
