using Bunit;
using Bunit.TestDoubles;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Web.Components.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

public sealed class ProposalQueueTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeProposalDesk _desk = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private readonly BunitAuthorizationContext _auth;
    private readonly FakeTimeProvider _time = new(Now);

    public ProposalQueueTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IProposalDesk>(_desk);
        _bunit.Services.AddSingleton<IDeskEvents>(_events);
        _bunit.Services.AddSingleton<TimeProvider>(_time);
        _auth = _bunit.AddAuthorization();
        _auth.SetAuthorized("alice").SetPolicies("Trader");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<ProposalQueue> Render() => _bunit.Render<ProposalQueue>();

    [Fact]
    public void Render_ShowsEachPendingProposalWithItsNumbers()
    {
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));

        var queue = Render();

        var row = queue.Find("tbody tr");
        Assert.Contains("KXHIGHNY-26NOV24-T60", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("66.0%", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("$24.20 + $0.77", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.0927", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("10:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kelly 0.2142", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("✓ 3 risk gates passed", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("market open, minimum edge, max single trade", queue.Find(".kd-gates").GetAttribute("title"));
    }

    [Fact]
    public async Task NewProposalEvent_AddsTheRowWithoutAReload()
    {
        var queue = Render();
        Assert.Contains("No proposals are waiting", queue.Markup, StringComparison.Ordinal);

        var proposal = _desk.Add(Proposal("KXBTC-26NOV24-B90000"));
        await _events.PublishAsync(new ProposalCreated(Now, proposal.Id, proposal.Ticker));

        queue.WaitForAssertion(() => Assert.Contains("KXBTC-26NOV24-B90000", queue.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Approve_CallsTheDeskAsTheSignedInUserAndSaysWhatWasBought()
    {
        var proposal = _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        var queue = Render();

        queue.Find("button[aria-label='Approve KXHIGHNY-26NOV24-T60']").Click();

        queue.WaitForAssertion(() => Assert.Contains("Bought 44 YES of KXHIGHNY-26NOV24-T60 at up to 0.55.", queue.Markup, StringComparison.Ordinal));
        Assert.Equal([(proposal.Id, "alice")], _desk.Approved);
        Assert.Contains("No proposals are waiting", queue.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_WhenTheTradeNoLongerQualifies_ShowsWhy()
    {
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        _desk.ApproveFailure = "price moved: the ask is 0.5800 against the proposed 0.5500; edge now 0.0627";
        var queue = Render();

        queue.Find("button[aria-label='Approve KXHIGHNY-26NOV24-T60']").Click();

        queue.WaitForAssertion(() => Assert.Contains("KXHIGHNY-26NOV24-T60 was not traded: price moved: the ask is 0.5800", queue.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Reject_AsksForAReasonAndSendsIt()
    {
        var proposal = _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        var queue = Render();

        queue.Find("button[aria-label='Reject KXHIGHNY-26NOV24-T60']").Click();
        Assert.True(queue.Find("button[aria-label='Confirm reject KXHIGHNY-26NOV24-T60']").HasAttribute("disabled"));
        queue.Find("input").Input("front moving in tonight");
        queue.Find("button[aria-label='Confirm reject KXHIGHNY-26NOV24-T60']").Click();

        queue.WaitForAssertion(() => Assert.Equal([(proposal.Id, "alice", "front moving in tonight")], _desk.Rejected));
        Assert.Contains("Rejected KXHIGHNY-26NOV24-T60: front moving in tonight", queue.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsTheRationaleEveryModelTheCalibratedProbabilityAndTheRoute()
    {
        var proposal = _desk.Add(Proposal("KXHIGHNY-26NOV24-T60") with
        {
            ModelEstimates = new Dictionary<string, double> { ["order-flow"] = 0.54, ["market-implied"] = 0.66, ["favourite-longshot"] = 0.69584 },
        });

        var queue = Render();

        var rationale = queue.Find("[aria-label='Rationale for KXHIGHNY-26NOV24-T60']");
        Assert.Equal(["favourite-longshot 69.6%", "market-implied 66.0%", "order-flow 54.0%"], rationale.QuerySelectorAll(".kd-model").Select(c => c.TextContent.Trim()));
        Assert.Equal("calibrated 66.0%", rationale.QuerySelector(".kd-calibrated")!.TextContent.Trim());
        Assert.Equal("Crosses at up to 0.55 (taker fee 0.017325 a contract)", rationale.QuerySelector(".kd-route")!.TextContent.Trim());
        Assert.Equal("Gates passed: market open, minimum edge, max single trade", rationale.QuerySelector(".kd-gate-list")!.TextContent.Trim());
        Assert.NotNull(proposal);
    }

    [Fact]
    public void Render_MakerRoute_SaysWhereTheBidRestsAndItsFillChance()
    {
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60") with { Route = "maker", Price = 0.53m, FeePerContract = 0m, FillProbability = 0.8 });

        var queue = Render();

        Assert.Equal("Rests a bid at 0.53 (maker fee 0.00 a contract, fills with p ≈ 0.80)", queue.Find(".kd-route").TextContent.Trim());
    }

    [Fact]
    public void Countdown_TicksEverySecondWithoutAnEvent()
    {
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        var queue = Render();
        Assert.Equal("10:00", queue.Find(".kd-expires").TextContent.Trim());

        _time.Advance(TimeSpan.FromSeconds(61));

        queue.WaitForAssertion(() => Assert.Equal("8:59", queue.Find(".kd-expires").TextContent.Trim()));
        _time.Advance(TimeSpan.FromMinutes(9));
        queue.WaitForAssertion(() => Assert.Equal("expired", queue.Find(".kd-expires").TextContent.Trim()));
    }

    [Fact]
    public void Keyboard_JMovesDownAndAApprovesTheSelectedProposal()
    {
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        var second = _desk.Add(Proposal("KXHIGHNY-26NOV24-T70"));
        var queue = Render();

        queue.Find(".kd-queue").KeyDown("j");
        Assert.Contains("KXHIGHNY-26NOV24-T70", queue.Find("tr.kd-selected").TextContent, StringComparison.Ordinal);
        queue.Find(".kd-queue").KeyDown("a");

        queue.WaitForAssertion(() => Assert.Equal([(second.Id, "alice")], _desk.Approved));
    }

    [Fact]
    public void Keyboard_ROpensTheReasonAndEscapeCancelsIt()
    {
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        var queue = Render();

        queue.Find(".kd-queue").KeyDown("r");
        Assert.NotNull(queue.Find("button[aria-label='Confirm reject KXHIGHNY-26NOV24-T60']"));
        queue.Find(".kd-queue").KeyDown("a");
        Assert.Empty(_desk.Approved);
        queue.Find(".kd-queue").KeyDown("Escape");

        Assert.Empty(queue.FindAll("button[aria-label='Confirm reject KXHIGHNY-26NOV24-T60']"));
        Assert.Empty(_desk.Rejected);
    }

    [Fact]
    public void Keyboard_Viewer_CannotApprove()
    {
        _auth.SetAuthorized("victor").SetPolicies("Viewer");
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));
        var queue = Render();

        queue.Find(".kd-queue").KeyDown("a");

        Assert.Empty(_desk.Approved);
    }

    [Fact]
    public void Viewer_SeesTheQueueButNoDecisionButtons()
    {
        _auth.SetAuthorized("victor").SetPolicies("Viewer");
        _desk.Add(Proposal("KXHIGHNY-26NOV24-T60"));

        var queue = Render();

        Assert.Contains("KXHIGHNY-26NOV24-T60", queue.Find("tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Empty(queue.FindAll("button[aria-label^='Approve']"));
        Assert.Empty(queue.FindAll("button[aria-label^='Reject']"));
    }

    private static ProposalView Proposal(string ticker) => new(
        Guid.NewGuid(), ticker, ticker[..ticker.LastIndexOf('-')], "Will it happen?", "weather", "yes", 0.66, 0.54, 0.55m, 44m, 24.20m, 0.77m, 0.017325m,
        0.092675, 0.2142, "balanced", ["market open", "minimum edge", "max single trade"], null, new Dictionary<string, double> { ["market-implied"] = 0.66 },
        "pending", Now, Now.AddMinutes(10), null, null, null);

    private sealed class FakeProposalDesk : IProposalDesk
    {
        private readonly List<ProposalView> _pending = [];

        public List<(Guid, string)> Approved { get; } = [];

        public List<(Guid, string, string?)> Rejected { get; } = [];

        public string? ApproveFailure { get; set; }

        public ProposalView Add(ProposalView proposal)
        {
            lock (_pending)
            {
                _pending.Add(proposal);
            }

            return proposal;
        }

        public Task<IReadOnlyList<ProposalView>> ListAsync(ProposalStatus? status, int limit = 200, CancellationToken ct = default)
        {
            lock (_pending)
            {
                return Task.FromResult<IReadOnlyList<ProposalView>>([.. _pending]);
            }
        }

        public Task<DecisionResult> ApproveAsync(Guid id, string actor, CancellationToken ct = default)
        {
            Approved.Add((id, actor));
            var proposal = _pending.Single(p => p.Id == id);
            if (ApproveFailure is not null)
            {
                return Task.FromResult(new DecisionResult(true, false, ProposalStatus.Failed, ApproveFailure, proposal with { Status = "failed" }));
            }

            _pending.Remove(proposal);
            return Task.FromResult(new DecisionResult(true, true, ProposalStatus.Executed, null, proposal with { Status = "executed" }));
        }

        public Task<DecisionResult> RejectAsync(Guid id, string actor, string? reason, CancellationToken ct = default)
        {
            Rejected.Add((id, actor, reason));
            var proposal = _pending.Single(p => p.Id == id);
            _pending.Remove(proposal);
            return Task.FromResult(new DecisionResult(true, true, ProposalStatus.Rejected, reason, proposal with { Status = "rejected" }));
        }
    }
}
