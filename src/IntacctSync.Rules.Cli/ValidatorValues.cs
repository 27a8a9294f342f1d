using System.CommandLine;
using System.CommandLine.Parsing;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// Values read inside a command's validator, where an option given without its value (<c>--message</c> with nothing
/// after it) must not throw: the parser reports that as a usage error of its own (exit 1), so the validator only has
/// to read <c>default</c> and go on.
/// </summary>
internal static class ValidatorValues
{
    public static T? ValueOrDefault<T>(this CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    public static T? ValueOrDefault<T>(this CommandResult result, Argument<T> argument)
    {
        try
        {
            return result.GetValue(argument);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }
}
