using KalshiDesk.Domain.Proposals;

namespace KalshiDesk.Domain.Tests.Proposals;

public class ProposalLifecycleTests
{
    [Theory]
    [InlineData(ProposalStatus.Pending, ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Pending, ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.Pending, ProposalStatus.Expired)]
    [InlineData(ProposalStatus.Approved, ProposalStatus.Executed)]
    [InlineData(ProposalStatus.Approved, ProposalStatus.Failed)]
    public void Move_AllowedTransition_ReturnsTheTarget(ProposalStatus from, ProposalStatus to) =>
        Assert.Equal(to, ProposalLifecycle.Move(from, to));

    [Theory]
    [InlineData(ProposalStatus.Rejected, ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Executed, ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Expired, ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Pending, ProposalStatus.Executed)]
    public void Move_ImpossibleTransition_Throws(ProposalStatus from, ProposalStatus to)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ProposalLifecycle.Move(from, to));
        Assert.Equal($"A proposal cannot go from {from} to {to}.", ex.Message);
    }
}
