using System.Globalization;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace KalshiDesk.Web.Components.Proposals;

/// <summary>
/// The pending proposals, live: new ones appear and decided ones leave without a reload. Each shows its rationale (every
/// model's estimate, the calibrated probability, fee, edge, Kelly, route, the gates passed) and a countdown to its
/// expiry that ticks every second. The queue is worked from the keyboard: j/k (or the arrows) move, a approves, r starts
/// a rejection, Escape cancels it.
/// </summary>
public partial class ProposalQueue
{
    private ITimer? _ticker;
    private int _selected;
    private IReadOnlyList<ProposalView>? _proposals;
    private Guid? _rejecting;
    private string? _reason;
    private bool _busy;
    private string? _message;
    private bool _messageOk;

    [Inject]
    private IProposalDesk Desk { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>Whether the signed-in user may approve and reject (traders and admins); viewers only read.</summary>
    private bool CanDecide { get; set; }

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is ProposalCreated or ProposalChanged;

    protected override void OnAfterRender(bool firstRender)
    {
        // The countdown redraws once a second, on the desk's clock.
        if (firstRender)
        {
            _ticker = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ticker?.Dispose();
        }

        base.Dispose(disposing);
    }

    private string RowClass(ProposalView proposal, int index) => index == _selected ? "kd-selected" : string.Empty;

    private async Task OnKeyAsync(KeyboardEventArgs e)
    {
        if (_proposals is not { Count: > 0 } proposals || !CanDecide || _busy)
        {
            return;
        }

        // While a reason is being typed, only Escape means something to the queue.
        if (_rejecting is not null)
        {
            if (e.Key == "Escape")
            {
                CancelReject();
            }

            return;
        }

        _selected = Math.Clamp(_selected, 0, proposals.Count - 1);
        switch (e.Key)
        {
            case "j" or "ArrowDown":
                _selected = Math.Min(_selected + 1, proposals.Count - 1);
                break;
            case "k" or "ArrowUp":
                _selected = Math.Max(_selected - 1, 0);
                break;
            case "a":
                await ApproveAsync(proposals[_selected]);
                break;
            case "r":
                StartReject(proposals[_selected]);
                break;
        }
    }
    protected override async Task OnInitializedAsync()
    {
        CanDecide = await Authorization.MayAsync(Authentication, DeskPolicies.Trader);

        await base.OnInitializedAsync();
    }

    protected override async Task LoadAsync() =>
        _proposals = await Desk.ListAsync(ProposalStatus.Pending);

    private async Task ApproveAsync(ProposalView proposal)
    {
        if (!CanDecide)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Desk.ApproveAsync(proposal.Id, await ActorAsync());
            _messageOk = result.Succeeded;
            _message = result.Succeeded
                ? string.Create(CultureInfo.InvariantCulture, $"Bought {result.Proposal!.Contracts:0.##} {proposal.Side.ToUpperInvariant()} of {proposal.Ticker} at up to {proposal.Price:0.00##}.")
                : $"{proposal.Ticker} was not traded: {result.Reason}";
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void StartReject(ProposalView proposal)
    {
        _rejecting = proposal.Id;
        _reason = null;
    }

    private void CancelReject()
    {
        _rejecting = null;
        _reason = null;
    }

    private async Task ConfirmRejectAsync(ProposalView proposal)
    {
        if (!CanDecide || string.IsNullOrWhiteSpace(_reason))
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Desk.RejectAsync(proposal.Id, await ActorAsync(), _reason);
            _messageOk = result.Succeeded;
            _message = result.Succeeded ? $"Rejected {proposal.Ticker}: {_reason.Trim()}" : $"{proposal.Ticker}: {result.Reason}";
            _rejecting = null;
            _reason = null;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<string> ActorAsync() => SignedInUser.NameAsync(Authentication);

    private string ExpiresIn(ProposalView proposal)
    {
        var left = proposal.ExpiresAt - Time.GetUtcNow();
        return left <= TimeSpan.Zero ? "expired" : $"{(int)left.TotalMinutes}:{left.Seconds:00}";
    }

    private static string Percent(double p) => p.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Route(ProposalView proposal) =>
        proposal.Route == "maker"
            ? string.Create(CultureInfo.InvariantCulture, $"Rests a bid at {proposal.Price:0.00##} (maker fee {proposal.FeePerContract:0.00####} a contract, fills with p ≈ {proposal.FillProbability:0.00})")
            : string.Create(CultureInfo.InvariantCulture, $"Crosses at up to {proposal.Price:0.00##} (taker fee {proposal.FeePerContract:0.00####} a contract)");

    private static string Dollars(decimal d) => d.ToString("$0.00##", CultureInfo.InvariantCulture);
}
