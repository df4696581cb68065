using Tailor.Host.Demo;

namespace Tailor.Bench.Simulation;

/// <summary>
/// A customer as the simulator knows them, from the Online Retail data: the hours (UK clock) they were active at over
/// the whole file, smoothed towards everyone's, and the product lines they bought after the split, which become what
/// they want as the simulation reaches them (<see cref="CustomerWants"/>).
/// </summary>
public sealed record SimulatedUser(string UserId, string Country, double[] ActiveHours, IReadOnlyList<RetailLine> Later);
