using Microsoft.Playwright;

namespace ExtractReports.Review.Tests;

/// <summary>
/// The review page in a real browser (Debian's chromium driven by Playwright), as a reviewer uses it:
/// the queue of a scanned document with the crop of the cell, a correction typed from the keyboard, kept
/// over a reload and applied by the next `extract`. Few and fast on purpose: one browser, two documents.
/// It also takes the screenshots docs/ and the README show.
/// </summary>
public class BrowserReviewTests
{
    private static async Task<IBrowser> Launch(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

    [BrowserFact]
    public async Task A_reviewer_corrects_a_scanned_field_from_the_keyboard_and_every_later_extract_keeps_it()
    {
        using var folder = new ReviewFolder();
        var scan = "scan-18-2020-plain";
        var text = "text-21-runs-2019";
        var inputs = folder.Extract($"scan/{scan}.pdf", $"text/{text}.txt");
        // The riskiest field of the scan that has a place on the page (fields of rows not found have none).
        string field = folder.Rows("fields.csv")
            .Where(r => r["document"] == scan && r["box"] != "" && double.Parse(r["confidence"], System.Globalization.CultureInfo.InvariantCulture) < 0.9)
            .OrderBy(r => double.Parse(r["confidence"], System.Globalization.CultureInfo.InvariantCulture)).First()["field"];

        await using (var server = folder.Serve(reviewer: "alice"))
        {
            await server.StartAsync();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Launch(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

            // The scanned document in the queue; its riskiest field with a place on the page: the cell, boxed.
            await page.GotoAsync(server.Address.ToString());
            await page.Locator($"nav h4[data-document='{scan}']").ClickAsync();
            await page.Locator($"nav li.current[data-document='{scan}']").WaitForAsync();
            await page.GotoAsync($"{server.Address}#{scan}/{field}");
            await page.ReloadAsync();
            var queueField = page.Locator($"nav li.current[data-document='{scan}'][data-field='{field}']");
            await queueField.WaitForAsync();
            var crop = page.Locator(".crop img");
            await crop.WaitForAsync();
            await page.WaitForFunctionAsync("() => { const i = document.querySelector('.crop img'); return i && i.complete && i.naturalWidth > 100; }");
            Assert.True(await page.Locator(".crop .box").IsVisibleAsync());
            Assert.Contains("left", await page.Locator("#progress").TextContentAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReviewFolder.Root, "docs", "review-scan.png") });

            // A count refuses a word, with a message, and keeps nothing.
            await page.Keyboard.TypeAsync("abc");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("not a number");

            // Typing a number and Enter corrects it, saved at once; the page moves on.
            await page.Locator("#input").FillAsync("");
            await page.Keyboard.TypeAsync("7");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator($"nav li.done[data-field='{field}'][data-document='{scan}']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#progress")).ToContainTextAsync("1 done");

            // The page moved on to the next field: `-` Enter marks it blank, Enter alone accepts the one after,
            // the arrows move back and forth, Space skips to the next field not yet reviewed.
            var shown = page.Locator("main#field");
            await Assertions.Expect(shown).Not.ToHaveAttributeAsync("data-field", field);
            var blank = await shown.GetAttributeAsync("data-field");
            await page.Keyboard.TypeAsync("-");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#progress")).ToContainTextAsync("2 done");
            await Assertions.Expect(shown).Not.ToHaveAttributeAsync("data-field", blank!);
            var accepted = await shown.GetAttributeAsync("data-field");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#progress")).ToContainTextAsync("3 done");
            await Assertions.Expect(shown).Not.ToHaveAttributeAsync("data-field", accepted!);
            var next = await shown.GetAttributeAsync("data-field");
            await page.Keyboard.PressAsync("ArrowUp");
            await Assertions.Expect(shown).Not.ToHaveAttributeAsync("data-field", next!);
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(shown).ToHaveAttributeAsync("data-field", next!);
            await page.Keyboard.PressAsync(" ");
            await Assertions.Expect(shown).Not.ToHaveAttributeAsync("data-field", next!);
            Assert.Equal(3, server.Session.Store.Corrections().Count);
            var kept = server.Session.Store.Corrections();
            Assert.Equal("", kept[(scan, blank!)].Value);
            Assert.Equal(kept[(scan, accepted!)].Original, kept[(scan, accepted!)].Value);
            Assert.All(kept.Values, c => Assert.Equal("alice", c.Reviewer));

            // A reload shows it kept.
            await page.GotoAsync($"{server.Address}#{scan}/{field}");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#value")).ToHaveTextAsync("7");
            await Assertions.Expect(page.Locator("#corrected-by")).ToContainTextAsync("alice");

            // A text dump shows its source lines with the cell marked.
            var textField = server.Session.Queue().Documents.Single(d => d.Document == text).Fields.First(f => f.Status != "missing").Field;
            await page.GotoAsync($"{server.Address}#{text}/{textField}");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator(".source .marked")).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReviewFolder.Root, "docs", "review-text.png") });
        }

        // extract again into the folder: the correction is in every output.
        Assert.Equal(0, ReviewFolder.Cli(["extract", .. inputs, "--out", folder.Out]));
        var fieldRow = folder.Rows("fields.csv").Single(r => r["document"] == scan && r["field"] == field);
        Assert.Equal("7", fieldRow["value"]);
        Assert.Equal("ok", fieldRow["status"]);
        Assert.Contains("corrected_by_reviewer", fieldRow["flags"]);
        Assert.Equal("7", folder.Rows("wide.csv").Single(r => r["document"] == scan)[field]);
        Assert.Equal("7", folder.Rows("review.csv").Single(r => r["document"] == scan && r["field"] == field)["corrected_value"]);
    }
}
