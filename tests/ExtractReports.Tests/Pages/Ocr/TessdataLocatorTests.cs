using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class TessdataLocatorTests
{
    [Fact]
    public void Configured_folder_wins_and_environment_is_used_next()
    {
        var dir = Directory.CreateTempSubdirectory("tessdata-test-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "chi_sim.traineddata"), "x");
            Assert.Equal(dir.FullName, TessdataLocator.Locate(dir.FullName, "chi_sim", _ => null));
            Assert.Equal(dir.FullName, TessdataLocator.Locate(null, "chi_sim", n => n == "TESSDATA_PREFIX" ? dir.FullName : null));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Missing_language_data_says_what_to_install()
    {
        var dir = Directory.CreateTempSubdirectory("tessdata-test-");
        try
        {
            var e = Assert.Throws<TessdataMissingException>(() => TessdataLocator.Locate(dir.FullName, "chi_sim", _ => null));
            Assert.Contains("chi_sim.traineddata", e.Message);
            Assert.Contains("tesseract-ocr-chi-sim", e.Message);
            Assert.Contains(dir.FullName, e.Message);
        }
        finally { dir.Delete(true); }
    }
}
