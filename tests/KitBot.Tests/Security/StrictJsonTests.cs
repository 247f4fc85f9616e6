using System.Text;
using KitBot.Security;

namespace KitBot.Tests.Security;

/// <summary>What the door check refuses, and what it lets through, however many names an object has.</summary>
public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"x":{"a":1,"b":{"c":[{"a":1}]},"a":2}}""")]
    [InlineData("""{"a":1,"\u0061":2}""")]
    public void ANameRepeatedInOneObject_IsRefused(string json) =>
        Assert.Equal("A JSON object names the same property twice.", StrictJson.Problem(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void ARepeatPastTheFirstSixteenNames_IsRefused_AndManyDistinctNamesPass()
    {
        var distinct = "{" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"n{i}\":{i}")) + "}";
        Assert.Null(StrictJson.Problem(Encoding.UTF8.GetBytes(distinct)));

        var repeated = distinct[..^1] + ",\"n3\":0}";
        Assert.Equal("A JSON object names the same property twice.", StrictJson.Problem(Encoding.UTF8.GetBytes(repeated)));
    }

    [Fact]
    public void TheSameNameInSiblingAndNestedObjects_IsNotARepeat() =>
        Assert.Null(StrictJson.Problem(Encoding.UTF8.GetBytes("""{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"c":{"a":3}}""")));

    [Fact]
    public void AnEscapedLoneSurrogate_IsRefused_AndAnEscapedPairPasses()
    {
        Assert.Equal("The body is not well-formed JSON.", StrictJson.Problem(Encoding.UTF8.GetBytes("""{"x":"\ud800"}""")));
        Assert.Null(StrictJson.Problem(Encoding.UTF8.GetBytes("""{"x":"\ud83d\ude00"}""")));
    }

    [Fact]
    public void InvalidUtf8_IsRefused() =>
        Assert.Equal("The body is not valid UTF-8.", StrictJson.Problem([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
}
