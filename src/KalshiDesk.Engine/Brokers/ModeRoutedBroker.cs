using KalshiDesk.Data;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// The desk's broker: <see cref="PaperBroker"/> on the paper book, <see cref="LiveBroker"/> on the live book, chosen at
/// the moment of each order from the book pinned by the operation (an approval pins the book it found its proposal in)
/// or else from the stored mode, so a switch on any instance applies to the very next order. The desk records an order
/// under <see cref="Name"/> before sending it; the order then goes to the broker that name was read for, so the record
/// and the destination can never disagree, even if the mode switches in between.
/// </summary>
public sealed class ModeRoutedBroker(DeskBooks books, PaperBroker paper, LiveBroker live) : IBroker
{
    private IBroker? _named;

    /// <summary>paper or live: the broker the next order goes to.</summary>
    public string Name
    {
        get
        {
            var broker = For(books.Current());
            Volatile.Write(ref _named, broker);
            return broker.Name;
        }
    }

    public async Task<BrokerResult> ExecuteAsync(OrderRequest order, FeeSchedule fees, CancellationToken ct = default)
    {
        var broker = Interlocked.Exchange(ref _named, null) ?? For(await books.CurrentAsync(ct).ConfigureAwait(false));
        return await broker.ExecuteAsync(order, fees, ct).ConfigureAwait(false);
    }

    private IBroker For(DeskBook book) => book == DeskBook.Live ? live : paper;
}
