using KalshiDesk.Data;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// Which book the desk works on: the paper book while it trades paper, the live book (the main database) while it trades
/// live, read fresh from the stored mode each time. An operation that must stay on one book from start to end (an
/// approval: the proposal, its order, the broker, the fill; a cycle; a kill switch) pins it: within the pin, on this
/// async flow, every context and the broker's choice are on the pinned book, whatever another admin switches meanwhile.
/// </summary>
public sealed class DeskBooks(DeskModeStore modes)
{
    private readonly AsyncLocal<DeskBook?> _pinned = new();

    /// <summary>The book pinned on this async flow, if any.</summary>
    public DeskBook? Pinned => _pinned.Value;

    /// <summary>The pinned book, or the book of the mode in force now.</summary>
    public DeskBook Current() => _pinned.Value ?? modes.Read().Book;

    /// <summary>The pinned book, or the book of the mode in force now.</summary>
    public async ValueTask<DeskBook> CurrentAsync(CancellationToken ct = default) =>
        _pinned.Value ?? (await modes.ReadAsync(ct).ConfigureAwait(false)).Book;

    /// <summary>
    /// Pins <paramref name="book"/> on this async flow until the result is disposed. Call it in the method that does the
    /// work (not in a helper that is itself async: an async method's changes to the flow end with it).
    /// </summary>
    public IDisposable Pin(DeskBook book)
    {
        var previous = _pinned.Value;
        _pinned.Value = book;
        return new Unpin(_pinned, previous);
    }

    private sealed class Unpin(AsyncLocal<DeskBook?> pinned, DeskBook? previous) : IDisposable
    {
        public void Dispose() => pinned.Value = previous;
    }
}
