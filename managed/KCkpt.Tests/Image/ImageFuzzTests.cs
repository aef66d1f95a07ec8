using KCkpt.Image;
using KCkpt.Tests.Cli;
using static Interop;

namespace KCkpt.Tests.Image;

/// <summary>
/// Damaged images, thousands of them, from fixed seeds (a failure names its seed and mutation, so it reproduces):
/// the reader and the verifier either accept an image or throw <see cref="ImageFormatException"/>, and
/// checkpt info and verify exit 0 or 7 with one plain line, never anything else.
/// </summary>
public sealed class ImageFuzzTests
{
    private const int ReaderMutantsPerSeed = 4000;
    private const int CliMutantsPerSeed = 300;

    private static readonly BuiltImage[] Originals = BuildOriginals();

    public static TheoryData<int> ReaderSeeds => new(Enumerable.Range(1, 6));

    public static TheoryData<int> CliSeeds => new(Enumerable.Range(101, 3));

    [Theory]
    [MemberData(nameof(ReaderSeeds))]
    public void ReaderAndVerifierAcceptOrThrowImageFormatExceptionOnly(int seed)
    {
        var random = new Random(seed);
        var mutator = new ImageMutator(random);
        for (int i = 0; i < ReaderMutantsPerSeed; i++)
        {
            var original = Originals[random.Next(Originals.Length)];
            var (bytes, mutation) = mutator.Mutate(original);
            try
            {
                CheckpointImage.Read(new MemoryStream(bytes, writable: false), "fuzz.ckpt");
                ImageVerifier.Verify(new MemoryStream(bytes, writable: false), "fuzz.ckpt");
            }
            catch (ImageFormatException)
            {
                // what a damaged image must produce
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, mutant {i} ({mutation}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CliSeeds))]
    public void InfoAndVerifyExitZeroOrSevenWithOnePlainLine(int seed)
    {
        using var dir = new ScratchDirectory();
        var random = new Random(seed);
        var mutator = new ImageMutator(random);
        for (int i = 0; i < CliMutantsPerSeed; i++)
        {
            var (bytes, mutation) = mutator.Mutate(Originals[random.Next(Originals.Length)]);
            string path = Path.Combine(dir.Path, $"{i}.ckpt");
            File.WriteAllBytes(path, bytes);
            foreach (var args in new[] { new[] { "info", path }, ["info", "--json", path], ["verify", path] })
            {
                var run = CliRun.Of(args);

                string context = $"seed {seed}, mutant {i} ({mutation}), checkpt {string.Join(' ', args)}: exit {run.ExitCode}, stderr {run.Error}";
                run.ExitCode.Should().BeOneOf([0, 7], context);
                if (run.ExitCode == 7)
                {
                    run.Error.Should().StartWith($"checkpt: {path} is not a valid checkpoint image: ", context)
                        .And.EndWith(Environment.NewLine, context);
                    run.Error.Count(c => c == '\n').Should().Be(1, context);
                }
            }
        }
    }

    /// <summary>
    /// The mutations above may all be harmless; these never are: a changed byte of page data, or an image cut
    /// anywhere inside its page data, must be rejected, so a verifier that accepts everything fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReaderSeeds))]
    public void VerifierRejectsEveryChangedOrMissingPageByte(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            var original = Originals[random.Next(Originals.Length)];
            long dataStart = TestImageBuilder.PageSize;
            long dataEnd = original.Notes[0].HeaderOffset;
            dataEnd.Should().BeGreaterThan(dataStart, "every original image holds page data");
            int at = (int)random.NextInt64(dataStart, dataEnd);
            byte change = (byte)random.Next(1, 256);
            var damaged = random.Next(4) == 0
                ? original.Truncated(at)
                : original.With(b => b[at] ^= change);
            string mutation = damaged.Bytes.Length == at ? $"cut at {at}" : $"byte at {at} ^= 0x{change:x2}";

            var verify = () => ImageVerifier.Verify(new MemoryStream(damaged.Bytes, writable: false), "fuzz.ckpt");

            verify.Should().Throw<ImageFormatException>($"seed {seed}, mutant {i} ({mutation})");
        }
    }

    private static BuiltImage[] BuildOriginals()
    {
        var grown = new TestImageBuilder { VariableHeaderGrowth = 8, Manifest = null, Exe = null };
        grown.DescriptorGrowth[Uapi.NtProc] = 16;
        var bare = new TestImageBuilder();
        bare.Pending.Clear();
        bare.Fds.Clear();
        bare.ExtraNotes.Clear();
        return [new TestImageBuilder().Build(), grown.Build(), bare.Build()];
    }
}
