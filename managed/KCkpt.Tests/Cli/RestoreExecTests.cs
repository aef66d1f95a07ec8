using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using KCkpt.Tests.Image;

namespace KCkpt.Tests.Cli;

/// <summary>
/// The real execve and posix_spawn of checkpt restore, with a shell script standing in for kckpt-restore: checkpt
/// runs as a child of the test, so only that child is replaced.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RestoreExecTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ScratchDirectory dir = new();
    private readonly string image;
    private readonly string helper;
    private readonly string report;

    public RestoreExecTests()
    {
        image = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        report = Path.Combine(dir.Path, "report");
        helper = Path.Combine(dir.Path, "kckpt-restore");
        File.WriteAllText(helper, $"""
            #!/bin/sh
            read -r pid comm state ppid pgrp session rest </proc/$$/stat
            echo "pid=$$ session=$session args=$* test=$KCKPT_TEST" >{report}.tmp
            mv {report}.tmp {report}
            echo "helper says hello"
            exit 42

            """);
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void CheckptBecomesTheHelperUnderTheSamePidWithItsStdoutAndEnvironment()
    {
        using var checkpt = StartCheckpt("-r", image, "--resume-code", "7");
        string output = checkpt.StandardOutput.ReadToEnd();
        checkpt.WaitForExit(Patience).Should().BeTrue();

        checkpt.ExitCode.Should().Be(42, "the exit status is the helper's: checkpt became it");
        output.Should().Be("helper says hello\n");
        checkpt.StandardError.ReadToEnd().Should().BeEmpty();
        File.ReadAllText(report).Should().StartWith($"pid={checkpt.Id} ").And.EndWith($" args=--resume-code 7 {image} test=passed on\n");
    }

    [Fact]
    public void DetachedHelperRunsInASessionOfItsOwnUnderThePidInThePidFile()
    {
        string pidFile = Path.Combine(dir.Path, "restored.pid");
        using var checkpt = StartCheckpt("-r", image, "--detach", "--pidfile", pidFile);
        string output = checkpt.StandardOutput.ReadToEnd();
        checkpt.WaitForExit(Patience).Should().BeTrue();

        checkpt.ExitCode.Should().Be(0, checkpt.StandardError.ReadToEnd());
        string pid = File.ReadAllText(pidFile).TrimEnd('\n');
        output.Split('\n').Should().Contain($"checkpt: restored {image} as pid {pid}", "the helper shares the terminal, so its own output may come first");
        int.Parse(pid, CultureInfo.InvariantCulture).Should().NotBe(checkpt.Id);
        WaitFor(report);
        File.ReadAllText(report).Should().Be($"pid={pid} session={pid} args={image} test=passed on\n");
    }

    [Fact]
    public void SamePidAsksTheHelperForThePidInTheImage()
    {
        using var checkpt = StartCheckpt("-r", image, "--same-pid");
        checkpt.StandardOutput.ReadToEnd();
        checkpt.WaitForExit(Patience).Should().BeTrue();

        checkpt.ExitCode.Should().Be(42, checkpt.StandardError.ReadToEnd());
        File.ReadAllText(report).Should().EndWith($" args=--pid 4242 {image} test=passed on\n");
    }

    [Fact]
    public void DetachedSamePidWritesThePidInTheImageToThePidFile()
    {
        string pidFile = Path.Combine(dir.Path, "restored.pid");
        using var checkpt = StartCheckpt("-r", image, "--same-pid", "--detach", "--pidfile", pidFile);
        checkpt.StandardOutput.ReadToEnd();
        checkpt.WaitForExit(Patience).Should().BeTrue();

        checkpt.ExitCode.Should().Be(0, checkpt.StandardError.ReadToEnd());
        File.ReadAllText(pidFile).Should().Be("4242\n", "the helper's child restores under the saved pid");
        WaitFor(report);
        File.ReadAllText(report).Should().EndWith($" args=--pid 4242 {image} test=passed on\n");
    }

    [Fact]
    public void OnATerminalCheckptHandsItOverUntouched()
    {
        string command = string.Join(' ', [.. CheckptCommandLine(), "-r", image]);
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"]) { RedirectStandardOutput = true, RedirectStandardInput = true };
        start.Environment["KCKPT_RESTORE"] = helper;
        start.Environment["TERM"] = "xterm";

        using var script = Process.Start(start)!;
        string output = script.StandardOutput.ReadToEnd();
        script.WaitForExit(Patience).Should().BeTrue();

        output.Should().Be("helper says hello\r\n", "no keypad_xmit (\\e[?1h\\e=) or other escape sequence may reach the terminal");
    }

    private static string[] CheckptCommandLine()
    {
        string apphost = Path.Combine(AppContext.BaseDirectory, "checkpt");
        return File.Exists(apphost) ? [apphost] : ["dotnet", Path.Combine(AppContext.BaseDirectory, "checkpt.dll")];
    }

    private Process StartCheckpt(params string[] args)
    {
        string[] checkpt = CheckptCommandLine();
        var start = new ProcessStartInfo(checkpt[0], [.. checkpt[1..], .. args]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["KCKPT_RESTORE"] = helper;
        start.Environment["KCKPT_TEST"] = "passed on";
        return Process.Start(start)!;
    }

    private static void WaitFor(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            stopwatch.Elapsed.Should().BeLessThan(Patience, $"the helper should have written {path}");
            Thread.Sleep(20);
        }
    }
}
