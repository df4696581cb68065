using Tailor.Bench.Simulation;

namespace Tailor.Bench.Tests;

public sealed class ResponseTests
{
    private static readonly double[] EvenHours = [.. Enumerable.Repeat(1.0 / 24, 24)];

    [Fact]
    public void Draws_depend_on_the_seed_customer_and_round_only_so_every_arm_answers_with_the_same_ones()
    {
        Assert.Equal(ResponseDraws.For(7, "12345", 3), ResponseDraws.For(7, "12345", 3));
        Assert.NotEqual(ResponseDraws.For(7, "12345", 3), ResponseDraws.For(7, "12345", 4));
        Assert.NotEqual(ResponseDraws.For(7, "12345", 3), ResponseDraws.For(8, "12345", 3));
        Assert.NotEqual(ResponseDraws.For(7, "12345", 3), ResponseDraws.For(7, "12346", 3));
    }

    [Fact]
    public void Draws_are_uniform_on_the_unit_interval()
    {
        var opens = Enumerable.Range(0, 20_000).Select(user => ResponseDraws.For(1, user.ToString(System.Globalization.CultureInfo.InvariantCulture), 1)).ToList();

        Assert.All(opens, draw => Assert.InRange(draw.Open, 0, 1 - double.Epsilon));
        Assert.All(opens, draw => Assert.InRange(draw.LatencyMinutes, 0, 89));
        // Each tenth of [0, 1) holds 2,000 ± 5 standard deviations (about 212) of 20,000 draws.
        foreach (var tenth in opens.GroupBy(draw => (int)(draw.Buy * 10)))
        {
            Assert.InRange(tenth.Count(), 1_788, 2_212);
        }
    }

    [Fact]
    public void The_same_email_with_the_same_draws_gets_the_same_answer()
    {
        HashSet<string> wanted = ["A", "B"];
        string[] shown = ["A", "C", "D", "E"];
        var draws = ResponseDraws.For(3, "u", 2);

        Assert.Equal(ResponseModel.Respond(EvenHours, 12, shown, wanted, draws), ResponseModel.Respond(EvenHours, 12, shown, wanted, draws));
    }

    [Fact]
    public void An_email_with_more_wanted_products_is_clicked_at_least_whenever_a_worse_one_is()
    {
        // Common random numbers: with the same draws, a better email can only gain clicks, never lose one.
        HashSet<string> wanted = ["A", "B"];
        for (var user = 0; user < 2_000; user++)
        {
            var draws = ResponseDraws.For(5, $"user-{user}", 1);
            var worse = ResponseModel.Respond(EvenHours, 12, ["A", "C", "D", "E"], wanted, draws);
            var better = ResponseModel.Respond(EvenHours, 12, ["A", "B", "D", "E"], wanted, draws);
            Assert.True(!worse.Clicked || better.Clicked);
            Assert.Equal(worse.Opened, better.Opened);
        }
    }

    [Fact]
    public void Only_a_click_on_a_wanted_product_can_buy_it()
    {
        HashSet<string> wanted = ["A"];
        var answers = Enumerable.Range(0, 5_000).Select(user => ResponseModel.Respond(EvenHours, 12, ["A", "C"], wanted, ResponseDraws.For(9, $"u{user}", 1))).ToList();
        var unwanted = Enumerable.Range(0, 5_000).Select(user => ResponseModel.Respond(EvenHours, 12, ["C", "D"], wanted, ResponseDraws.For(9, $"u{user}", 1))).ToList();

        Assert.All(answers.Where(answer => answer.Clicked), answer => Assert.Equal("A", answer.ClickedItem));
        Assert.All(answers.Where(answer => answer.Bought), answer => Assert.True(answer.Clicked));
        Assert.Contains(answers, answer => answer.Bought);
        Assert.Contains(unwanted, answer => answer.Clicked);
        Assert.DoesNotContain(unwanted, answer => answer.Bought);
    }

    [Fact]
    public void Chances_follow_the_stated_model()
    {
        var hours = new double[24];
        hours[11] = 0.2;
        hours[12] = 0.3;
        hours[13] = 0.1;

        var chances = ResponseModel.Chances(hours, 12, ["A", "B", "C", "D"], new HashSet<string> { "A" });

        Assert.Equal(0.05 + (0.6 * 0.6), chances.Open, 12);
        Assert.Equal(0.05 + (0.6 * 0.25), chances.ClickIfOpened, 12);
        Assert.Equal(chances.Open * chances.ClickIfOpened * 0.5, chances.Purchase, 12);
    }
}
