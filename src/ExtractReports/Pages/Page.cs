namespace ExtractReports.Pages;

/// <summary>An axis-aligned box in page points (PDF) or pixels (images), origin top-left, y downwards.</summary>
public readonly record struct Box(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;
    public double Height => Y1 - Y0;
    public double CenterX => (X0 + X1) / 2;
    public double CenterY => (Y0 + Y1) / 2;
    public Box Union(Box o) => new(Math.Min(X0, o.X0), Math.Min(Y0, o.Y0), Math.Max(X1, o.X1), Math.Max(Y1, o.Y1));
    public bool Contains(double x, double y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;
    /// <summary>The area this box shares with <paramref name="o"/> (0 when they are apart).</summary>
    public double OverlapArea(Box o) =>
        Math.Max(0, Math.Min(X1, o.X1) - Math.Max(X0, o.X0)) * Math.Max(0, Math.Min(Y1, o.Y1) - Math.Max(Y0, o.Y0));
    public override string ToString() => FormattableString.Invariant($"{X0:0.#},{Y0:0.#},{X1:0.#},{Y1:0.#}");
}

/// <summary>A word as an engine gave it: text, box, and the engine's confidence in [0,1] (1 for a text layer).</summary>
public sealed record Word(string Text, Box Box, double Confidence = 1.0, double FontSize = 0);

/// <summary>A ruling line drawn on the page (a table border), horizontal or vertical.</summary>
public sealed record Ruling(Box Box)
{
    public bool IsHorizontal => Box.Width >= Box.Height;
}

/// <summary>One page of words and rulings, from a text layer or from OCR.</summary>
public sealed record Page(int Number, double Width, double Height, IReadOnlyList<Word> Words, IReadOnlyList<Ruling> Rulings);
