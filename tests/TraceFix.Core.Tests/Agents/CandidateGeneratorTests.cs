using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents.Offline;

namespace TraceFix.Core.Tests.Agents;

public sealed class CandidateGeneratorTests
{
    private static FailureEvidence Evidence(string output, params TestResult[] results) =>
        FailureEvidence.Read(new Observation { LastExecutionOutput = output, TestResults = [.. results] });

    private static FailureEvidence Failing(string message) =>
        Evidence($"Tests Passed: 1/3.\n\nTraceback:\ntest_x: {message}", new TestResult("test_x", false, message), new TestResult("test_y", true, null));

    private static int RankOf(IReadOnlyList<RepairCandidate> ranked, params string[] fixedFile)
    {
        var index = ranked.ToList().FindIndex(c => c.ResultKey(CurrentLines!).Split('\n').SequenceEqual(fixedFile));
        Assert.True(index >= 0, "the repair was not proposed at all");
        return index;
    }

    private static string[]? CurrentLines;

    private static IReadOnlyList<RepairCandidate> Generate(string[] lines, FailureEvidence evidence)
    {
        CurrentLines = lines;
        return CandidateGenerator.Generate(lines, evidence);
    }

    [Fact]
    public void ReturnsItsInput_RanksReturningTheBuiltLocalFirst()
    {
        string[] code = ["def shout(word):", "    loud = \"\"", "    for ch in word:", "        loud = loud + ch.upper()", "    return word"];

        var ranked = Generate(code, Failing("input=shout('hey'), expected='HEY', got='hey'"));

        Assert.Equal(0, RankOf(ranked, [.. code[..4], "    return loud"]));
    }

    [Fact]
    public void FloatIndex_RanksFloorDivisionFirst()
    {
        string[] code = ["def middle(items):", "    i = len(items) / 2", "    return items[i]"];

        var ranked = Generate(code, Failing("input=middle([1, 2, 3]), raised TypeError: list indices must be integers or slices, not float"));

        Assert.Equal(0, RankOf(ranked, code[0], "    i = len(items) // 2", code[2]));
    }

    [Fact]
    public void EmptyResult_ProposesTheMissingAccumulatorEarly()
    {
        string[] code = ["def total_len(words):", "    size = 0", "    for w in words:", "        if not w:", "            continue", "    return size"];

        var ranked = Generate(code, Failing("input=total_len(['ab']), expected=2, got=0"));

        Assert.InRange(RankOf(ranked, [.. code[..5], "        size += w", code[5]]), 0, 2);
    }

    [Fact]
    public void MappingValues_CanBeSwapped_EvenWithBracketsInsideQuotes()
    {
        string[] code = ["def closer(ch):", "    table = {'(': ')', '[': '}', '{': ']'}", "    return table[ch]"];

        var ranked = Generate(code, Failing("input=closer('['), expected=']', got='}'"));

        Assert.InRange(RankOf(ranked, code[0], "    table = {'(': ')', '[': ']', '{': '}'}", code[2]), 0, 5);
    }

    [Fact]
    public void UnloweredWords_RankTheLowerCallHigh()
    {
        string[] code = ["def tags(text):", "    out = []", "    for raw in text.split():", "        tag = raw.strip('#')", "        out.append(tag)", "    return out"];

        var ranked = Generate(code, Failing("input=tags('#Go #go'), expected=['go', 'go'], got=['Go', 'go']"));

        Assert.InRange(RankOf(ranked, [.. code[..3], "        tag = raw.strip('#').lower()", .. code[4..]]), 0, 2);
    }

    [Fact]
    public void NestedResult_ProposesRecursionOnTheFunctionsOwnName()
    {
        string[] code = ["def leaves(tree):", "    out = []", "    for node in tree:", "        if isinstance(node, list):", "            out.extend(node)", "        else:", "            out.append(node)", "    return out"];

        var ranked = Generate(code, Failing("input=leaves([1, [2, [3]]]), expected=[1, 2, 3], got=[1, 2, [3]]"));

        Assert.InRange(RankOf(ranked, [.. code[..4], "            out.extend(leaves(node))", .. code[5..]]), 0, 3);
    }

    [Fact]
    public void NothingIsEverProposedInsideStringsOrDocstrings()
    {
        string[] code = ["def f(a):", "    \"\"\"Return a < 1 + 2.\"\"\"", "    return a + 1  # a < b"];

        var ranked = Generate(code, Failing("input=f(1), expected=0, got=2"));

        Assert.All(ranked, c => Assert.NotEqual(2, c.StartLine));
        Assert.All(ranked.Where(c => c.StartLine == 3), c => Assert.EndsWith("# a < b", c.NewLines[^1]));
    }

    [Fact]
    public void AMissingCounterpartStatement_IsProposedFromTheCodesOwnSymmetry()
    {
        string[] code =
        [
            "def zip_merge(a, b):", "    out = []", "    i = j = 0", "    while i < len(a) and j < len(b):",
            "        out.append(a[i])", "        out.append(b[j])", "        i += 1", "        j += 1",
            "    out.extend(b[j:])", "    return out",
        ];

        var ranked = Generate(code, Failing("input=zip_merge([1, 2, 3], [9]), expected=[1, 9, 2, 3], got=[1, 9]"));

        Assert.Contains(ranked, c => c.Operator == RepairKind.Symmetry && c.NewLines.Contains("    out.extend(a[i:])"));
    }

    [Fact]
    public void AReturnInsideTheLoop_CanMoveOutOfIt()
    {
        string[] code = ["def find(xs, t):", "    for i, x in enumerate(xs):", "        if x == t:", "            return i", "        return -1"];

        var ranked = Generate(code, Failing("input=find([1, 2], 2), expected=1, got=-1"));

        Assert.InRange(RankOf(ranked, [.. code[..4], "    return -1"]), 0, 10);
    }

    [Fact]
    public void Ranking_IsDeterministicForASeed()
    {
        string[] code = ["def f(a, b):", "    if a < b:", "        return a - b", "    return b - a"];
        var evidence = Failing("input=f(1, 2), expected=1, got=-1");

        var first = CandidateGenerator.Generate(code, evidence, seed: 7).Select(c => c.ResultKey(code));
        var second = CandidateGenerator.Generate(code, evidence, seed: 7).Select(c => c.ResultKey(code));

        Assert.Equal(first, second);
    }
}
