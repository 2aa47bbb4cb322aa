/**
 * Small AST queries the planner needs: every call expression below a node, and whether a call is an aggregate or an
 * analytic function.
 */
import type { CallExpr, Expr, SelectField } from '../sql/ast';
import { lookupFunction } from '../functions/registry';

/** Direct sub-expressions of an expression. */
export function subExprs(e: Expr): Expr[] {
  switch (e.type) {
    case 'member_expr': return [e.object];
    case 'index_expr': return [e.object, e.index];
    case 'slice_expr': return [e.object, ...(e.start ? [e.start] : []), ...(e.end ? [e.end] : [])];
    case 'binary_expr': return [e.left, e.right];
    case 'unary_expr': return [e.operand];
    case 'like_expr': return [e.expr, e.pattern];
    case 'in_expr': return [e.expr, ...(e.list ?? []), ...(e.set ? [e.set] : [])];
    case 'between_expr': return [e.expr, e.low, e.high];
    case 'case_expr': return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'call_expr': return [...e.args, ...(e.filter ? [e.filter] : []), ...(e.over ? [...e.over.partitionBy, ...(e.over.when ? [e.over.when] : [])] : [])];
    case 'wildcard': return e.replace.map((r) => r.expr);
    default: return [];
  }
}

/** All call expressions in `exprs`, in pre-order. */
export function collectCalls(exprs: readonly Expr[]): CallExpr[] {
  const out: CallExpr[] = [];
  const visit = (e: Expr): void => {
    if (e.type === 'call_expr') out.push(e);
    for (const s of subExprs(e)) visit(s);
  };
  exprs.forEach(visit);
  return out;
}

/** True when the call names an aggregate function (and has no OVER clause). */
export function isAggregateCall(c: CallExpr): boolean {
  return !c.over && lookupFunction(c.name)?.type === 'aggregate';
}

/** True when the call names an analytic function or carries OVER. */
export function isAnalyticCall(c: CallExpr): boolean {
  return c.over !== undefined || lookupFunction(c.name)?.type === 'analytic';
}

/** Expressions of the SELECT list, including `* REPLACE(..)` items. */
export function fieldExprs(fields: readonly SelectField[]): Expr[] {
  return fields.map((f) => f.expr);
}
