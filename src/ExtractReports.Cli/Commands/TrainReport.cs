using System.Globalization;
using System.Text;
using ExtractReports.Scoring;

namespace ExtractReports.Cli.Commands;

/// <summary>The comparison `train` prints and writes (models/confidence-report.md): every trainer's held-out figures, the choice and its reliability tables.</summary>
public static class TrainReport
{
    public static string Markdown(IReadOnlyList<TrainingExample> data, IReadOnlyList<TrainerEvaluation> evaluations, TrainerEvaluation chosen, string trainedOn,
        IReadOnlyList<HeldOutField> heldOutSeeds, IReadOnlyList<HeldOutField> heldOutBuiltIn, ModelCard builtIn,
        IReadOnlyList<HeldOutField> inSample)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine("# Confidence model: held-out comparison (written by `train`)").AppendLine();
        s.AppendLine($"Trained on {trainedOn}. Groups (held out in turn): " +
                     string.Join(", ", data.GroupBy(e => e.Group).OrderBy(g => g.Key)
                         .Select(g => $"{g.Key} ({g.Select(e => e.Document).Distinct().Count()} documents, {g.Count()} fields, {g.Count(e => !e.Right)} wrong)")) + ".").AppendLine();
        s.AppendLine("Generators (held out in turn): " + string.Join(", ", data.GroupBy(e => e.Generator).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} ({g.Select(e => e.Document).Distinct().Count()} documents, {g.Count()} fields, {g.Count(e => !e.Right)} wrong)")) + ".").AppendLine();
        s.AppendLine("Every confidence is capped by the field's DoubtCaps bound, as `extract` writes it. ECE: expected calibration error over ten equal-width bins. Catch: share of the wrong fields below the highest threshold that flags at most 5% of the fields (threshold and share flagged beside it). >=0.9: wrong fields at confidence 0.9 or more. CV: 5-fold by document; kind: leave one input kind out; generator: leave one generator out.").AppendLine();
        s.AppendLine("| trainer + calibrator | CV ECE | CV catch (threshold, flagged) | CV wrong >=0.9 | kind-out ECE | kind-out catch (threshold, flagged) | kind-out wrong >=0.9 | generator-out ECE | generator-out catch (threshold, flagged) | generator-out wrong >=0.9 | kind-out ECE by kind |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var e in evaluations)
        {
            var name = e == chosen ? "**" + e.Choice.Name + "** (chosen)" : e.Choice.Name;
            var byGroup = string.Join(", ", e.ByGroupHeldOut.OrderBy(g => g.Key).Select(g => string.Create(c, $"{g.Key} {g.Value.Ece:0.000}")));
            s.AppendLine(string.Create(c, $"| {name} | {e.CrossValidated.Ece:0.000} | {Catch(e.CrossValidated)} | {e.CrossValidated.WrongAtOrAbove09} | {e.LeaveGroupOut.Ece:0.000} | {Catch(e.LeaveGroupOut)} | {e.LeaveGroupOut.WrongAtOrAbove09} | {e.LeaveGeneratorOut.Ece:0.000} | {Catch(e.LeaveGeneratorOut)} | {e.LeaveGeneratorOut.WrongAtOrAbove09} | {byGroup} |"));
        }
        s.AppendLine();
        Reliability(s, $"{chosen.Choice.Name}, document-grouped cross-validation", chosen.CrossValidated);
        Reliability(s, $"{chosen.Choice.Name}, leave one kind out (pooled)", chosen.LeaveGroupOut);
        foreach (var (g, r) in chosen.ByGroupHeldOut.OrderBy(g => g.Key))
            s.AppendLine(string.Create(c, $"- held out {g}: {r.Count} fields, {r.Wrong} wrong, ECE {r.Ece:0.000}, catch {Catch(r)}, wrong >= 0.9: {r.WrongAtOrAbove09}"));
        s.AppendLine();
        Reliability(s, $"{chosen.Choice.Name}, leave one generator out (pooled)", chosen.LeaveGeneratorOut);
        foreach (var (g, r) in chosen.ByGeneratorHeldOut.OrderBy(g => g.Key))
            s.AppendLine(string.Create(c, $"- held out {g}: {r.Count} fields, {r.Wrong} wrong, ECE {r.Ece:0.000}, catch {Catch(r)}, wrong >= 0.9: {r.WrongAtOrAbove09}"));
        s.AppendLine();
        if (heldOutSeeds.Count > 0)
        {
            Reliability(s, $"the model as written, on the held-out seeds' documents (never fitted on: {heldOutSeeds.Select(h => h.Document).Distinct().Count()} documents)",
                ConfidenceEvaluation.Report(heldOutSeeds));
            ByGroup(s, heldOutSeeds);
            Reliability(s, $"the model built into this build ({builtIn.Trainer}+{builtIn.Calibrator}, {builtIn.TrainedOn}), on the same documents", ConfidenceEvaluation.Report(heldOutBuiltIn));
            ByGroup(s, heldOutBuiltIn);
        }
        var confident = inSample.Where(h => !h.Right && h.Confidence >= 0.9).ToList();
        s.AppendLine($"In sample (the model as written, on the {inSample.Count} fields it was fitted on): {confident.Count} wrong at >= 0.9" +
                     (confident.Count == 0 ? "." : ": " + string.Join(", ", confident.GroupBy(h => h.Document).Select(g => $"{g.Key} {g.Count()}")) + ".")).AppendLine();
        var worst = chosen.HeldOutByGroup.Where(h => !h.Right && h.Confidence >= 0.9).GroupBy(h => h.Document).OrderByDescending(g => g.Count()).ToList();
        if (worst.Count > 0)
            s.AppendLine("Wrong fields at >= 0.9 when their group was held out, by document: " +
                         string.Join(", ", worst.Select(g => $"{g.Key} {g.Count()}")) + ".").AppendLine();
        return s.ToString();
    }

    private static void ByGroup(StringBuilder s, IReadOnlyList<HeldOutField> fields)
    {
        foreach (var g in fields.GroupBy(h => h.Group).OrderBy(g => g.Key))
        {
            var r = ConfidenceEvaluation.Report(g.ToList());
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {g.Key}: {r.Count} fields, {r.Wrong} wrong, ECE {r.Ece:0.000}, catch {Catch(r)}, wrong >= 0.9: {r.WrongAtOrAbove09}"));
        }
        s.AppendLine();
    }

    private static string Catch(CalibrationReport r) => string.Create(CultureInfo.InvariantCulture, $"{r.Caught:0.000} ({r.Threshold:0.000}, {r.Flagged:0.000})");

    private static void Reliability(StringBuilder s, string title, CalibrationReport r)
    {
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(string.Create(c, $"Reliability, {title}: {r.Count} fields, {r.Wrong} wrong, ECE {r.Ece:0.000}, Brier {r.Brier:0.0000}, log-loss {r.LogLoss:0.0000}, catch {Catch(r)}, wrong >= 0.9: {r.WrongAtOrAbove09}.")).AppendLine();
        s.AppendLine("| confidence | fields | mean confidence | right |");
        s.AppendLine("|---|---|---|---|");
        foreach (var b in r.Reliability.Where(b => b.Count > 0))
            s.AppendLine(string.Create(c, $"| [{b.From:0.00}, {b.To:0.00}) | {b.Count} | {b.MeanConfidence:0.000} | {b.Accuracy:0.000} |"));
        s.AppendLine();
    }
}
