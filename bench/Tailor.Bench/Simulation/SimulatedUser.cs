namespace Tailor.Bench.Simulation;

/// <summary>
/// A customer as the simulator knows them, from the Online Retail data: the hours (UK clock) they were active at over
/// the whole file, smoothed towards everyone's, and the products they went on to buy after the split, which are the
/// products an email to them can truly interest them in.
/// </summary>
public sealed record SimulatedUser(string UserId, double[] ActiveHours, IReadOnlySet<string> WantedItems);
