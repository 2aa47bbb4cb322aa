/**
 * The conformance case format of `shared/conformance/README.md`: SQL, inputs with delivery times, and the batches
 * eKuiper's test expects. Parsed with zod so a malformed file is reported with the path of the bad field.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
import { z } from 'zod';

const inputEvent = z.object({
  ts: z.number(),
  data: z.record(z.string(), z.unknown()),
  meta: z.record(z.string(), z.unknown()).optional(),
});

/** Schema of one case. */
export const conformanceCaseSchema = z.object({
  id: z.string(),
  source: z.string().optional(),
  features: z.array(z.string()).optional(),
  streams: z.array(z.string()),
  tables: z.array(z.string()).optional(),
  tableData: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  inputs: z.record(z.string(), z.array(inputEvent)),
  inputMeta: z.record(z.string(), z.unknown()).optional(),
  rule: z.object({ sql: z.string(), options: z.record(z.string(), z.unknown()).optional() }),
  timeMode: z.enum(['processing', 'event']).optional(),
  startTime: z.number().optional(),
  advanceTo: z.number().optional(),
  compare: z.enum(['exact', 'prefix']).optional(),
  errorMatch: z.literal('key-only').optional(),
  expected: z.array(z.array(z.record(z.string(), z.unknown()))),
  notes: z.string().optional(),
});

/** One conformance case. */
export type ConformanceCase = z.infer<typeof conformanceCaseSchema>;

/**
 * Parses a cases file (a JSON array of cases).
 * @throws Error naming the case index and field path when the file does not match the format
 */
export function parseCases(json: unknown): ConformanceCase[] {
  const r = z.array(conformanceCaseSchema).safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`conformance file: case ${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  return r.data;
}
