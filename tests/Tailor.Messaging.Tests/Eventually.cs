namespace Tailor.Messaging.Tests;

/// <summary>Polls a condition until it holds or a deadline passes: delivery is asynchronous, a fixed sleep would guess.</summary>
public static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static Task<bool> HoldsAsync(Func<bool> condition, CancellationToken cancellationToken) =>
        HoldsAsync(() => Task.FromResult(condition()), cancellationToken);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return true;
    }
}
