using KalshiDesk.Data;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Modes;

/// <summary>
/// The paper book in its own database, as the app keeps it: paper proposals, fills, positions and cash in desk-paper.db,
/// the live book and the mode in desk.db, and every read and write on the book in force.
/// </summary>
public class DeskBooksTests
{
    private static readonly Dictionary<string, string?> LiveAllowed = new() { ["Trading:Mode"] = "Live" };

    [Fact]
    public async Task PaperAccount_OpensInThePaperDatabaseOnly()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed, books: true);

        await using var paper = await desk.Paper.CreateDbContextAsync();
        await using var main = await desk.Main.CreateDbContextAsync();
        var deposit = await paper.Ledger.SingleAsync();
        Assert.Equal(("deposit", 1000m, "paper account opened"), (deposit.Kind, deposit.Amount, deposit.Note));
        Assert.Equal(0, await main.Ledger.CountAsync());
        var databases = desk.Get<DeskDatabases>();
        var (mainFile, paperFile) = (new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(databases.Main.ConnectionString).DataSource, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(databases.Paper.ConnectionString).DataSource);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(mainFile)!, "desk-paper.db"), paperFile);
        Assert.True(File.Exists(mainFile) && File.Exists(paperFile));
    }

    [Fact]
    public async Task PaperFill_LandsInThePaperDatabase_AndTheMainDatabaseStaysEmpty()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed, books: true);
        var proposals = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds;
        Assert.NotEmpty(proposals);

        var approved = await desk.Get<ProposalService>().ApproveAsync(proposals[0], "tom");

        Assert.True(approved.Succeeded, approved.Reason);
        await using var paper = await desk.Paper.CreateDbContextAsync();
        await using var main = await desk.Main.CreateDbContextAsync();
        var order = await paper.Orders.SingleAsync();
        Assert.Equal(("paper", "kd-" + proposals[0].ToString("N"), approved.Proposal!.Ticker), (order.Broker, order.ClientOrderId, order.Ticker));
        var fill = await paper.Fills.SingleAsync();
        var position = await paper.Positions.SingleAsync();
        Assert.Equal((fill.Ticker, fill.Side, fill.Count), (position.Ticker, position.Side, position.Contracts));
        Assert.Equal(["buy", "deposit", "fee"], (await paper.Ledger.Select(l => l.Kind).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(proposals.Count, await paper.Proposals.CountAsync());
        Assert.Equal(1, await paper.CycleRuns.CountAsync());
        Assert.Equal(
            (0, 0, 0, 0, 0, 0),
            (await main.Orders.CountAsync(), await main.Fills.CountAsync(), await main.Positions.CountAsync(), await main.Ledger.CountAsync(), await main.Proposals.CountAsync(), await main.CycleRuns.CountAsync()));
    }

    [Fact]
    public async Task SwitchToLive_HidesThePaperBook_AndBackToPaperShowsItAgain()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed, books: true);
        var proposals = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds;
        Assert.True(proposals.Count >= 2, $"{proposals.Count} proposals");
        var approved = await desk.Get<ProposalService>().ApproveAsync(proposals[0], "tom");
        Assert.True(approved.Succeeded, approved.Reason);
        var onPaper = await desk.Get<PortfolioReader>().ReadAsync();
        var held = Assert.Single(onPaper.Positions);
        Assert.Equal(approved.Proposal!.Ticker, held.Ticker);

        var modes = desk.Get<DeskModeService>();
        Assert.Equal(ModeChangeOutcome.Changed, (await modes.GoLiveAsync("ada", "LIVE")).Outcome);
        var live = await desk.Get<PortfolioReader>().ReadAsync();
        var pending = await desk.Get<ProposalService>().ListAsync(Domain.Proposals.ProposalStatus.Pending);
        var paperProposal = await desk.Get<ProposalService>().ApproveAsync(proposals[1], "tom");

        Assert.Empty(live.Positions);
        Assert.Equal((0m, 0m), (live.Cash, live.Deposits));
        Assert.Empty(pending);
        Assert.False(paperProposal.Found);
        Assert.Equal(DeskBook.Live, await desk.Get<DeskBooks>().CurrentAsync());

        Assert.Equal(ModeChangeOutcome.Changed, (await modes.GoPaperAsync("ada")).Outcome);
        var back = await desk.Get<PortfolioReader>().ReadAsync();

        Assert.Equal(held, Assert.Single(back.Positions));
        Assert.Equal(onPaper.Cash, back.Cash);
        await using var main = await desk.Main.CreateDbContextAsync();
        await using var paper = await desk.Paper.CreateDbContextAsync();
        Assert.Equal(["mode.live", "mode.paper"], (await main.Audit.Select(a => a.Action).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, await paper.Audit.CountAsync(a => a.Action.StartsWith("mode.")));
        Assert.Equal(0, await paper.DeskMode.CountAsync());
        Assert.Equal(1, await main.DeskMode.CountAsync());
        Assert.Equal(0, await main.Orders.CountAsync());
    }

    [Fact]
    public async Task RiskSettings_FollowTheBookInForce()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed, books: true);
        var risk = desk.Get<RiskSettings>();
        Assert.True((await risk.SwitchPresetAsync("conservative", "ada")).Succeeded);

        Assert.Equal(ModeChangeOutcome.Changed, (await desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE")).Outcome);
        var live = await desk.Get<PresetProvider>().GetActiveAsync();
        Assert.Equal(ModeChangeOutcome.Changed, (await desk.Get<DeskModeService>().GoPaperAsync("ada")).Outcome);
        var paper = await desk.Get<PresetProvider>().GetActiveAsync();

        Assert.Equal(("balanced", "conservative"), (live.Name, paper.Name));
        await using var paperDb = await desk.Paper.CreateDbContextAsync();
        Assert.Equal(1, await paperDb.Audit.CountAsync(a => a.Action == "risk.preset"));
    }

    [Fact]
    public async Task Pin_HoldsTheBookForTheOperation_WhateverTheStoredMode()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed, books: true);
        Assert.Equal(ModeChangeOutcome.Changed, (await desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE")).Outcome);
        var books = desk.Get<DeskBooks>();
        var broker = desk.Get<IBroker>();

        using (books.Pin(DeskBook.Paper))
        {
            await using var context = await desk.Db.CreateDbContextAsync();
            Assert.Equal(1000m, (await context.Ledger.SingleAsync()).Amount);
            Assert.Equal("paper", broker.Name);
        }

        Assert.Null(books.Pinned);
        await using var unpinned = await desk.Db.CreateDbContextAsync();
        Assert.Equal(0, await unpinned.Ledger.CountAsync());
        Assert.Equal("live", broker.Name);
    }
}
