using System.Text.Json;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Tests;

/// <summary>A user's weeks of hours are stored packed, exactly, and a state stored with them as numbers still reads.</summary>
public sealed class StoredStateJsonTests
{
    [Fact]
    public void A_users_weeks_of_hours_are_stored_as_packed_float64_and_read_back_exactly()
    {
        var counts = new HourOfWeekCounts { Weights = [.. Enumerable.Range(0, 168).Select(hour => hour / 7.0)], Events = 3 };
        var state = new UserSendTimeState(
            counts, 10, TimeZone: "Europe/London", Delivered: Week(1.0 / 3), Engaged: Week(0.1), Recent: new RecentEvidence(Week(2.0 / 3), DateTimeOffset.UnixEpoch, 3));

        var json = JsonSerializer.SerializeToElement(state, StoreJson.Options);
        var read = JsonSerializer.Deserialize<UserSendTimeState>(json, StoreJson.Options)!;

        Assert.Equal(JsonValueKind.String, json.GetProperty("counts").GetProperty("weights").ValueKind);
        Assert.Equal(JsonValueKind.String, json.GetProperty("recent").GetProperty("weights").ValueKind);
        Assert.Equal(JsonValueKind.String, json.GetProperty("delivered").ValueKind);
        Assert.Equal(counts.Weights, read.Counts.Weights);
        Assert.Equal(state.Recent!.Weights, read.Recent!.Weights);
        Assert.Equal(state.Delivered, read.Delivered);
        Assert.Equal(state.Engaged, read.Engaged);
    }

    [Fact]
    public void A_state_stored_with_its_hours_as_numbers_still_reads()
    {
        const string Before = """
            {"counts":{"weights":[0.5,1.5],"events":2},"bestHourOfWeek":1,"delivered":[1,0],"engaged":null,
             "recent":{"weights":[0.25,1],"asOf":"2026-12-01T00:00:00+00:00","events":2}}
            """;

        var read = JsonSerializer.Deserialize<UserSendTimeState>(Before, StoreJson.Options)!;

        Assert.Equal([0.5, 1.5], read.Counts.Weights);
        Assert.Equal([0.25, 1.0], read.Recent!.Weights);
        Assert.Equal<double>([1.0, 0.0], read.Delivered!);
        Assert.Null(read.Engaged);
    }

    private static double[] Week(double step) => [.. Enumerable.Range(0, 168).Select(hour => hour * step)];
}
