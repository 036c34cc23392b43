using ExtractReports.Tables;

namespace ExtractReports.Tests.Tables;

public class DigitRunDecoderTests
{
    private static bool RowSum(decimal[] v) => v[^1] == v[..^1].Sum();

    [Fact]
    public void Space_separated_runs_decode_uniquely_with_the_row_sum()
    {
        var d = DigitRunDecoder.Decode([new("230", false), new("000023", false)], 7, RowSum);
        Assert.Single(d);
        Assert.Equal(["23", "0", "0", "0", "0", "0", "23"], d[0].Numbers);
    }

    [Fact]
    public void A_long_run_decodes_with_the_row_sum()
    {
        var d = DigitRunDecoder.Decode([new("640020470", false)], 7, RowSum);
        Assert.Contains(d, x => x.Numbers.SequenceEqual(["64", "0", "0", "2", "0", "4", "70"]));
        Assert.All(d, x => Assert.True(RowSum(x.Numbers.Select(decimal.Parse).ToArray())));
    }

    [Fact]
    public void Leading_zeros_never_start_a_number_and_decimals_stay_whole()
    {
        var d = DigitRunDecoder.Decode([new("1350.5", false)], 2);
        Assert.All(d, x => Assert.DoesNotContain(x.Numbers, n => n.Length > 1 && n[0] == '0' && n[1] != '.'));
        Assert.Contains(d, x => x.Numbers.SequenceEqual(["13", "50.5"]));
        Assert.DoesNotContain(d, x => x.Numbers.Any(n => n.StartsWith('.') || n.EndsWith('.')));
    }

    [Fact]
    public void Without_an_identity_several_readings_remain()
    {
        var d = DigitRunDecoder.Decode([new("693665", false)], 3);
        Assert.True(d.Count > 3);
    }

    [Fact]
    public void Atomic_pieces_are_never_cut()
    {
        var d = DigitRunDecoder.Decode([new("12", true), new("34", true)], 3);
        Assert.Empty(d);
    }
}
