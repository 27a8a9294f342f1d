using IntacctSync.Rules.Cli;

return CliApp.Run(args, Console.OpenStandardInput, Console.Out, Console.Error, Console.IsOutputRedirected);
