using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class PageBuffersTests
{
    [Fact]
    public void An_array_given_back_is_the_next_of_its_length_and_comes_zeroed()
    {
        var buffers = new PageBuffers();
        var a = buffers.Bytes(100);
        a[7] = 1;
        buffers.Return(a);

        var b = buffers.Bytes(100);

        Assert.Same(a, b);
        Assert.All(b, x => Assert.Equal(0, x));
        Assert.NotSame(b, buffers.Bytes(100)); // b is rented again: a second one is new
    }

    [Fact]
    public void A_copy_holds_the_source_and_other_lengths_are_not_reused()
    {
        var buffers = new PageBuffers();
        var a = buffers.Bytes(50, zeroed: false);
        buffers.Return(a);

        var copy = buffers.Copy([1, 2, 3]);

        Assert.Equal(new byte[] { 1, 2, 3 }, copy);
        Assert.Same(a, buffers.Bytes(50));
    }

    [Fact]
    public void Arrays_not_rented_here_and_those_dropped_are_not_handed_out()
    {
        var buffers = new PageBuffers();
        var foreign = new int[10];
        buffers.Return(foreign);
        Assert.NotSame(foreign, buffers.Ints(10));

        var rented = buffers.Ints(20);
        buffers.Return(rented);
        buffers.DropFree();
        Assert.NotSame(rented, buffers.Ints(20));
    }

    [Fact]
    public void Broken_rulings_found_with_the_page_buffers_are_those_found_without()
    {
        const int w = 600, h = 400, dpi = 300;
        var ink = new byte[w * h];
        var horizontal = new byte[w * h];
        var vertical = new byte[w * h];
        foreach (int x in new[] { 50, 550 })
            for (int y = 50; y <= 350; y++) { ink[y * w + x] = vertical[y * w + x] = 1; ink[y * w + x + 1] = vertical[y * w + x + 1] = 1; }
        foreach (int y in new[] { 50, 350 })
            for (int x = 50; x <= 551; x++) { ink[y * w + x] = horizontal[y * w + x] = 1; ink[(y + 1) * w + x] = horizontal[(y + 1) * w + x] = 1; }
        for (int x = 53; x < 548; x++) if ((x - 53) % 10 < 6) ink[200 * w + x] = ink[201 * w + x] = 1; // a dashed hairline
        var finder = new BrokenRulingFinder(new OcrOptions());
        BinaryImage M(byte[] b) => new(w, h, b);

        var fresh = finder.Complete(M(ink), M(horizontal), M(vertical), dpi);
        var buffers = new PageBuffers();
        var first = finder.Complete(M(ink), M(horizontal), M(vertical), dpi, buffers);
        var second = finder.Complete(M(ink), M(horizontal), M(vertical), dpi, buffers); // reusing what the first gave back

        Assert.True(fresh.Horizontal.CountInk(60, 198, 540, 204) > 470, "the dashed line is found");
        foreach (var r in new[] { first, second })
        {
            Assert.Equal(fresh.Horizontal.Ink, r.Horizontal.Ink);
            Assert.Equal(fresh.Vertical.Ink, r.Vertical.Ink);
        }
    }
}
