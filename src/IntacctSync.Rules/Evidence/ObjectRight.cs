namespace IntacctSync.Rules.Evidence;

/// <summary>One right on an Intacct object.</summary>
/// <remarks>Rights appear only inside a list, where JSON <c>null</c> is refused; <see cref="ObjectRight.Unset"/> is never read.</remarks>
public enum ObjectRight
{
    /// <summary>Not a right; never read from JSON.</summary>
    Unset = 0,

    /// <summary>May list records.</summary>
    List,

    /// <summary>May view records.</summary>
    View,

    /// <summary>May add records.</summary>
    Add,

    /// <summary>May edit records.</summary>
    Edit,

    /// <summary>May delete records.</summary>
    Delete,
}
