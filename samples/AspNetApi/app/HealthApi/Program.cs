using HealthApi;

// `dotnet HealthApi.dll --healthcheck` is the image's HEALTHCHECK: the aspnet image has no curl.
if (args is ["--healthcheck", ..])
{
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
var app = builder.Build();

var started = DateTimeOffset.UtcNow;
app.MapGet("/health", () => new Health("ok"));
app.MapGet("/info", () => new Info(
    Environment.Version.ToString(),
    Environment.UserName,
    Environment.ProcessId,
    (long)(DateTimeOffset.UtcNow - started).TotalSeconds));
app.MapGet("/hello/{name}", (string name) => new Greeting($"Hello, {name}!"));

await app.RunAsync();
return 0;
