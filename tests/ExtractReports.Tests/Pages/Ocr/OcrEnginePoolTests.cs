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
}
