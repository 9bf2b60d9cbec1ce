using System.Buffers;
using System.Text.Json;
using KalshiDesk.Sandbox.Wire;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// One server → client frame: <c>{"id","type","sid","seq","msg"}</c>, each part only when it applies. Bodies are immutable,
/// so a frame is queued under the exchange's lock and serialised later by the connection's writer.
/// </summary>
/// <param name="IsData">A channel message, counted against <see cref="SandboxStreamOptions.BufferCapacity"/>; command responses are not.</param>
internal sealed record OutboundMessage(string Type, long? Id, long? Sid, long? Seq, object? Msg, bool IsData)
{
    public static OutboundMessage Error(long? id, StreamFailure failure, long? sid = null) =>
        new("error", id, sid, null, new StreamErrorJson(failure.Code, failure.Message), IsData: false);

    public void WriteTo(IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SandboxJson.Options.Encoder });
        writer.WriteStartObject();
        if (Id is { } id)
        {
            writer.WriteNumber("id", id);
        }

        writer.WriteString("type", Type);
        if (Sid is { } sid)
        {
            writer.WriteNumber("sid", sid);
        }

        if (Seq is { } seq)
        {
            writer.WriteNumber("seq", seq);
        }

        if (Msg is not null)
        {
            writer.WritePropertyName("msg");
            JsonSerializer.Serialize(writer, Msg, Msg.GetType(), SandboxJson.Options);
        }

        writer.WriteEndObject();
    }
}
