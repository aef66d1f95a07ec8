using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace KCkpt.Tests.Layout;

/// <summary>
/// Compiles a C program that includes the headers of a list of <see cref="HeaderFact"/>s and prints every fact's
/// expression, runs it once, and keeps what C says. Needs `cc` on PATH: without it every layout test fails.
/// </summary>
public abstract class CompiledHeaderProbe : IDisposable
{
    private readonly DirectoryInfo workDir = Directory.CreateTempSubdirectory("kckpt-probe-");

    protected CompiledHeaderProbe(IReadOnlyList<HeaderFact> facts, IReadOnlyList<string> includes, params string[] compilerOptions)
    {
        string source = Path.Combine(workDir.FullName, "probe.c");
        string program = Path.Combine(workDir.FullName, "probe");
        File.WriteAllText(source, ProgramText(facts, includes));
        Run("cc", ["-std=gnu11", "-Wall", "-Wextra", "-Werror", .. compilerOptions, "-o", program, source]);
        string[] lines = Run(program).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != facts.Count)
        {
            throw new InvalidOperationException($"the probe printed {lines.Length} values for {facts.Count} facts");
        }

        CValues = facts.Select((fact, i) => (fact.CExpression, lines[i]))
            .ToDictionary(pair => pair.CExpression, pair => pair.Item2);
    }

    /// <summary>C's value of each fact, by its C expression.</summary>
    public IReadOnlyDictionary<string, string> CValues { get; }

    public void Dispose() => workDir.Delete(recursive: true);

    private static string ProgramText(IReadOnlyList<HeaderFact> facts, IReadOnlyList<string> includes)
    {
        var text = new StringBuilder();
        text.AppendLine("#define _GNU_SOURCE");
        text.AppendLine("#include <stddef.h>");
        text.AppendLine("#include <stdio.h>");
        foreach (string include in includes)
        {
            text.AppendLine($"#include {include}");
        }

        text.AppendLine("int main(void)");
        text.AppendLine("{");
        foreach (var fact in facts)
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
                $"cannot run '{program}' ({e.Message}). The layout tests compile C headers and need a C compiler as 'cc' (Debian: apt-get install gcc).",
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

/// <summary>include/uapi/kckpt.h, compiled with <see cref="UapiFacts"/>.</summary>
public sealed class UapiHeaderProbe() : CompiledHeaderProbe(UapiFacts.All, ["\"kckpt.h\""], "-I", Path.GetDirectoryName(HeaderPath)!)
{
    public static readonly string HeaderPath = RepoRoot.File("include", "uapi", "kckpt.h");
}

/// <summary>The C library's headers, compiled with <see cref="LibcFacts"/>.</summary>
public sealed class LibcHeaderProbe() : CompiledHeaderProbe(LibcFacts.All, LibcFacts.Includes);
