/**
 * A small validator of CSV tables against a Frictionless Table Schema: the header (every field, in
 * order), and per cell the constraints the "lieux de médiation numérique" schema uses — required,
 * unique, type (string, number, integer, date, boolean), pattern (matched against the whole value,
 * as Table Schema patterns are), enum (each `|`-separated value when `listSeparator` is given) and
 * minLength / maxLength (in characters). Pure: the schema is passed in.
 */

export interface TableSchemaField {
  name: string;
  type?: string;
  format?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    pattern?: string;
    enum?: string[];
    minLength?: number;
    maxLength?: number;
  };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues?: string[];
}

/** One violation: the data row (1 = first after the header; 0 = the header), the field and what is wrong. */
export interface TableProblem {
  row: number;
  field: string;
  rule: 'header' | 'required' | 'unique' | 'type' | 'pattern' | 'enum' | 'minLength' | 'maxLength';
  value: string;
}

const TYPE_CHECKS: Record<string, (v: string) => boolean> = {
  string: () => true,
  number: (v) => /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) || /^(NaN|INF|-INF)$/.test(v),
  integer: (v) => /^[-+]?\d+$/.test(v),
  boolean: (v) => /^(true|false|True|False|TRUE|FALSE|1|0)$/.test(v),
  date: (v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  },
};

/** Validates a header and rows of cells against `schema`. Empty cells are missing values. */
export function validateTable(
  schema: TableSchema,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { listSeparator?: string } = {},
): TableProblem[] {
  const problems: TableProblem[] = [];
  const names = schema.fields.map((f) => f.name);
  if (header.length !== names.length || header.some((h, i) => h !== names[i])) {
    const missing = names.filter((n) => !header.includes(n));
    const extra = header.filter((h) => !names.includes(h));
    for (const m of missing) problems.push({ row: 0, field: m, rule: 'header', value: '' });
    for (const e of extra) problems.push({ row: 0, field: e, rule: 'header', value: e });
    if (!missing.length && !extra.length) problems.push({ row: 0, field: '', rule: 'header', value: header.join(',') });
  }
  const missingValues = new Set(schema.missingValues ?? ['']);
  const seen = new Map<string, Set<string>>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    schema.fields.forEach((field) => {
      const at = header.indexOf(field.name);
      const value = at === -1 ? '' : (cells[at] ?? '');
      const c = field.constraints ?? {};
      const fail = (rule: TableProblem['rule']) => problems.push({ row, field: field.name, rule, value });
      if (missingValues.has(value)) {
        if (c.required) fail('required');
        return;
      }
      const check = TYPE_CHECKS[field.type ?? 'string'];
      if (check && !check(value)) fail('type');
      if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) fail('pattern');
      if (c.enum) {
        const values = options.listSeparator ? value.split(options.listSeparator) : [value];
        if (values.some((v) => !c.enum!.includes(v))) fail('enum');
      }
      const length = [...value].length;
      if (c.minLength !== undefined && length < c.minLength) fail('minLength');
      if (c.maxLength !== undefined && length > c.maxLength) fail('maxLength');
      if (c.unique) {
        const set = seen.get(field.name) ?? new Set<string>();
        if (set.has(value)) fail('unique');
        set.add(value);
        seen.set(field.name, set);
      }
    });
  });
  return problems;
}
