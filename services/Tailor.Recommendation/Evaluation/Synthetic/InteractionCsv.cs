using System.Globalization;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation.Synthetic;

/// <summary>Writes interactions as the generic <c>user,item,timestamp,weight</c> CSV that <c>eval recommend</c> reads.</summary>
public static class InteractionCsv
{
    public const string Header = "user,item,timestamp,weight";

    public static void Write(IEnumerable<Interaction> interactions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Header);
        foreach (var interaction in interactions)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{interaction.UserId},{interaction.ItemId},{interaction.At:O},{interaction.Weight}"));
        }
    }
}
