using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Lifecycle;

/// <summary>
/// The exchange's books over any run: random orders from the account, ticks, and time jumps that close, determine and
/// settle markets (and open their replacements).
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 40)]
    public Property Ledger_AfterAnyRun_BalancesEveryContractAndEveryDollar(int seed, int[] draws)
    {
        var time = new FakeTimeProvider(Start);
        var exchange = new SandboxExchange(new SandboxOptions { Markets = 8, Seed = seed, StartingBalanceDollars = 300m, TickInterval = TimeSpan.Zero }, time);
        var failures = new List<string>();

        void Check(string step)
        {
            var audit = exchange.Audit();
            if (audit.Money != audit.OpeningMoney)
            {
                failures.Add($"{step}: money {audit.Money} != opening {audit.OpeningMoney}");
            }

            if (audit.Imbalances.Count > 0)
            {
                var (ticker, yes, no) = audit.Imbalances[0];
                failures.Add($"{step}: {ticker} YES held {yes} != NO held {no}");
            }

            if (audit.LowestCash < 0m)
            {
                failures.Add($"{step}: a balance went negative ({audit.LowestCash})");
            }
        }

        for (var i = 0; i < 5; i++)
        {
            exchange.Tick();
        }

        Check("start");
        var step = 0;
        foreach (var draw in draws ?? [])
        {
            var bits = (uint)draw;
            step++;
            switch (bits % 8)
            {
                case 0:
                    exchange.Tick();
                    break;
                case 1:
                    // Minutes to days: markets close, are determined and settle, and new ones open.
                    time.Advance(TimeSpan.FromMinutes(1 + ((bits >> 3) % 4000)));
                    exchange.Tick();
                    break;
                default:
                    var open = OpenTickers(exchange);
                    if (open.Count == 0)
                    {
                        break;
                    }

                    exchange.PlaceOrder(new OrderCommand(
                        open[(int)((bits >> 3) % (uint)open.Count)],
                        null,
                        (bits >> 8) % 2 == 0 ? Side.Yes : Side.No,
                        Price.FromDollars((1 + ((bits >> 9) % 99)) / 100m),
                        Quantity.Of(1 + ((bits >> 16) % 60)),
                        ((bits >> 23) % 3) switch
                        {
                            0 => TimeInForce.FillOrKill,
                            1 => TimeInForce.ImmediateOrCancel,
                            _ => TimeInForce.GoodTillCanceled,
                        },
                        (bits >> 25) % 2 == 0 ? SelfTradePrevention.TakerAtCross : SelfTradePrevention.Maker));
                    break;
            }

            Check($"step {step}");
        }

        // A month on, every market the run started with has settled and paid out.
        time.Advance(TimeSpan.FromDays(31));
        exchange.Tick();
        Check("after a month");
        var audit = exchange.Audit();
        return (failures.Count == 0 && audit.PaidOut > 0m)
            .Label(failures.Count > 0 ? string.Join("; ", failures.Take(3)) : $"paid out {audit.PaidOut}");
    }

    [Property(MaxTest = 60)]
    public Property Fees_OfEveryAccountOrder_AreTheScheduleSummedOverItsFillsAndRoundedUpOnce(int seed, int[] draws)
    {
        var time = new FakeTimeProvider(Start);
        var exchange = new SandboxExchange(new SandboxOptions { Markets = 6, Seed = seed, StartingBalanceDollars = 5000m, TickInterval = TimeSpan.Zero }, time);
        foreach (var draw in draws ?? [])
        {
            var bits = (uint)draw;
            if (bits % 4 == 0)
            {
                exchange.Tick();
                continue;
            }

            var open = OpenTickers(exchange);
            exchange.PlaceOrder(new OrderCommand(
                open[(int)((bits >> 2) % (uint)open.Count)],
                null,
                (bits >> 7) % 2 == 0 ? Side.Yes : Side.No,
                Price.FromDollars((1 + ((bits >> 8) % 99)) / 100m),
                Quantity.Of(1 + ((bits >> 15) % 900)),
                (bits >> 25) % 2 == 0 ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCanceled,
                SelfTradePrevention.Maker));
        }

        var wrong = new List<string>();
        exchange.Inspect(() =>
        {
            foreach (var order in exchange.Account.Orders)
            {
                var fills = exchange.Account.Fills.Where(f => f.OrderId == order.OrderId).ToList();
                var fees = order.Market.Fees;
                var takerRaw = fills.Where(f => f.IsTaker).Sum(f => KalshiFeeModel.TakerFeePerContract(OutcomePrice(f), fees) * f.Count.Contracts);
                var makerRaw = fills.Where(f => !f.IsTaker).Sum(f => KalshiFeeModel.MakerFeePerContract(OutcomePrice(f), fees) * f.Count.Contracts);
                var takerExpected = new Money(takerRaw).CeilingToCent().Dollars;
                var makerExpected = new Money(makerRaw).CeilingToCent().Dollars;
                if (order.TakerFees != takerExpected || order.MakerFees != makerExpected || fills.Sum(f => f.Fee) != takerExpected + makerExpected)
                {
                    wrong.Add($"{order.OrderId}: taker {order.TakerFees} vs {takerExpected}, maker {order.MakerFees} vs {makerExpected}");
                }
            }
        });

        return (wrong.Count == 0).Label(string.Join("; ", wrong.Take(3)));
    }

    private static Price OutcomePrice(AccountFill fill) => fill.Outcome == Side.Yes ? fill.YesPrice : fill.YesPrice.Complement;

    private static List<string> OpenTickers(SandboxExchange exchange)
    {
        var open = new List<string>();
        exchange.Inspect(() => open.AddRange(exchange.World.Markets.Where(m => m.IsTrading).Select(m => m.Ticker)));
        return open;
    }
}
