namespace IntacctSync.Rules.Evidence;

/// <summary>How the workspace imports a dimension.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="DimensionImport.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum DimensionImport
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>As a line-level tag.</summary>
    Tag,

    /// <summary>As a report-level field.</summary>
    ReportField,

    /// <summary>As the workspace default.</summary>
    Default,
}
