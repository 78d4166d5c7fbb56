namespace TraceFix.Core.Tests.Sandbox;

/// <summary>Test modules written the ordinary pytest way keep working through the proxy.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ProxyBehaviourTests(SandboxFixture sandbox)
{
    private const string Solution = """
        class Bag:
            def __init__(self, *items):
                self.items = list(items)
                self.label = "bag"
            def __len__(self):
                return len(self.items)
            def __iter__(self):
                return iter(self.items)
            def __contains__(self, item):
                return item in self.items
            def __getitem__(self, index):
                return self.items[index]
            def add(self, item):
                self.items.append(item)
                return self

        def countdown(n):
            while n > 0:
                yield n
                n -= 1

        def parse(text):
            if not text:
                raise ValueError("empty input")
            return int(text)

        def pair():
            return (1, "two", None, 3.5, {"k": [1, 2]}, {4, 5}, b"raw")

        LIMIT = 10
        """;

    [Fact]
    public async Task ObjectsGeneratorsExceptionsAndPlainValuesBehaveAsInProcess()
    {
        const string tests = """
            import solution
            from solution import Bag, countdown, parse, pair, LIMIT

            def test_object_protocols():
                bag = Bag(1, 2)
                bag.add(3).add(4)
                assert len(bag) == 4
                assert 3 in bag
                assert 9 not in bag
                assert bag[0] == 1
                assert list(bag) == [1, 2, 3, 4]
                assert bag.label == "bag"
                bag.label = "sack"
                assert bag.label == "sack"

            def test_generator():
                assert list(countdown(3)) == [3, 2, 1]
                assert sum(countdown(4)) == 10

            def test_expected_exception():
                try:
                    parse("")
                except ValueError as exc:
                    assert "empty" in str(exc)
                else:
                    assert False, "no error"
                assert parse("12") == 12

            def test_plain_values_and_module_attributes():
                assert pair() == (1, "two", None, 3.5, {"k": [1, 2]}, {4, 5}, b"raw")
                assert LIMIT == 10
                assert solution.LIMIT == 10

            def test_missing_name_fails():
                assert solution.nothing_here == 1
            """;

        var report = await sandbox.Runner.RunTestsAsync(new(Solution, tests, TimeSpan.FromSeconds(5)));

        Assert.Equal(5, report.Total);
        Assert.Equal(4, report.Passed);
        var failure = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal("test_missing_name_fails", failure.TestName);
        Assert.Contains("AttributeError", failure.ErrorMessage);
    }
}
