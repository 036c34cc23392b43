using ExtractReports.Lines;
using ExtractReports.Lines.TextDump;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using ExtractReports.Tables;

namespace ExtractReports.Pipeline;

/// <summary>
/// Composes a pipeline: an ordered list of readers (the first that claims a document reads it), the
/// table reader's options and the confidence model. <see cref="Build"/> gives an immutable pipeline.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<ILineReader> _readers = [];
    private AlignerOptions _aligner = AlignerOptions.Default;
    private IConfidenceModel? _model;

    /// <summary>A builder with the readers that need no native engine (text dumps).</summary>
    public static PipelineBuilder CreateDefault() => new PipelineBuilder().UseReader(new TextDumpReader());

    public PipelineBuilder UseReader(ILineReader reader)
    {
        if (_readers.Any(r => r.GetType() == reader.GetType())) return this;
        _readers.Add(reader);
        return this;
    }

    public PipelineBuilder UseAligner(AlignerOptions options) { _aligner = options; return this; }

    public PipelineBuilder UseConfidenceModel(IConfidenceModel model) { _model = model; return this; }

    public ExtractPipeline Build()
    {
        var model = _model ?? ConfidenceModel.Embedded();
        return new(_readers.ToArray(), new ReportReader(_aligner), model, StandardSchema.Default, Version(model));
    }

    private string Version(IConfidenceModel model)
    {
        var builds = _readers.Select(r => r.GetType().Assembly).Append(typeof(PipelineBuilder).Assembly).Distinct()
            .Select(a => a.ManifestModule.ModuleVersionId.ToString("N")).Order();
        var modelId = model is ConfidenceModel m ? m.Id : model.GetType().FullName;
        var text = string.Join("|", builds) + "|" + modelId + "|" + System.Text.Json.JsonSerializer.Serialize(_aligner);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }
}
