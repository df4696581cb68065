using Tailor.Recommendation.Als;

namespace Tailor.Recommendation.Tests;

public class InteractionMatrixTests
{
    [Fact]
    public void FromCells_sums_repeated_cells_and_transpose_swaps_rows_and_columns()
    {
        var matrix = InteractionMatrix.FromCells(2, 3, [(0, 2, 1f), (1, 0, 4f), (0, 2, 2f), (0, 1, 5f)]);

        Assert.Equal(3, matrix.NonZeroCount);
        Assert.Equal([1, 2], matrix.ColumnsOf(0).ToArray());
        Assert.Equal([5f, 3f], matrix.ValuesOf(0).ToArray());

        var transposed = matrix.Transpose();
        Assert.Equal(3, transposed.RowCount);
        Assert.Equal([1], transposed.ColumnsOf(0).ToArray());
        Assert.Equal([4f], transposed.ValuesOf(0).ToArray());
        Assert.Equal([0], transposed.ColumnsOf(2).ToArray());
        Assert.Equal([3f], transposed.ValuesOf(2).ToArray());
    }
}
