using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>The pool bounds the documents under OCR at once (their memory), and reuses engines.</summary>
public class OcrEnginePoolTests
{
    [Fact]
    public async Task A_rent_beyond_the_capacity_waits_until_an_engine_is_returned_and_gets_that_engine()
    {
        int created = 0;
        using var pool = new OcrEnginePool(() => { Interlocked.Increment(ref created); return new FakeOcrEngine((_, _) => OcrReading.Empty); }, capacity: 1);
        var first = pool.Rent();
        var second = Task.Run(() => pool.Rent());
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(300)));
        var engine = first.Engine;
        first.Dispose();
        var lease = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(engine, lease.Engine);
        lease.Dispose();
        Assert.Equal(1, created);
    }

    [Fact]
    public void A_waiting_rent_ends_when_its_document_is_cancelled()
    {
        using var pool = new OcrEnginePool(() => new FakeOcrEngine((_, _) => OcrReading.Empty), capacity: 1);
        using var held = pool.Rent();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.Throws<OperationCanceledException>(() => pool.Rent(cancel.Token));
    }

    /// <summary>An engine that counts how often it was ended.</summary>
    private sealed class Counted(Action ended) : IOcrEngine
    {
        private readonly FakeOcrEngine _inner = new((_, _) => OcrReading.Empty);
        public void SetImage(GrayImage image, GrayImage? numbers = null) => _inner.SetImage(image, numbers);
        public OcrReading Read(Box? region, OcrMode mode) => _inner.Read(region, mode);
        public OcrReading ReadEnlarged(Box region, OcrMode mode, double factor) => _inner.ReadEnlarged(region, mode, factor);
        public void Dispose() => ended();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_engine_returned_is_kept_for_the_next_document_or_ended(bool keepIdle)
    {
        int created = 0, ended = 0;
        using (var pool = new OcrEnginePool(() => { created++; return new Counted(() => ended++); }, capacity: 1, keepIdle))
        {
            var first = pool.Rent();
            var engine = first.Engine;
            first.Dispose();
            Assert.Equal(keepIdle ? 0 : 1, ended);
            using var second = pool.Rent();
            Assert.Equal(keepIdle, ReferenceEquals(engine, second.Engine));
            Assert.Equal(keepIdle ? 1 : 2, created);
        }
        Assert.Equal(keepIdle ? 1 : 2, ended); // the pool's end ends the engine it kept or the one returned after it
    }
}
