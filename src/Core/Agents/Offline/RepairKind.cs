namespace TraceFix.Core.Agents.Offline;

/// <summary>The families of repair the generator proposes; evidence from the tests weighs each family.</summary>
public static class RepairKind
{
    public const string Comparison = "comparison";
    public const string ComparisonFlip = "comparison-flip";
    public const string Arithmetic = "arithmetic";
    public const string FloorDivision = "floor-division";
    public const string BooleanOperator = "boolean-operator";
    public const string Negation = "negation";
    public const string OffByOne = "off-by-one";
    public const string MirroredIndex = "mirrored-index";
    public const string LengthBound = "length-bound";
    public const string BooleanLiteral = "boolean-literal";
    public const string ReturnLocal = "return-local";
    public const string ReturnCondition = "return-condition";
    public const string ReturnMissing = "return-missing";
    public const string DictSwap = "dict-swap";
    public const string MissingLower = "missing-lower";
    public const string MissingStrip = "missing-strip";
    public const string MissingSort = "missing-sort";
    public const string MissingRecursion = "missing-recursion";
    public const string SiblingCall = "sibling-call";
    public const string Accumulator = "accumulator";
    public const string VariableSwap = "variable-swap";
    public const string CallSwap = "call-swap";
    public const string Symmetry = "symmetry";
    public const string IndexShift = "index-shift";
    public const string Indentation = "indentation";
    public const string SyntaxRepair = "syntax";
}
