using Tailor.Host.CommandLine;

return await TailorCli.RunAsync(args);
