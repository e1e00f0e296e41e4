import { z } from 'zod';
import { errorCodeSchema } from './schema-codes.js';
import { expectSchema } from './schema-expect.js';
import { STEPS } from './steps/index.js';

/** README's step and expect tables, written from the step table and the schemas so they cannot drift. */

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return unwrap(schema.unwrap() as z.ZodType);
  return schema;
}

function typeName(schema: z.ZodType): string {
  const t = unwrap(schema);
  if (t === errorCodeSchema) return 'error code';
  if (t instanceof z.ZodEnum) return t.options.map((o) => `\`${String(o)}\``).join(' \\| ');
  if (t instanceof z.ZodLiteral) return `\`${String(t.value)}\``;
  if (t instanceof z.ZodArray) return `list of ${typeName(t.element as z.ZodType)}`;
  if (t instanceof z.ZodUnion) return (t.options as z.ZodType[]).map(typeName).join(' or ');
  if (t instanceof z.ZodRecord) return 'map of strings';
  if (t instanceof z.ZodObject) return 'mapping';
  if (t instanceof z.ZodNumber) return t.format === 'safeint' ? 'integer' : 'number';
  return t.def.type;
}

const optional = (schema: z.ZodType) => schema._zod.optin !== undefined;

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const t = unwrap(schema);
  return t instanceof z.ZodObject ? (t.shape as Record<string, z.ZodType>) : {};
}

function keyList(schema: z.ZodType): string {
  const keys = Object.entries(shapeOf(schema)).map(([k, v]) => `${k}${optional(v) ? '?' : ''}`);
  return keys.length ? ` \`{ ${keys.join(', ')} }\`` : '';
}

export function stepTable(): string {
  const rows = STEPS.map((s) => `| \`${s.kind}\`${keyList(s.schema)} | ${s.summary} |`);
  return ['| step | what it does |', '|---|---|', ...rows].join('\n');
}

/** Every key of `expect`, one row each, with its type and its description from the schema. */
export function expectTable(): string {
  const rows: string[] = [];
  for (const [key, section] of Object.entries(shapeOf(expectSchema))) {
    rows.push(`| \`${key}\` | mapping | ${section.description ?? ''} |`);
    for (const [sub, field] of Object.entries(shapeOf(section))) {
      const type = `${typeName(field)}${optional(field) ? '' : ', required'}`;
      rows.push(`| \`${key}.${sub}\` | ${type} | ${field.description ?? ''} |`);
    }
  }
  return ['| key | value | meaning |', '|---|---|---|', ...rows].join('\n');
}
