using System.Runtime.Intrinsics.X86;
using System.Text;
using KCkpt.Image;

namespace KCkpt.Tests.Image;

public sealed class Crc32CTests
{
    private const uint CheckValue = 0xE3069283;

    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    [Fact]
    public void ComputeGivesTheStandardCheckValue()
    {
        Crc32C.Compute(CheckInput).Should().Be(CheckValue);
    }

    [Fact]
    public void TablePathGivesTheStandardCheckValue()
    {
        Crc32C.Finish(Crc32C.AppendWithTable(Crc32C.Initial, CheckInput)).Should().Be(CheckValue);
    }

    [Fact]
    public void Sse42PathGivesTheStandardCheckValue()
    {
        Sse42.IsSupported.Should().BeTrue("the project's machines are x86_64 with SSE4.2, so this path must be tested");

        Crc32C.Finish(Crc32C.AppendWithSse42(Crc32C.Initial, CheckInput)).Should().Be(CheckValue);
    }

    [Fact]
    public void BothPathsAgreeOnEveryLengthAndAlignment()
    {
        var data = new byte[300];
        new Random(7).NextBytes(data);
        for (int start = 0; start < 9; start++)
        {
            for (int length = 0; start + length <= data.Length; length += 13)
            {
                var slice = data.AsSpan(start, length);
                Crc32C.AppendWithSse42(Crc32C.Initial, slice).Should().Be(Crc32C.AppendWithTable(Crc32C.Initial, slice));
            }
        }
    }

    [Fact]
    public void AppendingInPiecesEqualsComputingAtOnce()
    {
        var data = new byte[10000];
        new Random(3).NextBytes(data);

        uint running = Crc32C.Append(Crc32C.Initial, data.AsSpan(0, 4097));
        running = Crc32C.Append(running, data.AsSpan(4097));

        Crc32C.Finish(running).Should().Be(Crc32C.Compute(data));
    }

    [Fact]
    public void EmptyInputHasChecksumZero()
    {
        Crc32C.Compute([]).Should().Be(0);
    }
}
