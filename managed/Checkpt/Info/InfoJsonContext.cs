using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KCkpt.Cli.Info;

/// <summary>checkpt info --json, source-generated: no reflection, nothing for trimming to warn about.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(InfoReport))]
internal sealed partial class InfoJsonContext : JsonSerializerContext
{
    /// <summary>The generated context, writing quotes and other non-ASCII-safe characters as they are: the output is for terminals and tools, not HTML.</summary>
    public static InfoJsonContext Plain { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
