/**
 * A small JSONPath evaluator for `json_path_*` functions, covering the subset eKuiper users rely on:
 * `$`, `.key`, `['key']` / `["key"]`, `[n]` (negative from the end), `[a,b]`, `[start:end]`, `[*]` / `.*`,
 * recursive descent `..key` / `..*`, and filters `[?(@.a > 1 && @.b == "x")]` (parentheses optional: `[? @.a > 1]`) with `==, !=, <, <=, >, >=, &&, ||`,
 * literals (numbers, quoted strings, true, false, null) and `@`-relative paths.
 *
 * Like PaesslerAG/jsonpath (used by eKuiper), a path made only of plain keys and indexes yields one value, a
 * path with a wildcard, slice, union, filter or recursive descent yields an array of all matches.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/json_functions.html
 */
import type { Value } from './types';
import { compareValues, deepEqual, isStruct } from './values';

type Step =
  | { t: 'key'; key: string }
  | { t: 'index'; index: number }
  | { t: 'union'; items: (string | number)[] }
  | { t: 'slice'; start?: number; end?: number }
  | { t: 'wild' }
  | { t: 'desc'; inner: Step }
  | { t: 'filter'; expr: string };

/** A compiled path. */
export interface JsonPath {
  readonly steps: readonly Step[];
  /** True when the path can only select one value (no wildcard, union, slice, filter or descent). */
  readonly single: boolean;
}

/** Raised for a path that cannot be parsed; callers wrap it in their function error. */
export class JsonPathSyntaxError extends Error {}

const cache = new Map<string, JsonPath>();

/**
 * Parses a JSONPath, cached by text.
 * @throws JsonPathSyntaxError naming the position of the problem
 */
export function compileJsonPath(path: string): JsonPath {
  const hit = cache.get(path);
  if (hit) return hit;
  const p = path.trim();
  if (!p.startsWith('$')) throw new JsonPathSyntaxError(`path must start with "$" but is "${path}"`);
  const steps: Step[] = [];
  let i = 1;
  const readName = (): string => {
    const m = /^[^.[\]\s]+/.exec(p.slice(i));
    if (!m) throw new JsonPathSyntaxError(`expected a key at position ${i} of "${path}"`);
    i += m[0].length;
    return m[0];
  };
  const readBracket = (): Step => {
    const close = findClose(p, i);
    if (close < 0) throw new JsonPathSyntaxError(`unclosed "[" at position ${i} of "${path}"`);
    const body = p.slice(i + 1, close).trim();
    i = close + 1;
    if (body === '*') return { t: 'wild' };
    if (body.startsWith('?')) {
      // `[?(cond)]`, or `[? cond]` without parentheses (accepted by eKuiper's JSONPath library).
      const m = /^\?\s*\((.*)\)$/s.exec(body);
      const expr = m ? m[1] : body.slice(1).trim();
      if (expr === '') throw new JsonPathSyntaxError(`bad filter "${body}" in "${path}"`);
      return { t: 'filter', expr };
    }
    const slice = /^(-?\d+)?\s*:\s*(-?\d+)?$/.exec(body);
    if (slice) return { t: 'slice', start: slice[1] === undefined ? undefined : Number(slice[1]), end: slice[2] === undefined ? undefined : Number(slice[2]) };
    const items = splitTopLevel(body).map((part) => parseItem(part.trim(), path));
    if (items.length === 1) return typeof items[0] === 'number' ? { t: 'index', index: items[0] } : { t: 'key', key: items[0] };
    return { t: 'union', items };
  };
  while (i < p.length) {
    if (p.startsWith('..', i)) {
      i += 2;
      const inner: Step = p[i] === '[' ? readBracket() : p[i] === '*' ? (i++, { t: 'wild' }) : { t: 'key', key: readName() };
      steps.push({ t: 'desc', inner });
    } else if (p[i] === '.') {
      i++;
      if (p[i] === '*') {
        i++;
        steps.push({ t: 'wild' });
      } else steps.push({ t: 'key', key: readName() });
    } else if (p[i] === '[') {
      steps.push(readBracket());
    } else {
      throw new JsonPathSyntaxError(`unexpected "${p[i]}" at position ${i} of "${path}"`);
    }
  }
  const compiled: JsonPath = { steps, single: steps.every((s) => s.t === 'key' || s.t === 'index') };
  if (cache.size > 256) cache.clear();
  cache.set(path, compiled);
  return compiled;
}

function findClose(p: string, open: number): number {
  let quote = '';
  let depth = 0;
  for (let j = open; j < p.length; j++) {
    const c = p[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0 && c === ']') return j;
    }
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let quote = '';
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      out.push(body.slice(start, j));
      start = j + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

function parseItem(part: string, path: string): string | number {
  if (/^-?\d+$/.test(part)) return Number(part);
  const m = /^(["'])(.*)\1$/s.exec(part);
  if (m) return m[2].replace(/\\(.)/g, '$1');
  throw new JsonPathSyntaxError(`bad subscript "${part}" in "${path}"`);
}

function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isStruct(v)) return Object.values(v);
  return [];
}

function applyStep(step: Step, nodes: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of nodes) {
    switch (step.t) {
      case 'key':
        if (isStruct(v) && step.key in v) out.push(v[step.key]);
        break;
      case 'index':
        if (Array.isArray(v)) {
          const k = step.index < 0 ? v.length + step.index : step.index;
          if (k >= 0 && k < v.length) out.push(v[k]);
        }
        break;
      case 'union':
        for (const it of step.items) out.push(...applyStep(typeof it === 'number' ? { t: 'index', index: it } : { t: 'key', key: it }, [v]));
        break;
      case 'slice':
        if (Array.isArray(v)) out.push(...v.slice(step.start ?? 0, step.end ?? v.length));
        break;
      case 'wild':
        out.push(...children(v));
        break;
      case 'desc': {
        const stack: Value[] = [v];
        const all: Value[] = [];
        while (stack.length) {
          const n = stack.shift() as Value;
          all.push(n);
          stack.push(...children(n));
        }
        out.push(...applyStep(step.inner, all));
        break;
      }
      case 'filter':
        for (const c of children(v)) if (truthy(evalFilter(step.expr, c))) out.push(c);
        break;
    }
  }
  return out;
}

/**
 * Evaluates a compiled path.
 * @returns `{found: false}` when nothing matched a single-value path; otherwise the value, or the array of matches
 */
export function evaluateJsonPath(path: JsonPath, root: Value): { found: boolean; value: Value } {
  let nodes: Value[] = [root];
  for (const s of path.steps) nodes = applyStep(s, nodes);
  if (path.single) return nodes.length ? { found: true, value: nodes[0] } : { found: false, value: null };
  return { found: nodes.length > 0, value: nodes };
}

function truthy(v: Value | undefined): boolean {
  return v !== null && v !== undefined && v !== false;
}

/** Tiny recursive-descent evaluator for filter expressions. */
function evalFilter(expr: string, current: Value): Value {
  const tokens = expr.match(/@(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\])*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|&&|\|\||==|!=|<=|>=|<|>|!|\(|\)|true|false|null/g) ?? [];
  let pos = 0;
  const primary = (): Value => {
    const t = tokens[pos++];
    if (t === undefined) throw new JsonPathSyntaxError(`incomplete filter "${expr}"`);
    if (t === '(') {
      const v = or();
      pos++;
      return v;
    }
    if (t === '!') return !truthy(primary());
    if (t.startsWith('@')) {
      const r = evaluateJsonPath(compileJsonPath('$' + t.slice(1)), current);
      return r.found ? r.value : null;
    }
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (t[0] === '"' || t[0] === "'") return t.slice(1, -1).replace(/\\(.)/g, '$1');
    return Number(t);
  };
  const cmp = (): Value => {
    const l = primary();
    const op = tokens[pos];
    if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      pos++;
      const r = primary();
      if (op === '==') return deepEqual(l, r);
      if (op === '!=') return !deepEqual(l, r);
      const c = compareValues(l, r);
      if (c === undefined) return false;
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
    return l;
  };
  const and = (): Value => {
    let v = cmp();
    while (tokens[pos] === '&&') {
      pos++;
      const r = cmp();
      v = truthy(v) && truthy(r);
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (tokens[pos] === '||') {
      pos++;
      const r = and();
      v = truthy(v) || truthy(r);
    }
    return v;
  };
  return or();
}
