namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Recursive-descent parser for the CEL grammar; expands the has() and comprehension macros.</summary>
internal sealed class CelParser
{
    private const int MaxDepth = 100;

    private static readonly HashSet<string> ReservedWords =
    [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while", "in",
    ];

    private static readonly HashSet<string> ComprehensionMacros = ["all", "exists", "exists_one", "map", "filter"];

    private readonly List<CelToken> _tokens;
    private int _index;
    private int _depth;

    private CelParser(List<CelToken> tokens)
    {
        _tokens = tokens;
    }

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(CelLexer.Tokenize(text));
        var expr = parser.ParseExpr();
        var next = parser.Peek;
        if (next.Kind != CelTokenKind.End)
        {
            throw Error(next, $"extraneous input '{next.Text}'");
        }

        return expr;
    }

    private CelToken Peek => _tokens[_index];

    private static CelSyntaxException Error(CelToken token, string message) =>
        new($"Syntax error at column {token.Position + 1}: {message}");

    private bool IsPunct(string text) => Peek.Kind == CelTokenKind.Punctuation && Peek.Text == text;

    private bool IsKeyword(string text) => Peek.Kind == CelTokenKind.Identifier && Peek.Text == text;

    private CelToken Next() => _tokens[_index++];

    private CelToken Expect(string punctuation)
    {
        if (!IsPunct(punctuation))
        {
            throw Error(Peek, $"mismatched input '{Peek.Text}' expecting '{punctuation}'");
        }

        return Next();
    }

    private CelExpr ParseExpr()
    {
        if (++_depth > MaxDepth)
        {
            throw Error(Peek, "expression nesting too deep");
        }

        var condition = ParseOr();
        CelExpr result = condition;
        if (IsPunct("?"))
        {
            var question = Next();
            var whenTrue = ParseOr();
            Expect(":");
            var whenFalse = ParseExpr();
            result = new CelConditional(condition, whenTrue, whenFalse, question.Position);
        }

        _depth--;
        return result;
    }

    private CelExpr ParseOr()
    {
        var left = ParseAnd();
        while (IsPunct("||"))
        {
            var op = Next();
            left = new CelBinary("||", left, ParseAnd(), op.Position);
        }

        return left;
    }

    private CelExpr ParseAnd()
    {
        var left = ParseRelation();
        while (IsPunct("&&"))
        {
            var op = Next();
            left = new CelBinary("&&", left, ParseRelation(), op.Position);
        }

        return left;
    }

    private CelExpr ParseRelation()
    {
        var left = ParseAddition();
        while (Peek.Text is "==" or "!=" or "<" or "<=" or ">" or ">=" or "in"
               && (Peek.Kind == CelTokenKind.Punctuation || IsKeyword("in")))
        {
            var op = Next();
            left = new CelBinary(op.Text, left, ParseAddition(), op.Position);
        }

        return left;
    }

    private CelExpr ParseAddition()
    {
        var left = ParseMultiplication();
        while (IsPunct("+") || IsPunct("-"))
        {
            var op = Next();
            left = new CelBinary(op.Text, left, ParseMultiplication(), op.Position);
        }

        return left;
    }

    private CelExpr ParseMultiplication()
    {
        var left = ParseUnary();
        while (IsPunct("*") || IsPunct("/") || IsPunct("%"))
        {
            var op = Next();
            left = new CelBinary(op.Text, left, ParseUnary(), op.Position);
        }

        return left;
    }

    private CelExpr ParseUnary()
    {
        if (IsPunct("!"))
        {
            var op = Next();
            return new CelUnary("!", ParseUnary(), op.Position);
        }

        if (IsPunct("-"))
        {
            var op = Next();

            // Fold "-<int literal>" so that -9223372036854775808 is representable.
            if (Peek.Kind == CelTokenKind.Int)
            {
                var literal = Next();
                var magnitude = (ulong)literal.Value!;
                var folded = new CelLiteral(magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude, op.Position);
                return ParseMemberSuffix(folded);
            }

            return new CelUnary("-", ParseUnary(), op.Position);
        }

        return ParseMember();
    }

    private CelExpr ParseMember() => ParseMemberSuffix(ParsePrimary());

    private CelExpr ParseMemberSuffix(CelExpr expr)
    {
        while (true)
        {
            if (IsPunct("."))
            {
                var dot = Next();
                if (IsPunct("?"))
                {
                    throw new CelSyntaxException($"optional field selection '.?' is not supported (column {dot.Position + 1})", unsupported: true);
                }

                var name = ExpectIdentifier();
                if (IsPunct("("))
                {
                    Next();
                    var args = ParseArguments(")");
                    expr = MakeMethodCall(expr, name, args, dot.Position);
                }
                else
                {
                    expr = new CelSelect(expr, name.Text, false, dot.Position);
                }
            }
            else if (IsPunct("["))
            {
                var bracket = Next();
                if (IsPunct("?"))
                {
                    throw new CelSyntaxException($"optional index '[?' is not supported (column {bracket.Position + 1})", unsupported: true);
                }

                var index = ParseExpr();
                Expect("]");
                expr = new CelIndex(expr, index, bracket.Position);
            }
            else
            {
                return expr;
            }
        }
    }

    private CelToken ExpectIdentifier()
    {
        var token = Peek;
        if (token.Kind != CelTokenKind.Identifier || token.Text is "true" or "false" or "null" || ReservedWords.Contains(token.Text))
        {
            throw Error(token, $"mismatched input '{token.Text}' expecting IDENTIFIER");
        }

        return Next();
    }

    private static CelExpr MakeMethodCall(CelExpr target, CelToken name, List<CelExpr> args, int position)
    {
        if (ComprehensionMacros.Contains(name.Text) && (args.Count == 2 || (name.Text == "map" && args.Count == 3)))
        {
            if (args[0] is not CelIdent variable)
            {
                throw new CelSyntaxException($"Syntax error at column {name.Position + 1}: argument is not an identifier in {name.Text}() macro");
            }

            return args.Count == 3
                ? new CelComprehension(name.Text, target, variable.Name, args[1], args[2], position)
                : new CelComprehension(name.Text, target, variable.Name, null, args[1], position);
        }

        return new CelCall(target, name.Text, args, position);
    }

    private List<CelExpr> ParseArguments(string closing)
    {
        var args = new List<CelExpr>();
        if (IsPunct(closing))
        {
            Next();
            return args;
        }

        while (true)
        {
            args.Add(ParseExpr());
            if (IsPunct(","))
            {
                Next();
                if (closing == "]" && IsPunct(closing))
                {
                    Next();
                    return args;
                }

                continue;
            }

            Expect(closing);
            return args;
        }
    }

    private CelExpr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case CelTokenKind.Int:
                Next();
                var magnitude = (ulong)token.Value!;
                if (magnitude > long.MaxValue)
                {
                    throw Error(token, "int literal out of range");
                }

                return new CelLiteral((long)magnitude, token.Position);
            case CelTokenKind.Uint:
            case CelTokenKind.Double:
            case CelTokenKind.String:
                Next();
                return new CelLiteral(token.Value, token.Position);
            case CelTokenKind.Identifier:
                return ParseIdentifierPrimary();
            case CelTokenKind.Punctuation when token.Text == "(":
                Next();
                var inner = ParseExpr();
                Expect(")");
                return inner;
            case CelTokenKind.Punctuation when token.Text == "[":
                Next();
                return new CelListLiteral(ParseArguments("]"), token.Position);
            case CelTokenKind.Punctuation when token.Text == "{":
                Next();
                return ParseMapLiteral(token);
            case CelTokenKind.Punctuation when token.Text == ".":
                throw new CelSyntaxException($"leading-dot identifiers are not supported (column {token.Position + 1})", unsupported: true);
            default:
                throw Error(token, $"mismatched input '{token.Text}'");
        }
    }

    private CelExpr ParseIdentifierPrimary()
    {
        var token = Peek;
        switch (token.Text)
        {
            case "true":
                Next();
                return new CelLiteral(true, token.Position);
            case "false":
                Next();
                return new CelLiteral(false, token.Position);
            case "null":
                Next();
                return new CelLiteral(null, token.Position);
        }

        var name = ExpectIdentifier();
        if (IsPunct("{"))
        {
            throw new CelSyntaxException($"message construction '{name.Text}{{...}}' is not supported (column {name.Position + 1})", unsupported: true);
        }

        if (!IsPunct("("))
        {
            return new CelIdent(name.Text, name.Position);
        }

        Next();
        var args = ParseArguments(")");
        if (name.Text == "has")
        {
            if (args.Count != 1 || args[0] is not CelSelect select)
            {
                throw new CelSyntaxException($"Syntax error at column {name.Position + 1}: invalid argument to has() macro");
            }

            return select with { TestOnly = true };
        }

        return new CelCall(null, name.Text, args, name.Position);
    }

    private CelMapLiteral ParseMapLiteral(CelToken open)
    {
        var entries = new List<KeyValuePair<CelExpr, CelExpr>>();
        while (!IsPunct("}"))
        {
            var key = ParseExpr();
            Expect(":");
            var value = ParseExpr();
            entries.Add(new KeyValuePair<CelExpr, CelExpr>(key, value));
            if (!IsPunct(","))
            {
                break;
            }

            Next();
        }

        Expect("}");
        return new CelMapLiteral(entries, open.Position);
    }
}
