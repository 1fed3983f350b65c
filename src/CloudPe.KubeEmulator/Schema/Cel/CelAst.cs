namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>A node of a parsed CEL expression; <see cref="Position"/> is the 0-based source offset.</summary>
internal abstract record CelExpr(int Position);

/// <summary>int (long), uint (ulong), double, string, bool or null.</summary>
internal sealed record CelLiteral(object? Value, int Position) : CelExpr(Position);

internal sealed record CelIdent(string Name, int Position) : CelExpr(Position);

/// <summary>Field selection; <see cref="TestOnly"/> marks the presence test produced by has().</summary>
internal sealed record CelSelect(CelExpr Operand, string Field, bool TestOnly, int Position) : CelExpr(Position);

internal sealed record CelIndex(CelExpr Operand, CelExpr Index, int Position) : CelExpr(Position);

/// <summary>A function call; <see cref="Target"/> is the receiver of a method call, null for a global call.</summary>
internal sealed record CelCall(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args, int Position) : CelExpr(Position);

internal sealed record CelUnary(string Operator, CelExpr Operand, int Position) : CelExpr(Position);

internal sealed record CelBinary(string Operator, CelExpr Left, CelExpr Right, int Position) : CelExpr(Position);

internal sealed record CelConditional(CelExpr Condition, CelExpr WhenTrue, CelExpr WhenFalse, int Position) : CelExpr(Position);

internal sealed record CelListLiteral(IReadOnlyList<CelExpr> Items, int Position) : CelExpr(Position);

internal sealed record CelMapLiteral(IReadOnlyList<KeyValuePair<CelExpr, CelExpr>> Entries, int Position) : CelExpr(Position);

/// <summary>all / exists / exists_one / map / filter over a list (elements) or map (keys).</summary>
internal sealed record CelComprehension(string Macro, CelExpr Range, string Variable, CelExpr? Filter, CelExpr Body, int Position) : CelExpr(Position);
