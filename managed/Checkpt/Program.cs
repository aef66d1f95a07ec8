using KCkpt;
using KCkpt.Cli;

TerminalInitialization.WithoutKeypadTransmitMode();
return new CliApp(KckptDevice.DefaultPath, errorIsTerminal: !Console.IsErrorRedirected).Run(args, Console.Out, Console.Error);
