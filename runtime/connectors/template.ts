/**
 * Renders eKuiper's data templates, a subset of Go's text/template: `{{.field}}`, nested `{{.a.b}}`,
 * the whole value `{{.}}` and `{{json .field}}` (JSON encoding). Strings render raw, other values as JSON.
 * Anything else inside `{{ }}` is rejected when the template is compiled, so errors surface at rule creation.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/data_template.html
 */
export class DataTemplate {
  /** Whether the template has no actions (a constant string): decided once, checked per message by sinks. */
  readonly isConstant: boolean;

  private constructor(private readonly parts: ReadonlyArray<string | { path: string[]; json: boolean }>) {
    this.isConstant = parts.every((p) => typeof p === 'string');
  }

  /**
   * Compiles `template`.
   * @throws Error naming the unsupported action and the supported forms.
   */
  static compile(template: string): DataTemplate {
    const parts: Array<string | { path: string[]; json: boolean }> = [];
    const re = /\{\{\s*(.*?)\s*\}\}/g;
    let last = 0;
    for (let m = re.exec(template); m; m = re.exec(template)) {
      if (m.index > last) parts.push(template.slice(last, m.index));
      const action = m[1] ?? '';
      const jm = /^(json\s+)?(\.[\w.]*)$/.exec(action);
      if (!jm || !jm[2]) {
        throw new Error(`unsupported template action "{{${action}}}" in "${template}"; use {{.field}}, {{.a.b}}, {{.}} or {{json .field}}`);
      }
      parts.push({ path: jm[2].split('.').filter((p) => p.length > 0), json: Boolean(jm[1]) });
      last = re.lastIndex;
    }
    if (last < template.length) parts.push(template.slice(last));
    return new DataTemplate(parts);
  }

  /** Renders the template against `data`. A missing field renders as `<no value>`, as Go does. */
  render(data: unknown): string {
    return this.parts
      .map((part) => {
        if (typeof part === 'string') return part;
        let v: unknown = data;
        for (const key of part.path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
        if (v === undefined) return '<no value>';
        if (part.json || typeof v !== 'string') return JSON.stringify(v);
        return v;
      })
      .join('');
  }
}
