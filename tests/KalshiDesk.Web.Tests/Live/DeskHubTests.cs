using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.TestKit;
using Microsoft.AspNetCore.SignalR.Client;

namespace KalshiDesk.Web.Tests.Live;

/// <summary>The typed hub /hubs/desk carries the Engine's events to clients other than the dashboard.</summary>
public class DeskHubTests(DeskApp desk) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task Hub_RelaysAProposalDecisionToAConnectedClient()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(desk.BaseAddress, "/hubs/desk"), o => o.Headers["Authorization"] = "Bearer " + DeskApp.AdminToken)
            .Build();
        var received = new List<(string Type, string Payload)>();
        connection.On<string, JsonElement>("DeskEvent", (type, payload) =>
        {
            lock (received)
            {
                received.Add((type, payload.GetRawText()));
            }
        });
        await connection.StartAsync();

        using var client = desk.Client();
        JsonElement[] pending = [];
        await Eventually.Until(
            async () => (pending = await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending") ?? []).Length > 0,
            TimeSpan.FromSeconds(60),
            "a pending proposal to decide");
        var id = pending[0].GetProperty("id").GetGuid();
        using var rejected = await client.PostAsJsonAsync($"/api/proposals/{id}/reject", new { reason = "hub test" });
        rejected.EnsureSuccessStatusCode();

        await Eventually.Until(
            () =>
            {
                lock (received)
                {
                    return received.Any(e => e.Type == "ProposalChanged" && e.Payload.Contains(id.ToString(), StringComparison.Ordinal) && e.Payload.Contains("Rejected", StringComparison.Ordinal));
                }
            },
            TimeSpan.FromSeconds(10),
            "the hub should relay the rejection");
    }

    [Fact]
    public async Task Hub_WithoutSignIn_IsRefused()
    {
        using var client = desk.Client(token: null);

        using var response = await client.PostAsync("/hubs/desk/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
