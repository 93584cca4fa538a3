using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthApi;

public sealed record Health(string Status);

public sealed record Info(string Runtime, string User, int Pid, long UptimeSeconds);

public sealed record Greeting(string Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(Info))]
[JsonSerializable(typeof(Greeting))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>The container health probe: GET /health on the app's own port, exit code 0 when it answers 200.</summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string? httpPorts)
    {
        var port = (httpPorts ?? "8080").Split(';', ',')[0].Trim();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"health check failed: {e.Message}");
            return 1;
        }
    }
}
