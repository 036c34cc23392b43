using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ExtractReports.Review.Tests;

/// <summary>The review server over HTTP, without a browser: what it serves, what it refuses, what it keeps.</summary>
public class ReviewServerTests
{
    private const string Seed = "001_472372508976de87";

    [Fact]
    public async Task It_listens_on_this_machine_only_and_serves_nothing_but_its_page_and_the_folders_fields()
    {
        using var folder = new ReviewFolder();
        folder.Extract($"seeds/{Seed}.txt");
        await using var server = folder.Serve();
        await server.StartAsync();
        Assert.Equal("127.0.0.1", server.Address.Host);
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
        foreach (var path in new[] { "/extractreports.db", "/documents.csv", "/fields.csv", "/..%2fdocuments.csv", "/app.js/../../etc/passwd",
                     "/api/crop?document=..%2F..%2Fetc%2Fpasswd&field=meta.agency", $"/api/crop?document={Seed}&field=meta.agency",
                     "/api/field?document=nothing&field=meta.agency" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);

        // A page reached under another name (DNS rebinding) or a form posted from another site is refused.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/queue");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(rebound)).StatusCode);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/correct") { Content = JsonContent.Create(new { document = Seed, field = "meta.year", value = "2001" }) };
        crossSite.Headers.Add("Origin", "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);
        using var form = new StringContent("document=x&field=y&value=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync("/api/correct", form)).StatusCode);
        Assert.Empty(server.Session.Store.Corrections());
    }

    [Fact]
    public async Task A_correction_is_checked_kept_at_once_with_its_reviewer_and_in_the_CSVs_when_the_server_stops()
    {
        using var folder = new ReviewFolder();
        folder.Extract($"seeds/{Seed}.txt");
        var field = folder.Rows("review.csv").First(r => r["document"] == Seed && r["status"] == "missing")["field"];
        await using (var server = folder.Serve(reviewer: "carol"))
        {
            await server.StartAsync();
            using var http = new HttpClient { BaseAddress = server.Address };

            var refused = await http.PostAsJsonAsync("/api/correct", new { document = Seed, field, value = "abc" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("not a number", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
            Assert.Empty(server.Session.Store.Corrections());

            var saved = await http.PostAsJsonAsync("/api/correct", new { document = Seed, field, value = "１２" });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var kept = server.Session.Store.Corrections()[(Seed, field)];
            Assert.Equal(("12", "carol"), (kept.Value, kept.Reviewer));

            var view = await http.GetFromJsonAsync<JsonElement>($"/api/field?document={Seed}&field={field}");
            Assert.Equal(("12", "ok"), (view.GetProperty("value").GetString(), view.GetProperty("status").GetString()));
            var queue = await http.GetFromJsonAsync<JsonElement>("/api/queue");
            Assert.Equal(1, queue.GetProperty("done").GetInt32());
            await server.StopAsync();
        }
        var row = folder.Rows("fields.csv").Single(r => r["document"] == Seed && r["field"] == field);
        Assert.Equal(("12", "ok"), (row["value"], row["status"]));
        Assert.Equal("12", folder.Rows("review.csv").Single(r => r["field"] == field)["corrected_value"]);
    }

    [Fact]
    public async Task An_HTML_report_shows_the_lines_around_the_field_with_its_cell_marked()
    {
        using var folder = new ReviewFolder();
        folder.Extract("html/html-01-2021-utf8.html");
        await using var server = folder.Serve();
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };
        foreach (var (field, column) in new[] { ("t3.granted.total", 6), ("t3.granted.commercial", 1), ("t3.new_requests.natural_person", 0) })
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"/api/field?document=html-01-2021-utf8&field={field}");
            var line = view.GetProperty("source").GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("current").GetBoolean());
            var cells = line.GetProperty("cells").EnumerateArray().Select(c => c.GetString()!).ToList();
            int marked = line.GetProperty("markedCell").GetInt32();
            Assert.Equal(view.GetProperty("value").GetString(), cells[marked]);
            // The marked cell is the field's column: the column-th of the row's numbers.
            Assert.Equal(column, cells.Select((c, i) => (c, i)).Where(x => x.c.Length > 0 && x.c.All(char.IsDigit)).Select(x => x.i).ToList().IndexOf(marked));
            Assert.True(view.GetProperty("crop").ValueKind == JsonValueKind.Null);
        }
    }

    [Fact]
    public void The_page_puts_document_text_in_as_text_never_as_markup()
    {
        var script = File.ReadAllText(Path.Combine(ReviewFolder.Root, "src", "ExtractReports.Review", "wwwroot", "app.js"));
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(" })
            Assert.DoesNotContain(sink, script);
    }
}
