using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace KCkpt.Tests.Layout;

/// <summary>
/// Compiles a C program that includes kckpt.h and prints every <see cref="UapiFacts"/> expression,
/// runs it once, and keeps what C says. Needs `cc` on PATH: without it every layout test fails.
/// </summary>
public sealed class CompiledHeaderProbe : IDisposable
{
    public static readonly string HeaderPath = RepoRoot.File("kmod", "include", "uapi", "kckpt.h");

    private readonly DirectoryInfo workDir = Directory.CreateTempSubdirectory("kckpt-uapi-");

    public CompiledHeaderProbe()
    {
        string source = Path.Combine(workDir.FullName, "probe.c");
        string program = Path.Combine(workDir.FullName, "probe");
        File.WriteAllText(source, ProgramText());
        Run("cc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-I", Path.GetDirectoryName(HeaderPath)!, "-o", program, source);
        string[] lines = Run(program).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != UapiFacts.All.Count)
        {
            throw new InvalidOperationException($"the probe printed {lines.Length} values for {UapiFacts.All.Count} facts");
        }

        CValues = UapiFacts.All.Select((fact, i) => (fact.CExpression, lines[i]))
            .ToDictionary(pair => pair.CExpression, pair => pair.Item2);
    }

    /// <summary>C's value of each fact, by its C expression.</summary>
    public IReadOnlyDictionary<string, string> CValues { get; }

    public void Dispose() => workDir.Delete(recursive: true);

    private static string ProgramText()
    {
        var text = new StringBuilder();
        text.AppendLine("#include <stddef.h>");
        text.AppendLine("#include <stdio.h>");
        text.AppendLine("#include \"kckpt.h\"");
        text.AppendLine("int main(void)");
        text.AppendLine("{");
        foreach (var fact in UapiFacts.All)
        {
            text.AppendLine($"\t{fact.PrintStatement}");
        }

        text.AppendLine("\treturn 0;");
        text.AppendLine("}");
        return text.ToString();
    }

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"cannot run '{program}' ({e.Message}). The uapi layout tests compile {HeaderPath} and need a C compiler as 'cc' (Debian: apt-get install gcc).",
                e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{program} {string.Join(' ', args)}' exited {process.ExitCode}: {stderr.Result}");
            }

            return stdout;
        }
    }
}
