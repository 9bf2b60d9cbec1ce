using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Domain.Tests.Risk;

public class RiskLimitsTests
{
    [Fact]
    public void All_AreThePresetTablesTwelveLimitsInOrder()
    {
        Assert.Equal(
            ["kellyMultiplier", "minEdge", "maxSingleTrade", "maxTotalExposure", "maxEventExposure", "maxOpenPositions", "dailyLossLimit", "maxDrawdown", "maxConsecutiveLosses", "maxSpread", "minTimeToClose", "maxModelDisagreement"],
            RiskLimits.All.Select(l => l.Name));
        Assert.Equal(
            [0.50m, 0.03m, 0.025m, 0.30m, 0.075m, 25m, 0.04m, 0.15m, 6m, 0.06m, 60m, 0.50m],
            RiskLimits.All.Select(l => l.Read(RiskPresets.Balanced)));
    }

    [Fact]
    public void Apply_Overrides_ChangeOnlyThoseLimits()
    {
        var overridden = RiskLimits.Apply(RiskPresets.Balanced, new Dictionary<string, decimal> { ["dailyLossLimit"] = 0.03m, ["minTimeToClose"] = 90m, ["maxOpenPositions"] = 12m });

        Assert.Equal(RiskPresets.Balanced with { DailyLossLimit = 0.03m, MinTimeToClose = TimeSpan.FromMinutes(90), MaxOpenPositions = 12 }, overridden);
    }

    [Fact]
    public void Apply_StoredValueOutOfRangeOrUnknown_IsIgnored()
    {
        var overridden = RiskLimits.Apply(RiskPresets.Conservative, new Dictionary<string, decimal> { ["maxDrawdown"] = 1.5m, ["leverage"] = 3m });

        Assert.Equal(RiskPresets.Conservative, overridden);
    }

    [Theory]
    [InlineData("dailyLossLimit", "0", "dailyLossLimit must be between 0.001 and 1 (fraction of day-start equity); 0 is not")]
    [InlineData("maxConsecutiveLosses", "4.5", "maxConsecutiveLosses must be a whole number (settlements); 4.5 is not")]
    [InlineData("maxSpread", "1.2", "maxSpread must be between 0.01 and 1 (dollars); 1.2 is not")]
    public void Validate_ValueOutsideTheLimitsRange_SaysWhy(string name, string value, string error)
    {
        Assert.True(RiskLimits.TryGet(name, out var limit));

        Assert.Equal(error, limit.Validate(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void WriteThenRead_EveryLimit_GivesTheValueBack()
    {
        foreach (var limit in RiskLimits.All)
        {
            var value = limit.Whole ? limit.Min + 1m : (limit.Min + limit.Max) / 2m;

            Assert.Equal(value, limit.Read(limit.Write(RiskPresets.Aggressive, value)));
        }
    }
}
