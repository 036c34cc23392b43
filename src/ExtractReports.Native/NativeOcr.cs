using ExtractReports.Native.Leptonica;
using ExtractReports.Native.Tesseract;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Native;

/// <summary>Wires the native OCR pieces into the scan reader: leptonica for images, a pool of Tesseract engines.</summary>
public static class NativeOcr
{
    public static ScanLineReader CreateScanReader(OcrOptions? options = null)
    {
        options ??= new OcrOptions();
        options.Validate();
        return new ScanLineReader(options, new LeptonicaImaging(), () => TesseractOcrEngine.Create(options));
    }
}
