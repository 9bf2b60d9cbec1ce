using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// An <c>orderbook_snapshot</c> body: [price, count] levels, each side ascending by price; a side's key is absent
/// when that side is empty (AsyncAPI 2026-08-04).
/// </summary>
internal sealed record StreamSnapshotJson(
    string MarketTicker,
    string MarketId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string[]>? YesDollarsFp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string[]>? NoDollarsFp);
