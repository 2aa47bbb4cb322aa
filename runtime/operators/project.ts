/**
 * The SELECT list (eKuiper `ProjectOp`): output names (alias, else column name, else function name, else
 * `kuiper_field_<n>`), `*` with EXCEPT/REPLACE, INVISIBLE fields (computed, usable by later fields, not emitted), and
 * null omission unless `sendNilField`.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#select
 */
import type { Value } from '../functions/types';
import type { Row, Message } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator } from '../expr/scope';
import { rowStruct } from '../expr/compile-call';
import { stageError } from './filter';

/** One compiled SELECT item. */
export type ProjectField =
  | {
      readonly kind: 'expr';
      readonly name: string;
      readonly alias?: string;
      readonly invisible: boolean;
      readonly fn: Evaluator;
      /** A set-returning call such as `unnest(arr)`: one output row per element. */
      readonly srf?: boolean;
      /** A multi-column call such as `changed_cols(..)`: the struct result's keys are output columns. */
      readonly multi?: boolean;
    }
  | {
      readonly kind: 'wildcard';
      /** `demo.*`: only this source's columns. */
      readonly source?: string;
      readonly except: ReadonlySet<string>;
      readonly replace: ReadonlyArray<{ readonly name: string; readonly fn: Evaluator }>;
    };

/** An output row. */
export type OutputRow = Record<string, unknown>;

/** Projects rows (row mode) or groups (aggregate mode). */
export class ProjectOperator {
  private readonly plainStar: boolean;
  /** True when a SELECT item is a set-returning call (`unnest`); use {@link projectRows}. */
  readonly hasSrf: boolean;

  /**
   * @param fields compiled SELECT items
   * @param sendNilField keep null fields in output
   */
  constructor(private readonly fields: readonly ProjectField[], private readonly sendNilField: boolean) {
    const f = fields[0];
    this.plainStar = fields.length === 1 && f.kind === 'wildcard' && !f.source && f.except.size === 0 && f.replace.length === 0;
    this.hasSrf = fields.some((x) => x.kind === 'expr' && x.srf === true);
  }

  /**
   * Projects one row with a set-returning item: one output row per element of its array (an element that is a
   * struct contributes its columns; any other element is put under the item's name). A null or empty array gives no row.
   * @throws EvalError `run Select error: ...`, also when the set-returning item is not an array
   */
  projectRows(row: Row, ctx: EvalContext): OutputRow[] {
    const srf = this.fields.find((x): x is Extract<ProjectField, { kind: 'expr' }> => x.kind === 'expr' && x.srf === true)!;
    let set: Value;
    try {
      set = srf.fn(row, ctx);
    } catch (e) {
      throw stageError('Select', e);
    }
    if (set === null) return [];
    if (!Array.isArray(set)) throw stageError('Select', new Error(`${srf.name} expects an array but found ${JSON.stringify(set)}`));
    const base = new ProjectOperator(this.fields.filter((x) => x !== srf), this.sendNilField).projectRow(row, ctx);
    return set.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) && !(e instanceof Uint8Array) ? { ...base, ...e } : { ...base, [srf.name]: e }));
  }

  /**
   * Projects one row.
   * @throws EvalError `run Select error: ...`
   */
  projectRow(row: Row, ctx: EvalContext): OutputRow {
    if (this.plainStar) return this.star(rowStruct(row));
    const out: OutputRow = {};
    try {
      for (const f of this.fields) {
        if (f.kind === 'wildcard') {
          this.expand(row, f, out, ctx);
          continue;
        }
        let v: Value;
        const cache = row.cache;
        if (f.alias !== undefined && cache !== undefined && f.alias in cache) v = cache[f.alias];
        else {
          v = f.fn(row, ctx);
          if (f.alias !== undefined) (row.cache ??= {})[f.alias] = v;
        }
        if (f.invisible) continue;
        if (f.multi === true) this.putAll(out, v);
        else this.put(out, f.name, v);
      }
    } catch (e) {
      throw stageError('Select', e);
    }
    return out;
  }

  /**
   * Projects one group to one row: aggregates over the group, other columns from its first row.
   * @throws EvalError `run Select error: ...`
   */
  projectGroup(group: Row[], ctx: EvalContext): OutputRow {
    const out: OutputRow = {};
    const alias: Message = {};
    ctx.group = group;
    ctx.groupAlias = alias;
    const first = group[0];
    try {
      for (const f of this.fields) {
        if (f.kind === 'wildcard') {
          this.expand(first, f, out, ctx);
          continue;
        }
        const v = f.fn(first, ctx);
        if (f.alias !== undefined) alias[f.alias] = v;
        if (f.invisible) continue;
        if (f.multi === true) this.putAll(out, v);
        else this.put(out, f.name, v);
      }
    } catch (e) {
      throw stageError('Select', e);
    } finally {
      ctx.group = undefined;
      ctx.groupAlias = undefined;
    }
    return out;
  }

  private put(out: OutputRow, name: string, v: Value | undefined): void {
    if (v === null || v === undefined) {
      if (this.sendNilField) out[name] = null;
      return;
    }
    out[name] = v;
  }

  private putAll(out: OutputRow, v: Value | undefined): void {
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v) || v instanceof Uint8Array) return;
    for (const k in v) this.put(out, k, v[k]);
  }

  private star(msg: Message): OutputRow {
    if (this.sendNilField) return msg;
    for (const k in msg) {
      if (msg[k] === null) {
        const out: OutputRow = {};
        for (const j in msg) if (msg[j] !== null) out[j] = msg[j];
        return out;
      }
    }
    return msg;
  }

  private expand(row: Row, f: Extract<ProjectField, { kind: 'wildcard' }>, out: OutputRow, ctx: EvalContext): void {
    const msg = f.source !== undefined ? (row.sources?.get(f.source) ?? (row.emitter === f.source ? row.message : {})) : rowStruct(row);
    for (const k in msg) {
      if (f.except.has(k)) continue;
      this.put(out, k, msg[k]);
    }
    for (const r of f.replace) this.put(out, r.name, r.fn(row, ctx));
  }
}
