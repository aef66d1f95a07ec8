using KCkpt.Cli;
using KCkpt.Interop;

return new CliApp(Uapi.DevicePath).Run(args, Console.Out, Console.Error);
