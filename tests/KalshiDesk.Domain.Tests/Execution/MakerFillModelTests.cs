using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Execution;

public class MakerFillModelTests
{
    [Fact]
    public void FillProbability_FlowCoversTheQueueAndTheOrder_IsOne()
    {
        Assert.Equal(1d, MakerFillModel.FillProbability(Quantity.Of(50), Quantity.Of(47), 150m));
    }

    [Fact]
    public void FillProbability_ThinFlow_IsTheShareOfTheFlowNeeded()
    {
        // 15 contracts expected against 50 ahead + 47 of ours.
        Assert.Equal(15d / 97d, MakerFillModel.FillProbability(Quantity.Of(50), Quantity.Of(47), 15m), 12);
    }

    [Fact]
    public void FillProbability_NoFlow_IsZero()
    {
        Assert.Equal(0d, MakerFillModel.FillProbability(Quantity.Of(50), Quantity.Of(10), 0m));
    }

    [Fact]
    public void ExpectedHits_ScalesTheWindowsFlowToTheHorizonPerSide()
    {
        // An hour's tape: 600 contracts sold into YES bids, 200 into NO bids; a bid resting 15 minutes sees a quarter.
        var flow = new RestingFlow(Quantity.Of(600), Quantity.Of(200), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));

        Assert.Equal(150m, flow.ExpectedHits(Side.Yes));
        Assert.Equal(50m, flow.ExpectedHits(Side.No));
    }

    [Fact]
    public void RestingFlow_EmptyWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestingFlow(Quantity.Zero, Quantity.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(1)));

    [Property]
    public Property FillProbability_IsAProbabilityThatFallsWithTheQueueAndRisesWithTheFlow(ushort queue, ushort order, ushort flow, byte more)
    {
        var p = MakerFillModel.FillProbability(Quantity.Of(queue), Quantity.Of(order), flow);
        var longerQueue = MakerFillModel.FillProbability(Quantity.Of(queue + more), Quantity.Of(order), flow);
        var moreFlow = MakerFillModel.FillProbability(Quantity.Of(queue), Quantity.Of(order), flow + more);

        return (p is >= 0d and <= 1d && longerQueue <= p && moreFlow >= p).Label($"p {p}, longer queue {longerQueue}, more flow {moreFlow}");
    }
}
