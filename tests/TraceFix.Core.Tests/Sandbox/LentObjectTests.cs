using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>Tests may build their own objects (nodes, fakes, records, callbacks) and pass them to the solution.</summary>
[Collection(SandboxCollection.Name)]
public sealed class LentObjectTests(SandboxFixture sandbox)
{
    private const string Solution = """
        def reverse(head):
            prev = None
            while head:
                head.next, prev, head = prev, head, head.next
            return prev

        def reachable(start):
            seen, todo = set(), [start]
            while todo:
                node = todo.pop()
                if node in seen:
                    continue
                seen.add(node)
                todo.extend(node.edges)
            return sorted(n.name for n in seen)

        def charge(gateway, amount):
            if not gateway.authorize(amount):
                return "declined"
            gateway.log.append(amount)
            return "charged %d" % amount

        def total(points, key):
            return sum(key(p) for p in points)

        def oldest(people):
            return max(people, key=lambda p: p.age)
        """;

    private const string Tests = """
        from dataclasses import dataclass
        from solution import reverse, reachable, charge, total, oldest

        class Node:
            def __init__(self, val, next=None):
                self.val, self.next = val, next

        class Vertex:
            def __init__(self, name):
                self.name, self.edges = name, []

        class FakeGateway:
            def __init__(self, limit):
                self.limit, self.log = limit, []
            def authorize(self, amount):
                return amount <= self.limit

        @dataclass
        class Person:
            name: str
            age: int

        def test_linked_list_is_reversed_in_place():
            a = Node(1, Node(2, Node(3)))
            head = reverse(a)
            assert head.val == 3 and head.next.val == 2
            assert head.next.next is a and a.next is None

        def test_graph_with_a_cycle():
            a, b, c, d = Vertex("a"), Vertex("b"), Vertex("c"), Vertex("d")
            a.edges, b.edges, c.edges = [b], [c], [a]
            assert reachable(a) == ["a", "b", "c"]
            assert reachable(d) == ["d"]

        def test_fake_with_methods_and_state():
            gateway = FakeGateway(100)
            assert charge(gateway, 40) == "charged 40"
            assert charge(gateway, 400) == "declined"
            assert gateway.log == [40]

        def test_callbacks_and_records():
            people = [Person("ann", 31), Person("bob", 52)]
            assert total(people, lambda p: p.age) == 83
            assert oldest(people) is people[1]
        """;

    [Fact]
    public async Task NodesGraphsFakesRecordsAndCallbacksWork()
    {
        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest(Solution, Tests, TimeSpan.FromSeconds(10)));

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Select(r => $"{r.TestName}: {r.ErrorMessage}")));
        Assert.Equal(4, report.Total);
    }

    [Fact]
    public async Task AWrongAnswerOnLentObjectsIsReportedWithTheCall()
    {
        var buggy = Solution.Replace("head.next, prev, head = prev, head, head.next", "prev, head = head, head.next");

        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest(buggy, Tests, TimeSpan.FromSeconds(10)));

        var failure = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal("test_linked_list_is_reversed_in_place", failure.TestName);
        Assert.StartsWith("input=reverse(<test_solution.Node object at ", failure.ErrorMessage);
        Assert.Contains("returned=<test_solution.Node object at ", failure.ErrorMessage);
        Assert.EndsWith(", test raised AttributeError: 'NoneType' object has no attribute 'val' (test line 26)", failure.ErrorMessage);
    }
}
