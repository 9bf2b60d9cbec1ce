using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Accounts;

public sealed class DemoAccountPropertyTests
{
    /// <summary>
    /// Any sequence of orders — any side, price, size, time in force, self-trade rule — interleaved with ticks that
    /// move the makers through resting orders, leaves the cash (and the cash plus reserves) at or above zero.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Cash_AfterAnySequenceOfOrders_NeverGoesNegative(int seed, int[] draws)
    {
        var exchange = new SandboxExchange(
            new SandboxOptions { Markets = 6, Seed = seed, StartingBalanceDollars = 40m, TickInterval = TimeSpan.Zero },
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));
        var tickers = exchange.Tickers;
        var lowest = exchange.CashDollars;
        foreach (var draw in draws ?? [])
        {
            var bits = (uint)draw;
            if (bits % 5 == 0)
            {
                exchange.Tick();
            }

            var command = new OrderCommand(
                tickers[(int)(bits % (uint)tickers.Count)],
                null,
                (bits >> 3) % 2 == 0 ? Side.Yes : Side.No,
                Price.FromDollars((1 + ((bits >> 4) % 99)) / 100m),
                Quantity.Of(1 + ((bits >> 11) % 400)),
                ((bits >> 20) % 3) switch
                {
                    0 => TimeInForce.FillOrKill,
                    1 => TimeInForce.ImmediateOrCancel,
                    _ => TimeInForce.GoodTillCanceled,
                },
                (bits >> 22) % 2 == 0 ? SelfTradePrevention.TakerAtCross : SelfTradePrevention.Maker)
            {
                ReduceOnly = (bits >> 23) % 7 == 0,
            };
            exchange.PlaceOrder(command);
            lowest = Math.Min(lowest, Math.Min(exchange.CashDollars, exchange.CashAndReservesDollars));
        }

        for (var i = 0; i < 20; i++)
        {
            exchange.Tick();
            lowest = Math.Min(lowest, exchange.CashDollars);
        }

        return (lowest >= 0m).Label($"lowest cash {lowest}");
    }
}
