using System.Net;
using System.Reflection;
using ExtractReports.Documents;
using ExtractReports.Lines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExtractReports.Review;

/// <summary>A correction as the page posts it.</summary>
public sealed record CorrectionRequest(string Document, string Field, string? Value, bool AsText = false, bool Accept = false);

/// <summary>
/// The review web app. It serves only its own page, JSON about the output folder's fields, and crops of
/// the documents named in that folder's documents.csv (looked up by name: no path ever comes from a
/// request). It listens on 127.0.0.1 unless told otherwise, answers only requests addressed to the host
/// it listens on (no DNS rebinding), and takes corrections only as JSON from its own page (a cross-site
/// form cannot post JSON without a preflight it does not grant). The page puts document text into the
/// DOM as text, never as markup.
/// </summary>
public sealed class ReviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReviewSession _session;

    private ReviewServer(WebApplication app, ReviewSession session)
    {
        _app = app;
        _session = session;
    }

    /// <summary>The address the server listens on (with the port taken when 0 was asked for), once started.</summary>
    public Uri Address => new(_app.Urls.First());

    public ReviewSession Session => _session;

    /// <param name="readLines">Reads a document's lines of cells as `extract` does (for text, HTML and DOCX sources).</param>
    public static ReviewServer Create(ReviewServerOptions options, Func<SourceDocument, LineDocument> readLines)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(options.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host), options.Port));
        var app = builder.Build();
        var session = new ReviewSession(options);
        var crops = new PageCrops(options);
        var sources = new SourceLines(options, readLines);
        var server = new ReviewServer(app, session);

        app.Use(async (context, next) =>
        {
            if (!AllowedHost(context.Request.Host, options))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("unexpected Host header");
                return;
            }
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.Origin is { Count: > 0 } origin
                && !(Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var o) && AllowedHost(new HostString(o.Authority), options)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            context.Response.Headers["Cache-Control"] = "no-store";
            await next();
        });

        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Asset("app.css", "text/css; charset=utf-8"));
        app.MapGet("/api/queue", () => Results.Json(session.Queue()));
        app.MapGet("/api/field", (string document, string field) =>
        {
            if (session.Document(document) is not { } result || !result.Fields.Any(f => f.Field.FieldId == field) || !session.Schema.Contains(field))
                return Results.NotFound(new { error = $"no field {field} in a document named {document}" });
            var crop = PageCrops.Shows(result) ? crops.Crop(result, field).View : null;
            var source = PageCrops.Shows(result) ? null : sources.Around(result, field, session.Schema);
            return Results.Json(FieldViews.Build(result, field, session.Store.Corrections(), session.Store.History(document, field), crop, source, session.Schema));
        });
        app.MapGet("/api/crop", (string document, string field) =>
        {
            if (session.Document(document) is not { } result || !result.Fields.Any(f => f.Field.FieldId == field) || !PageCrops.Shows(result))
                return Results.NotFound();
            return crops.Crop(result, field).Png is { } png ? Results.File(png, "image/png") : Results.NotFound();
        });
        app.MapPost("/api/correct", (CorrectionRequest request) =>
        {
            var check = session.Correct(request.Document, request.Field, request.Value ?? "", request.AsText, request.Accept);
            return check.Value is { } v
                ? Results.Json(new { ok = true, value = v.Value, status = v.Status.ToString().ToLowerInvariant() })
                : Results.BadRequest(new { ok = false, error = check.Error });
        });
        app.MapPost("/api/write", () => Results.Json(new { ok = true, corrections = session.WriteOutputs(), folder = Path.GetFullPath(options.OutputFolder) }));

        // The CSVs follow the store when the server stops (Ctrl+C, or the test host disposing it).
        app.Lifetime.ApplicationStopping.Register(() => session.WriteOutputs());
        return server;
    }

    public Task StartAsync(CancellationToken cancellation = default) => _app.StartAsync(cancellation);

    /// <summary>Runs until Ctrl+C; the CSVs are rewritten on the way out.</summary>
    public Task RunAsync() => _app.RunAsync();

    public Task StopAsync() => _app.StopAsync();

    /// <summary>
    /// Completes when the host has stopped by itself (a signal; the CSVs are written by then) or
    /// <paramref name="cancellation"/> fires (then <see cref="StopAsync"/> stops it and writes them).
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellation)
    {
        // Continuations run apart from the host's own stopping callbacks, which must all run first.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = _app.Lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        using var onCancel = cancellation.Register(() => stopped.TrySetResult());
        await stopped.Task;
    }

    private static bool AllowedHost(HostString host, ReviewServerOptions options)
    {
        if (!IPAddress.TryParse(options.Host, out var listen) || !IPAddress.IsLoopback(listen)) return true; // told to listen wider
        return host.Host is "127.0.0.1" or "localhost" or "[::1]";
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"the page asset {name} is missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Results.Bytes(memory.ToArray(), contentType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _session.Dispose();
    }
}
