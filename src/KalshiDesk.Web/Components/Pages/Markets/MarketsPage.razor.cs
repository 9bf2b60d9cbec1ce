using System.Globalization;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Scanner;

namespace KalshiDesk.Web.Components.Pages.Markets;

/// <summary>The scanner: every market of the last cycle with its quote, the desk's estimate, edge, and why it stopped; redrawn after each cycle.</summary>
public partial class MarketsPage
{
    /// <summary>Rows a page shows.</summary>
    public const int PageSize = 50;

    private const string All = "all";

    private MarketScanPage _page = new(null, null, 0, []);
    private string _search = string.Empty;
    private string _decision = All;
    private string _sort = "edge";
    private bool _descending = true;
    private int _pageIndex;

    private int Pages => (_page.Total + PageSize - 1) / PageSize;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is CycleCompleted;

    protected override Task LoadAsync()
    {
        var query = new MarketScanQuery(_search, _decision == All ? null : _decision, _sort, _descending, _pageIndex * PageSize, PageSize);
        _page = Scan.Query(query);
        if (_page.Markets.Count == 0 && _pageIndex > 0)
        {
            // The new cycle has fewer matches than the page shown: back to the first.
            _pageIndex = 0;
            _page = Scan.Query(query with { Offset = 0 });
        }

        return Task.CompletedTask;
    }

    private Task OnSearchAsync(string? text)
    {
        _search = text ?? string.Empty;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task OnDecisionAsync(string decision)
    {
        _decision = decision;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task OnSortAsync(string sort)
    {
        _sort = sort;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task OnDirectionAsync(bool descending)
    {
        _descending = descending;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task OnPageAsync(int page)
    {
        _pageIndex = page - 1;
        return LoadAsync();
    }

    private string Summary()
    {
        if (_page.At is not { } at)
        {
            return "Waiting for the first cycle.";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{_page.Total:#,0} markets match, from the cycle that finished at {at:yyyy-MM-dd HH:mm:ss} UTC.");
    }

    private static string Price(decimal? dollars) => dollars is { } d ? d.ToString("0.00##", CultureInfo.InvariantCulture) : "—";

    private static string Percent(double? p) => p is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "—";

    private static string SideEdge(ScannedMarket market) =>
        market.Side is { } side && market.Edge is { } edge
            ? string.Create(CultureInfo.InvariantCulture, $"{side.ToUpperInvariant()} {edge:+0.0000;-0.0000;0.0000}")
            : "—";
}
