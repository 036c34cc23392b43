using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class InkPiecesTests
{
    /// <summary>An image from rows of '#' (ink) and '.' (paper).</summary>
    private static (byte[] Ink, int W, int H) Draw(params string[] rows)
    {
        int w = rows[0].Length, h = rows.Length;
        var ink = new byte[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ink[y * w + x] = rows[y][x] == '#' ? (byte)1 : (byte)0;
        return (ink, w, h);
    }

    [Fact]
    public void Pieces_are_8_connected_numbered_in_row_order_and_each_pixel_is_reached_once()
    {
        var (ink, w, h) = Draw(
            "#...##",
            ".#....",
            "..#..#",
            "......",
            "##..#.");
        var label = new int[w * h];
        var ends = new List<int>();
        int count = InkPieces.Walk(ink, w, h, (piece, i, x, y) =>
        {
            Assert.Equal(i, y * w + x);
            Assert.Equal(0, label[i]);
            label[i] = piece;
        }, ends.Add);

        Assert.Equal(5, count);
        Assert.Equal([1, 2, 3, 4, 5], ends);
        // The diagonal joins its three pixels into piece 1; the pair on row 0 is piece 2 and the lone pixel under it a piece of its own.
        Assert.Equal(
            [1, 0, 0, 0, 2, 2,
             0, 1, 0, 0, 0, 0,
             0, 0, 1, 0, 0, 3,
             0, 0, 0, 0, 0, 0,
             4, 4, 0, 0, 5, 0], label);
    }

    [Fact]
    public void A_piece_that_wraps_round_is_one_piece()
    {
        var (ink, w, h) = Draw(
            "#####",
            "#...#",
            "#.#.#",
            "#...#",
            "####.");
        Assert.Equal(2, InkPieces.Walk(ink, w, h, (_, _, _, _) => { }));
    }

    [Fact]
    public void Specks_removes_pieces_within_the_square_and_keeps_larger_ones()
    {
        var (ink, w, h) = Draw(
            "#.......",
            "........",
            "..#####.",
            "........",
            ".##...#.",
            ".##....#");
        var cleaned = Specks.Remove(new BinaryImage(w, h, ink), maxSide: 2);

        var (expected, _, _) = Draw(
            "........",
            "........",
            "..#####.",
            "........",
            "........",
            "........");
        Assert.Equal(expected, cleaned.Ink);
    }
}
