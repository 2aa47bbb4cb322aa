/**
 * Compiles an AST expression once, at rule creation, into a closure `(row, ctx) => value`. Static kinds are tracked
 * so `bigint / bigint` is integer division and error texts name Go types as eKuiper does. Nothing is interpreted
 * per event: literals are folded into the closures and operator dispatch happens here, not at run time.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 * @see https://ekuiper.org/docs/en/latest/sqls/data_types.html
 */
import type { Expr, FieldRef, BinaryExpr, CaseExpr, InExpr } from '../sql/ast';
import type { Value, ValueKind } from '../functions/types';
import { isStruct } from '../functions/values';
import { PlanError, EvalError } from '../engine/errors';
import type { Row } from '../model/row';
import { arithmeticKind, arithmeticOp, compareOp, logicOp, invalidOperation } from './binary-ops';
import { goValueText, likeToRegExp } from './like';
import { compileCall } from './compile-call';
import { collectCalls, isAggregateCall } from '../plan/ast-walk';
import type { Compiled, CompileScope, Evaluator } from './scope';

const NUMERIC_OPS = new Set(['+', '-', '*', '/', '%', '&', '|', '^']);

/** Builds a {@link Compiled}. */
export function compiled(fn: Evaluator, kind: ValueKind, aggregate = false): Compiled {
  return { fn, kind, aggregate };
}

/**
 * Compiles an expression.
 * @param expr AST expression
 * @param scope the rule's compile scope
 * @throws PlanError naming the part at fault (unknown column, unknown function, wrong arity, aggregate misuse)
 */
export function compileExpr(expr: Expr, scope: CompileScope): Compiled {
  switch (expr.type) {
    case 'number_literal': {
      const v = expr.value;
      return compiled(() => v, expr.isFloat ? 'float' : 'int');
    }
    case 'string_literal': {
      const v = expr.value;
      return compiled(() => v, 'string');
    }
    case 'boolean_literal': {
      const v = expr.value;
      return compiled(() => v, 'bool');
    }
    case 'null_literal':
      return compiled(() => null, 'unknown');
    case 'field_ref':
      return compileField(expr, scope);
    case 'wildcard':
      throw new PlanError('bad_argument', `* is only allowed in the SELECT list or as a function argument such as count(*)`);
    case 'member_expr': {
      const obj = compileExpr(expr.object, scope);
      const prop = expr.property;
      const f = obj.fn;
      return compiled((row, ctx) => {
        const o = f(row, ctx);
        if (!isStruct(o)) return null;
        const v = o[prop];
        return v === undefined ? null : v;
      }, 'unknown', obj.aggregate);
    }
    case 'index_expr':
      return compileIndex(compileExpr(expr.object, scope), compileExpr(expr.index, scope));
    case 'slice_expr': {
      const obj = compileExpr(expr.object, scope);
      const start = expr.start ? compileExpr(expr.start, scope).fn : undefined;
      const end = expr.end ? compileExpr(expr.end, scope).fn : undefined;
      const f = obj.fn;
      return compiled((row, ctx) => {
        const o = f(row, ctx);
        if (!Array.isArray(o) && typeof o !== 'string') return null;
        const s = start ? start(row, ctx) : 0;
        const e = end ? end(row, ctx) : o.length;
        if (typeof s !== 'number' || typeof e !== 'number') throw new EvalError('slice bounds must be integers');
        return o.slice(s, e);
      }, obj.kind, obj.aggregate);
    }
    case 'binary_expr':
      return compileBinary(expr, scope);
    case 'unary_expr': {
      const o = compileExpr(expr.operand, scope);
      const f = o.fn;
      if (expr.operator === 'NOT') {
        return compiled((row, ctx) => {
          const v = f(row, ctx);
          if (v === null) return null;
          if (typeof v !== 'boolean') throw new EvalError(`invalid operation NOT ${String(v)}: expects a bool`);
          return !v;
        }, 'bool', o.aggregate);
      }
      const neg = expr.operator === '-';
      return compiled((row, ctx) => {
        const v = f(row, ctx);
        if (v === null) return null;
        if (typeof v !== 'number') throw new EvalError(`invalid operation ${expr.operator}${String(v)}: expects a number`);
        return neg ? -v : v;
      }, o.kind, o.aggregate);
    }
    case 'like_expr': {
      const e = compileExpr(expr.expr, scope);
      const p = compileExpr(expr.pattern, scope);
      const not = expr.not;
      const fixed = expr.pattern.type === 'string_literal' ? likeToRegExp(expr.pattern.value) : undefined;
      return compiled((row, ctx) => {
        const v = e.fn(row, ctx);
        if (v === null) return null;
        let re = fixed;
        if (!re) {
          const pv = p.fn(row, ctx);
          if (typeof pv !== 'string') throw new EvalError(`invalid LIKE pattern, must be a string but got ${goValueText(pv)}`);
          re = likeToRegExp(pv);
        }
        if (typeof v !== 'string') throw new EvalError(`LIKE operator left operand expects string, but found ${goValueText(v)}`);
        return re.test(v) !== not;
      }, 'bool', e.aggregate);
    }
    case 'in_expr':
      return compileIn(expr, scope);
    case 'between_expr': {
      const e = compileExpr(expr.expr, scope);
      const lo = compileExpr(expr.low, scope);
      const hi = compileExpr(expr.high, scope);
      const not = expr.not;
      return compiled((row, ctx) => {
        const v = e.fn(row, ctx);
        const l = lo.fn(row, ctx);
        const h = hi.fn(row, ctx);
        // eKuiper: BETWEEN and NOT BETWEEN are both false when any operand is null.
        if (v === null || l === null || h === null) return false;
        const within = compareOp('>=', v, l, e.kind, lo.kind) && compareOp('<=', v, h, e.kind, hi.kind);
        return within !== not;
      }, 'bool', e.aggregate || lo.aggregate || hi.aggregate);
    }
    case 'case_expr':
      return compileCase(expr, scope);
    case 'call_expr':
      return compileCall(expr, scope);
  }
}

function compileField(ref: FieldRef, scope: CompileScope): Compiled {
  const name = ref.name;
  if (ref.stream === undefined) {
    // Inside an aggregate's arguments a name whose alias is itself an aggregate (`avg(a) AS a, sum(a)`) means the
    // column: eKuiper evaluates aggregate arguments on the window rows (project_test TestProjectPlan_AggFuncs[9]).
    if (scope.aliases.has(name) && !scope.aliasCompiling.has(name) && !(scope.inAggregate && aliasIsAggregate(name, scope))) {
      return compileAliasRef(name, scope);
    }
    const kind = columnKind(name, scope);
    if (scope.joined) {
      for (const s of scope.sources) scope.reference(s.name, name);
      return compiled((row) => lookupUnqualified(row, name), kind);
    }
    scope.reference(scope.sources[0].name, name);
    return compiled((row) => {
      const v = row.message[name];
      return v === undefined ? lookupFolded(row.message, name) : v;
    }, kind);
  }
  const src = scope.findSource(ref.stream);
  if (!src) {
    // `a.b` where `a` is not a stream: field `b` of struct column `a`.
    return compileExpr({ type: 'member_expr', object: { type: 'field_ref', name: ref.stream }, property: name }, scope);
  }
  if (src.columns && !src.columns.has(name)) {
    throw new PlanError('unknown_column', `unknown column ${ref.stream}.${name}: ${src.kind} ${src.name} declares ${[...src.columns.keys()].join(', ')}`);
  }
  scope.reference(src.name, name);
  const kind = src.columns?.get(name) ?? 'unknown';
  const sname = src.name;
  return compiled((row) => {
    const msg = row.sources !== undefined ? row.sources.get(sname) : row.emitter === sname ? row.message : undefined;
    if (msg === undefined) return null;
    const v = msg[name];
    return v === undefined ? lookupFolded(msg, name) : v;
  }, kind);
}

/**
 * Case-insensitive fallback of a column lookup, as eKuiper's message lookup: when no key equals `name` exactly,
 * the first key equal to it ignoring case wins.
 * @returns the value, or null when no key matches
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
export function lookupFolded(msg: Readonly<Record<string, Value>>, name: string): Value {
  const lower = name.toLowerCase();
  for (const k in msg) {
    if (k.length === name.length && k.toLowerCase() === lower) {
      const v = msg[k];
      return v === undefined ? null : v;
    }
  }
  return null;
}

/** Looks an unqualified column up in a joined row: the first source (FROM/JOIN order) that has it wins. */
export function lookupUnqualified(row: Row, name: string): Value {
  if (row.sources === undefined) {
    const v = row.message[name];
    return v === undefined ? lookupFolded(row.message, name) : v;
  }
  for (const msg of row.sources.values()) {
    const v = msg[name];
    if (v !== undefined) return v;
  }
  for (const msg of row.sources.values()) {
    const v = lookupFolded(msg, name);
    if (v !== null) return v;
  }
  return null;
}

function columnKind(name: string, scope: CompileScope): ValueKind {
  for (const s of scope.sources) {
    const k = s.columns?.get(name);
    if (k !== undefined) return k;
  }
  if (scope.strict) {
    const names = scope.sources.map((s) => `${s.kind} ${s.name} (${[...(s.columns?.keys() ?? [])].join(', ')})`).join(', ');
    throw new PlanError('unknown_column', `unknown column ${name} in ${scope.clause.toUpperCase()}: not declared by ${names} and not a SELECT alias`);
  }
  return 'unknown';
}

function aliasIsAggregate(name: string, scope: CompileScope): boolean {
  const e = scope.aliases.get(name);
  return e !== undefined && collectCalls([e]).some(isAggregateCall);
}

function compileAliasRef(name: string, scope: CompileScope): Compiled {
  let c = scope.aliasCompiled.get(name);
  if (!c) {
    const clause = scope.clause;
    scope.aliasCompiling.add(name);
    scope.clause = 'select';
    try {
      c = compileExpr(scope.aliases.get(name)!, scope);
    } finally {
      scope.aliasCompiling.delete(name);
      scope.clause = clause;
    }
    scope.aliasCompiled.set(name, c);
  }
  if (c.aggregate && (scope.clause === 'where' || scope.clause === 'join' || scope.clause === 'window')) {
    throw new PlanError('aggregate_misuse', `alias ${name} is an aggregate and cannot be used in ${scope.clause.toUpperCase()}; use it in HAVING`);
  }
  const f = c.fn;
  return compiled((row, ctx) => {
    if (ctx.group !== undefined) {
      const ga = ctx.groupAlias;
      if (ga !== undefined && name in ga) return ga[name];
      return f(row, ctx);
    }
    const cache = row.cache;
    if (cache !== undefined && name in cache) return cache[name];
    const v = f(row, ctx);
    (row.cache ??= {})[name] = v;
    return v;
  }, c.kind, c.aggregate);
}

function compileBinary(expr: BinaryExpr, scope: CompileScope): Compiled {
  const l = compileExpr(expr.left, scope);
  const r = compileExpr(expr.right, scope);
  const agg = l.aggregate || r.aggregate;
  const op = expr.operator;
  const lf = l.fn;
  const rf = r.fn;
  const lk = l.kind;
  const rk = r.kind;
  if (op === 'AND' || op === 'OR') {
    if (op === 'AND') {
      return compiled((row, ctx) => {
        const a = lf(row, ctx);
        if (a === false) return false;
        return logicOp('AND', a, rf(row, ctx), lk, rk);
      }, 'bool', agg);
    }
    return compiled((row, ctx) => {
      const a = lf(row, ctx);
      if (a === true) return true;
      return logicOp('OR', a, rf(row, ctx), lk, rk);
    }, 'bool', agg);
  }
  if (NUMERIC_OPS.has(op)) {
    return compiled((row, ctx) => arithmeticOp(op, lf(row, ctx), rf(row, ctx), lk, rk), arithmeticKind(op, lk, rk), agg);
  }
  // Comparison; fast path against a numeric literal (`temperature > 50`).
  if (expr.right.type === 'number_literal') {
    const c = expr.right.value;
    const slow = (a: Value): Value => compareOp(op, a, c, lk, rk);
    switch (op) {
      case '>': return compiled((row, ctx) => { const a = lf(row, ctx); return typeof a === 'number' ? a > c : slow(a); }, 'bool', agg);
      case '>=': return compiled((row, ctx) => { const a = lf(row, ctx); return typeof a === 'number' ? a >= c : slow(a); }, 'bool', agg);
      case '<': return compiled((row, ctx) => { const a = lf(row, ctx); return typeof a === 'number' ? a < c : slow(a); }, 'bool', agg);
      case '<=': return compiled((row, ctx) => { const a = lf(row, ctx); return typeof a === 'number' ? a <= c : slow(a); }, 'bool', agg);
      default: break;
    }
  }
  return compiled((row, ctx) => compareOp(op, lf(row, ctx), rf(row, ctx), lk, rk), 'bool', agg);
}

function compileIndex(obj: Compiled, idx: Compiled): Compiled {
  const of = obj.fn;
  const xf = idx.fn;
  return compiled((row, ctx) => {
    const o = of(row, ctx);
    const i = xf(row, ctx);
    if (o === null || i === null) return null;
    if (Array.isArray(o) && typeof i === 'number') {
      const k = i < 0 ? o.length + i : i;
      if (k < 0 || k >= o.length) throw new EvalError(`index out of range: ${i} for an array of length ${o.length}`);
      return o[k];
    }
    if (isStruct(o) && typeof i === 'string') return o[i] ?? null;
    throw invalidOperation(o, '[]', i, obj.kind, idx.kind);
  }, 'unknown', obj.aggregate || idx.aggregate);
}

function compileIn(expr: InExpr, scope: CompileScope): Compiled {
  const e = compileExpr(expr.expr, scope);
  const not = expr.not;
  const ef = e.fn;
  if (expr.list) {
    const items = expr.list.map((x) => compileExpr(x, scope));
    return compiled((row, ctx) => {
      const v = ef(row, ctx);
      if (v === null) return null;
      for (const it of items) if (compareOp('=', v, it.fn(row, ctx), e.kind, it.kind) === true) return !not;
      return not;
    }, 'bool', e.aggregate || items.some((i) => i.aggregate));
  }
  const set = compileExpr(expr.set!, scope);
  const sf = set.fn;
  return compiled((row, ctx) => {
    const v = ef(row, ctx);
    const s = sf(row, ctx);
    if (s === null) return not;
    if (!Array.isArray(s)) throw new EvalError(`invalid operation IN: expects an array but found ${String(s)}`);
    for (const it of s) {
      try {
        if (compareOp('=', v, it, e.kind, 'unknown') === true) return !not;
      } catch {
        // a value of another type never matches
      }
    }
    return not;
  }, 'bool', e.aggregate || set.aggregate);
}

function compileCase(expr: CaseExpr, scope: CompileScope): Compiled {
  const operand = expr.operand ? compileExpr(expr.operand, scope) : undefined;
  const whens = expr.whens.map((w) => ({ when: compileExpr(w.when, scope), then: compileExpr(w.then, scope) }));
  const els = expr.else ? compileExpr(expr.else, scope) : undefined;
  const kinds = new Set(whens.map((w) => w.then.kind).concat(els ? [els.kind] : []));
  const kind: ValueKind = kinds.size === 1 ? [...kinds][0] : 'unknown';
  const agg = (operand?.aggregate ?? false) || whens.some((w) => w.when.aggregate || w.then.aggregate) || (els?.aggregate ?? false);
  return compiled((row, ctx) => {
    const o = operand ? operand.fn(row, ctx) : undefined;
    for (const w of whens) {
      const c = w.when.fn(row, ctx);
      let hit: boolean;
      if (operand) {
        try {
          hit = compareOp('=', o ?? null, c, operand.kind, w.when.kind) === true;
        } catch {
          hit = false;
        }
      } else {
        if (c !== null && typeof c !== 'boolean') throw new EvalError(`invalid CASE condition: expects a bool but found ${String(c)}`);
        hit = c === true;
      }
      if (hit) return w.then.fn(row, ctx);
    }
    return els ? els.fn(row, ctx) : null;
  }, kind, agg);
}
