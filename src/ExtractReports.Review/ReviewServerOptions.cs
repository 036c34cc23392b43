namespace ExtractReports.Review;

/// <summary>Options of the review web app (`review serve`).</summary>
public sealed record ReviewServerOptions
{
    /// <summary>The output folder `extract` wrote (documents.csv and extractreports.db).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The address to listen on. Default 127.0.0.1: other machines cannot connect unless told otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port to listen on; 0 takes any free port (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Who corrects: kept with each correction. Default: the login name.</summary>
    public string Reviewer { get; init; } = Environment.UserName;

    /// <summary>Fields below this confidence are in the queue (and in review.csv). Default 0.9, as `extract`.</summary>
    public double ReviewThreshold { get; init; } = 0.9;

    /// <summary>Rewrite the CSVs with a UTF-8 byte-order mark (as `extract --excel`).</summary>
    public bool ExcelBom { get; init; }

    /// <summary>Resolution text-PDF pages are rendered at for a crop. Default 150 dpi: digits sharp, a crop small.</summary>
    public int RenderDpi { get; init; } = 150;

    /// <summary>How much of the page shows above and below a field's cell, in inches. Default 0.8: about four table rows.</summary>
    public double CropMarginInches { get; init; } = 0.8;

    /// <summary>Lines of a text or HTML document shown before and after the field's line. Default 6.</summary>
    public int ContextLines { get; init; } = 6;

    /// <summary>Page images kept decoded and deskewed in memory, so moving between fields of one page is quick. Default 4.</summary>
    public int CachedPages { get; init; } = 4;

    public void Validate()
    {
        if (!Directory.Exists(OutputFolder)) throw new ArgumentException($"no output folder {OutputFolder}");
        if (!File.Exists(ExtractReports.Store.OutputFolder.DocumentsCsv(OutputFolder)))
            throw new ArgumentException($"no documents.csv in {OutputFolder}: run extract into it first");
        if (Port is < 0 or > 65535) throw new ArgumentException("the port must be between 0 and 65535");
        if (!System.Net.IPAddress.TryParse(Host, out _) && Host != "localhost") throw new ArgumentException($"'{Host}' is not an address to listen on");
        if (ReviewThreshold is <= 0 or > 1) throw new ArgumentException("the review threshold must be in (0, 1]");
        if (string.IsNullOrWhiteSpace(Reviewer)) throw new ArgumentException("a reviewer name is needed (--reviewer)");
        if (RenderDpi is < 50 or > 600) throw new ArgumentException("the render resolution must be 50 to 600 dpi");
    }
}
