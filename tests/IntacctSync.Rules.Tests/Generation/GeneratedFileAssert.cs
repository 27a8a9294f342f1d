using IntacctSync.Rules.Generators;

namespace IntacctSync.Rules.Tests.Generation;

/// <summary>
/// The check every generated source file gets: the committed file must equal what its generator
/// (tools/IntacctSync.Rules.Generators) writes now. On a mismatch the new text goes to <c>*.received.txt</c> beside it
/// and the test fails naming the command that regenerates it (the generator writes files; the tests never do).
/// </summary>
internal static class GeneratedFileAssert
{
    public static void Current(GeneratedSource file)
    {
        var generated = file.Generate();
        var received = Path.ChangeExtension(file.Path, ".received.txt");
        if (file.IsCurrent(generated))
        {
            File.Delete(received);
            return;
        }

        GeneratedSource.Write(received, generated);
        Assert.Fail($"{file.StaleMessage}{Environment.NewLine}The text generated now is in {received}.");
    }
}
