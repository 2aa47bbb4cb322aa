import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The definitions file (rules as code), synthesized into the RuleEngine's ConfigMap and loaded at start:
 * `{ "streams": ["CREATE STREAM ..."], "tables": ["CREATE TABLE ..."], "rules": [{ id, sql, actions, options }] }`.
 */
export const definitionsFileSchema = z.strictObject({
  streams: z.array(z.string().min(1)).default([]),
  tables: z.array(z.string().min(1)).default([]),
  rules: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        sql: z.string().min(1),
        actions: z.array(z.record(z.string(), z.record(z.string(), z.unknown()))),
        options: z.record(z.string(), z.unknown()).optional(),
        name: z.string().optional(),
      }),
    )
    .default([]),
});

/** A parsed definitions file. */
export type DefinitionsFile = z.output<typeof definitionsFileSchema>;

/**
 * Reads and validates a definitions file.
 * @throws Error naming the file and, for a schema problem, the JSON path (e.g. `rules.0.sql`).
 */
export function readDefinitionsFile(path: string): DefinitionsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot load definitions file "${path}" (EDGESTACK_DEFINITIONS): ${(err as Error).message}`);
  }
  const result = definitionsFileSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `"${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new Error(`invalid definitions file "${path}": ${problems.join('; ')}`);
  }
  return result.data;
}
