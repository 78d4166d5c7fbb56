using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using TraceFix.Contracts.Runs;
using static Microsoft.Playwright.Assertions;

namespace TraceFix.E2E.Tests;

/// <summary>The dashboard left open while the server restarts: it shows the outage, reconnects by itself and is live again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecoveryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ServerRestart_DashboardReconnectsAndReceivesNewRunsAgain()
    {
        var port = FreePort();
        var data = DashboardServer.NewDataDirectory();
        try
        {
            var first = new DashboardServer(port, data);
            var (page, _) = await fixture.NewPageAsync();
            await page.OpenAsync(first.BaseAddress.ToString());
            await Expect(page.Locator(".conn-connected")).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });

            await first.DisposeAsync();
            await Expect(page.Locator(".conn-reconnecting, .conn-disconnected")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Screenshots.TakeAsync(page, "10-reconnecting");

            await using var second = new DashboardServer(port, data);
            await Expect(page.Locator(".conn-connected")).ToBeVisibleAsync(new() { Timeout = 30_000 });

            using var http = second.CreateClient();
            var response = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(AgentKinds.Offline, Tasks: [Trajectories.Task], MaxSteps: 10));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var accepted = await response.Content.ReadFromJsonAsync<RunAccepted>();
            await Expect(page.Locator($".run-row[data-run='{accepted!.RunId}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
