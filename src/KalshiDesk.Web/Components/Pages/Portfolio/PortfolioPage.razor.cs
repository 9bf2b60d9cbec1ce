using System.Globalization;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using Microsoft.AspNetCore.Components;

namespace KalshiDesk.Web.Components.Pages.Portfolio;

/// <summary>
/// The account, and tabs of its positions, orders, fills and settlements, each sortable with its CSV download; redrawn
/// when a fill, a settlement, a proposal's order or a cycle changes them, without a reload.
/// </summary>
public partial class PortfolioPage
{
    /// <summary>The newest rows each tab loads; the CSV download holds them all.</summary>
    public const int Newest = TradeQuery.MaxLimit;

    /// <summary>Rows a table page shows.</summary>
    public const int PageSize = 25;

    private PortfolioSnapshot? _account;
    private OrdersPage _orders = new(0, 0, Newest, []);
    private FillsPage _fills = new(0, 0, Newest, []);
    private SettlementsPage _settlements = new(0, 0, Newest, []);

    [Inject]
    private PortfolioReader Portfolio { get; set; } = default!;

    [Inject]
    private TradeHistory History { get; set; } = default!;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is PositionsChanged or CycleCompleted or ProposalChanged;

    protected override async Task LoadAsync()
    {
        var newest = new TradeQuery(Limit: Newest);
        var account = await Portfolio.ReadAsync();
        _orders = await History.ReadOrdersAsync(newest);
        _fills = await History.ReadFillsAsync(newest);
        _settlements = await History.ReadSettlementsAsync(newest);
        _account = account;
    }

    private static string Shown(int shown, int total, string what) =>
        shown < total
            ? string.Create(CultureInfo.InvariantCulture, $"The newest {shown:#,0} of {total:#,0} {what}; the CSV holds them all.")
            : string.Create(CultureInfo.InvariantCulture, $"{total:#,0} {what}, newest first.");

    private static string Held(SettlementView s) =>
        (s.YesCount, s.NoCount) switch
        {
            (> 0m, > 0m) => $"{Count(s.YesCount)} YES, {Count(s.NoCount)} NO",
            (> 0m, _) => $"{Count(s.YesCount)} YES",
            _ => $"{Count(s.NoCount)} NO",
        };

    private static string Dollars(decimal d) => d.ToString("$#,0.00;-$#,0.00", CultureInfo.InvariantCulture);

    private static string Price(decimal? d) => d is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) : "—";

    private static string Count(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
