using ExtractReports.Scoring;

namespace ExtractReports.Tests.Scoring;

public class ConfidenceTrainerTests
{
    private static double[] Features(bool ambiguous)
    {
        var x = new double[ConfidenceFeatures.Names.Count];
        x[ConfidenceFeatures.Names.ToList().IndexOf("ambiguous")] = ambiguous ? 1 : 0;
        x[ConfidenceFeatures.Names.ToList().IndexOf("origin_read")] = 1;
        return x;
    }

    [Fact]
    public void A_fitted_model_is_calibrated_on_the_data_it_saw()
    {
        // Ambiguous fields are right 30% of the time, plain ones 98%.
        var data = new List<TrainingExample>();
        for (int i = 0; i < 1000; i++) data.Add(new("d", Features(false), i % 50 != 0));
        for (int i = 0; i < 200; i++) data.Add(new("d", Features(true), i % 10 < 3));
        var prior = LogisticConfidenceModel.Embedded().File;
        var model = new LogisticConfidenceModel(ConfidenceTrainer.Fit(data, prior, "test", priorStrength: 0.01));
        Assert.InRange(model.Score(Features(false)), 0.96, 0.995);
        Assert.InRange(model.Score(Features(true)), 0.2, 0.4);
    }

    [Fact]
    public void Weighing_wrong_fields_more_lowers_the_confidence_of_a_kind_that_is_sometimes_wrong()
    {
        // Plain fields are right 98% of the time: weighed evenly they score about 0.98; with each wrong
        // field weighing 5 the fit moves toward 1 - 5*0.02/(0.98+5*0.02), about 0.91.
        var data = Enumerable.Range(0, 1000).Select(i => new TrainingExample("d", Features(false), i % 50 != 0)).ToList();
        var prior = LogisticConfidenceModel.Embedded().File;
        double even = new LogisticConfidenceModel(ConfidenceTrainer.Fit(data, prior, "test", priorStrength: 0.01)).Score(Features(false));
        double weighted = new LogisticConfidenceModel(ConfidenceTrainer.Fit(data, prior, "test", priorStrength: 0.01, wrongWeight: 5)).Score(Features(false));
        Assert.InRange(even, 0.96, 0.995);
        Assert.InRange(weighted, 0.88, 0.94);
    }

    [Fact]
    public void Calibration_report_counts_confidently_wrong_fields()
    {
        var r = ConfidenceTrainer.Calibration([(0.95, false), (0.5, false), (0.99, true), (0.2, true)], 0.9);
        Assert.Equal(2, r.Wrong);
        Assert.Equal(1, r.WrongAboveThreshold);
        Assert.Equal(4, r.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void The_shipped_model_names_every_feature()
    {
        var file = LogisticConfidenceModel.Embedded().File;
        Assert.Equal(ConfidenceFeatures.Names.OrderBy(n => n), file.Weights.Keys.OrderBy(n => n));
    }
}
