using IntacctSync.Rules.Cli;

// The batch progress bar is for a person watching standard error: never when it is redirected or in CI.
var showProgress = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
return CliApp.Run(args, Console.OpenStandardInput, Console.Out, Console.Error, Console.IsOutputRedirected, showProgress);
