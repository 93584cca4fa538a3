using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.EndToEnd.Tests;

/// <summary>Every sample under <c>samples/</c>, with what its running container must answer.</summary>
public static class Samples
{
    /// <summary>R, plumber and a compiled Rcpp package; R starts slowly, so it may take longest.</summary>
    public static readonly Sample RPlumberApi = new("RPlumberApi", 8000, TimeSpan.FromSeconds(180), async http =>
    {
        await ExpectHealthOk(http);
        using var stats = await GetJson(http, "/stats?x=1,2,3,4");
        Assert.Equal(4, stats.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(2.5, stats.RootElement.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(2.5, stats.RootElement.GetProperty("median").GetDouble(), 9);
    });

    /// <summary>ASP.NET Core, published by the SDK image and run by the aspnet image as <c>app</c>.</summary>
    public static readonly Sample AspNetApi = new("AspNetApi", 8080, TimeSpan.FromSeconds(120), async http =>
    {
        await ExpectHealthOk(http);
        using var hello = await GetJson(http, "/hello/DockerDsl");
        Assert.Equal("Hello, DockerDsl!", hello.RootElement.GetProperty("message").GetString());
        using var info = await GetJson(http, "/info");
        Assert.Equal("app", info.RootElement.GetProperty("user").GetString());
    });

    /// <summary>A site bundled by Node.js in a build stage and served by non-root nginx.</summary>
    public static readonly Sample StaticFrontend = new("StaticFrontend", 8080, TimeSpan.FromSeconds(120), async http =>
    {
        await ExpectHealthOk(http);
        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>plumberstats playground</title>", html);

        // The bundle build.mjs wrote: a content-hashed name, cacheable for good, with the app's code.
        var script = Regex.Match(html, @"/assets/main\.[0-9a-f]{12}\.js");
        Assert.True(script.Success, "index.html does not reference a hashed bundle:\n" + html);
        using var bundle = await http.GetAsync(script.Value);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("immutable", bundle.Headers.CacheControl?.ToString() ?? "");
        Assert.Contains("function parseSeries(", await bundle.Content.ReadAsStringAsync());
    });

    /// <summary>A static site served by busybox httpd on the busybox image, as a user [NonRootUser] wrote into /etc/passwd.</summary>
    public static readonly Sample BusyboxSite = new("BusyboxSite", 8080, TimeSpan.FromSeconds(60), async http =>
    {
        await ExpectHealthOk(http);
        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>DockerDsl on busybox</title>", await page.Content.ReadAsStringAsync());

        // A path the site does not have is a 404, not the index.
        using var missing = await http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    });

    public static readonly Sample[] All = { RPlumberApi, AspNetApi, StaticFrontend, BusyboxSite };

    private static async Task ExpectHealthOk(HttpClient http)
    {
        using var health = await GetJson(http, "/health");
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
    }

    private static async Task<JsonDocument> GetJson(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
