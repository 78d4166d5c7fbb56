using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using TraceFix.Client;
using TraceFix.Client.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<OperatorKeyStore>();
builder.Services.AddScoped<IRunsApi, RunsApiClient>();
builder.Services.AddScoped<IRunFeed, RunFeed>();
builder.Services.AddScoped<UiPreferences>();

await builder.Build().RunAsync();
