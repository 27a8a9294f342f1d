using IntacctSync.Rules.Generators;

// dotnet run --project tools/IntacctSync.Rules.Generators -- conditions|evidence-reader|rule-reader|all [--check]
// Writes the library's generated files from what they are generated from (the built-in rules, the evidence model, the
// rule-file types), each only when its text changed. With --check nothing is written: exit 1, naming each stale file
// and the command that regenerates it, when a committed file differs from what would be written (CI runs `all --check`).
const string Usage = "usage: dotnet run --project tools/IntacctSync.Rules.Generators -- conditions|evidence-reader|rule-reader|all [--check]";

var check = args.Contains("--check");
var commands = args.Where(a => a != "--check").ToList();
if (commands.Count != 1)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var files = commands[0] == "all" ? GeneratedSource.All : GeneratedSource.All.Where(f => f.Command == commands[0]).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"unknown command '{commands[0]}'.{Environment.NewLine}{Usage}");
    return 2;
}

var stale = 0;
foreach (var file in files)
{
    var text = file.Generate();
    if (file.IsCurrent(text))
    {
        Console.WriteLine($"{file.RelativePath}: current");
    }
    else if (check)
    {
        Console.Error.WriteLine(file.StaleMessage);
        stale++;
    }
    else
    {
        GeneratedSource.Write(file.Path, text);
        Console.WriteLine($"{file.RelativePath}: written");
    }
}

return stale == 0 ? 0 : 1;
