using System.Text;

namespace IntacctSync.Rules.Generators;

/// <summary>
/// One generated source file of the library: where it is, what writes it, and the command that regenerates it. The
/// committed file must equal what <see cref="Generate"/> returns now; <c>--check</c> and the *_IsCurrent tests hold it so.
/// </summary>
/// <param name="Command">The generator's command that writes this file (<c>conditions</c>, <c>evidence-reader</c>, <c>rule-reader</c>).</param>
/// <param name="Path">The file's full path.</param>
/// <param name="Generate">The file's text as the generator writes it now (LF line ends, no BOM).</param>
/// <param name="WhatChanged">What the file no longer matches when it is stale.</param>
internal sealed record GeneratedSource(string Command, string Path, Func<string> Generate, string WhatChanged)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static GeneratedSource Conditions { get; } = new(
        "conditions",
        ConditionsGenerator.GeneratedFile,
        ConditionsGenerator.Generate,
        "the C# of the rules as they are now (a rule's expression was added or changed); until it is regenerated those expressions are parsed at load, which is correct but slow");

    public static GeneratedSource EvidenceReader { get; } = new(
        "evidence-reader",
        EvidenceReaderGenerator.GeneratedFile,
        EvidenceReaderGenerator.Generate,
        "the evidence model as it is now (a type or field was added or changed)");

    public static GeneratedSource EvidenceModel { get; } = new(
        "evidence-reader",
        EvidenceReaderGenerator.ModelFile,
        EvidenceReaderGenerator.GenerateModel,
        "the evidence model as it is now (a type or field was added or changed)");

    public static GeneratedSource RuleReader { get; } = new(
        "rule-reader",
        RuleDocumentReaderGenerator.GeneratedFile,
        RuleDocumentReaderGenerator.Generate,
        "the rule-file types as they are now (a field was added or changed)");

    public static IReadOnlyList<GeneratedSource> All { get; } = [Conditions, EvidenceReader, EvidenceModel, RuleReader];

    /// <summary>The command that rewrites this file.</summary>
    public string Regenerate => $"dotnet run --project tools/IntacctSync.Rules.Generators -- {Command}";

    /// <summary>The path from the repository's root, with forward slashes.</summary>
    public string RelativePath => System.IO.Path.GetRelativePath(RepoPaths.Root, Path).Replace('\\', '/');

    /// <summary>Whether the committed file holds exactly <paramref name="generated"/> (line ends aside).</summary>
    public bool IsCurrent(string generated) =>
        File.Exists(Path) && File.ReadAllText(Path, Encoding.UTF8).ReplaceLineEndings("\n") == generated;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as the generated files are written: UTF-8 without a BOM.</summary>
    public static void Write(string path, string text) => File.WriteAllText(path, text, Utf8NoBom);

    /// <summary>Why the committed file is stale and how to regenerate it.</summary>
    public string StaleMessage => $"{RelativePath} is stale: it does not match {WhatChanged}.{Environment.NewLine}Regenerate it with `{Regenerate}` and rebuild.";
}
