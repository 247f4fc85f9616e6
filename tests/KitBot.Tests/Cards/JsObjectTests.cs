using KitBot.Cards.Templating;

namespace KitBot.Tests.Cards;

/// <summary>The template engine's objects keep JavaScript's key order and find every member, small or large.</summary>
public sealed class JsObjectTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Keys_FollowJavaScriptOrder_AndEveryMemberIsFound(int named)
    {
        var obj = new JsObject();
        var expected = new List<string>();
        for (var i = 0; i < named; i++)
        {
            obj.Set($"k{named - i}", (double)i);
            expected.Add($"k{named - i}");
        }

        // Array-index keys go first, ascending, whenever they are added.
        obj.Set("10", "ten");
        obj.Set("2", "two");
        obj.Set("0", "zero");
        obj.Set("k1", "replaced");

        Assert.Equal(["0", "2", "10", .. expected], obj.Keys);
        Assert.Equal(named + 3, obj.Count);
        Assert.Equal("zero", obj["0"]);
        Assert.Equal("two", obj["2"]);
        Assert.Equal("ten", obj["10"]);
        Assert.Equal("replaced", obj["k1"]);
        for (var i = 0; i < named - 1; i++)
        {
            Assert.True(obj.TryGetValue($"k{named - i}", out var value));
            Assert.Equal((double)i, value);
        }

        Assert.False(obj.TryGetValue("K1", out _));
        Assert.Same(Js.Undefined, obj["missing"]);
    }
}
