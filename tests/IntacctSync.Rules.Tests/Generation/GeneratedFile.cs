using System.Text;

namespace IntacctSync.Rules.Tests.Generation;

/// <summary>
/// The check every generated source file gets: the committed file must equal what its generator writes now. On a
/// mismatch the new text goes to <c>*.received.txt</c> beside it and the test fails with how to regenerate; with
/// <c>INTACCTSYNC_ACCEPT_GENERATED=1</c> (never on CI) the committed file is rewritten instead (the build scripts set it).
/// </summary>
internal static class GeneratedFile
{
    public static void AssertCurrent(string committed, string generated, string whatChanged, string regenerate)
    {
        var received = Path.ChangeExtension(committed, ".received.txt");
        var expected = File.Exists(committed) ? File.ReadAllText(committed, Encoding.UTF8).ReplaceLineEndings("\n") : null;
        if (generated == expected)
        {
            File.Delete(received);
            return;
        }

        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!onCi && Environment.GetEnvironmentVariable("INTACCTSYNC_ACCEPT_GENERATED") == "1")
        {
            File.WriteAllText(committed, generated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, generated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Fail(
            $"{committed} does not match {whatChanged}.{Environment.NewLine}"
            + $"Regenerate it with {regenerate} and rebuild; the text generated now is in {received}.");
    }
}
