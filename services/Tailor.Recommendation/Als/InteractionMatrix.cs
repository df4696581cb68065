namespace Tailor.Recommendation.Als;

/// <summary>
/// A sparse rows × columns matrix of confidences in compressed-row form: row r's entries are
/// <see cref="Columns"/>[<see cref="RowStarts"/>[r]..<see cref="RowStarts"/>[r + 1]] with the same range of <see cref="Values"/>.
/// </summary>
public sealed class InteractionMatrix
{
    private InteractionMatrix(int rows, int columns, int[] rowStarts, int[] columnIndexes, float[] values)
    {
        RowCount = rows;
        ColumnCount = columns;
        RowStarts = rowStarts;
        Columns = columnIndexes;
        Values = values;
    }

    public int RowCount { get; }
    public int ColumnCount { get; }
    public int[] RowStarts { get; }
    public int[] Columns { get; }
    public float[] Values { get; }
    public int NonZeroCount => Values.Length;

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]);

    public ReadOnlySpan<float> ValuesOf(int row) => Values.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]);

    /// <summary>Builds the matrix from (row, column, value) cells; a repeated cell keeps the sum of its values.</summary>
    public static InteractionMatrix FromCells(int rows, int columns, IEnumerable<(int Row, int Column, float Value)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var perRow = new SortedDictionary<int, float>[rows];
        foreach (var (row, column, value) in cells)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, columns);
            var entries = perRow[row] ??= [];
            entries[column] = entries.GetValueOrDefault(column) + value;
        }

        var rowStarts = new int[rows + 1];
        for (var row = 0; row < rows; row++)
        {
            rowStarts[row + 1] = rowStarts[row] + (perRow[row]?.Count ?? 0);
        }

        var columnIndexes = new int[rowStarts[rows]];
        var values = new float[rowStarts[rows]];
        for (var row = 0; row < rows; row++)
        {
            var at = rowStarts[row];
            foreach (var (column, value) in perRow[row] ?? [])
            {
                columnIndexes[at] = column;
                values[at++] = value;
            }
        }

        return new InteractionMatrix(rows, columns, rowStarts, columnIndexes, values);
    }

    /// <summary>The same cells seen from the columns: what ALS needs to solve the item side.</summary>
    public InteractionMatrix Transpose()
    {
        var rowStarts = new int[ColumnCount + 1];
        foreach (var column in Columns)
        {
            rowStarts[column + 1]++;
        }

        for (var column = 0; column < ColumnCount; column++)
        {
            rowStarts[column + 1] += rowStarts[column];
        }

        var next = rowStarts[..^1];
        var columnIndexes = new int[NonZeroCount];
        var values = new float[NonZeroCount];
        for (var row = 0; row < RowCount; row++)
        {
            for (var at = RowStarts[row]; at < RowStarts[row + 1]; at++)
            {
                var target = next[Columns[at]]++;
                columnIndexes[target] = row;
                values[target] = Values[at];
            }
        }

        return new InteractionMatrix(ColumnCount, RowCount, rowStarts, columnIndexes, values);
    }
}
