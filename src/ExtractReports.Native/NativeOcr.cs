using ExtractReports.Native.Leptonica;
using ExtractReports.Native.Tesseract;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Native;

/// <summary>Wires the native OCR pieces into the scan reader: leptonica for images, a pool of Tesseract engines.</summary>
public static class NativeOcr
{
    /// <param name="afterPage">See <see cref="ScanLineReader"/>: what is done after each page (the batch commands give memory back).</param>
    public static ScanLineReader CreateScanReader(OcrOptions? options = null, Action? afterPage = null)
    {
        options ??= new OcrOptions();
        options.Validate();
        return new ScanLineReader(options, new LeptonicaImaging(), () => TesseractOcrEngine.Create(options), afterPage: afterPage);
    }
}
