namespace IntacctSync.Rules.Evidence;

/// <summary>Which date the export posts on.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="ExportDateSource.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum ExportDateSource
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The date of the last expense.</summary>
    LastExpense,

    /// <summary>The date the report was submitted.</summary>
    Submitted,

    /// <summary>The date of the export.</summary>
    Exported,
}
