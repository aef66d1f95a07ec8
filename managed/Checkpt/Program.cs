using KCkpt.Cli;
using KCkpt.Interop;

TerminalInitialization.WithoutKeypadTransmitMode();
return new CliApp(Uapi.DevicePath, errorIsTerminal: !Console.IsErrorRedirected).Run(args, Console.Out, Console.Error);
