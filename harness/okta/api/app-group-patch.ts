import { z } from 'zod';
import { validationError } from '../errors.js';
import type { AppGroup, AppGroupChanges } from './app-group-assignments.js';
import { parseArrayBody } from './common.js';

/** The writable fields of an ApplicationGroupAssignment (okta-management OpenAPI spec): `priority` 0–100, `profile`. */
export const groupAssignmentFields = {
  priority: z.number().int().min(0).max(100),
  profile: z.record(z.string(), z.unknown()),
};

// okta-management OpenAPI spec, updateGroupAssignmentToApplication: an array of JsonPatchOperation,
// `op` a PatchAction (remove | replace), `path` the attribute, `value` the new content.
const operationSchema = z.object({
  op: z.enum(['remove', 'replace']),
  path: z.string(),
  value: z.unknown().optional(),
});

/** A JSON Pointer segment (RFC 6901: `~1` is `/`, `~0` is `~`). */
const pointerSegment = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** The operation's value, checked against its field; E0000001 naming the operation when it does not fit. */
function checkedValue<T>(index: number, path: string, field: z.ZodType<T>, value: unknown): T {
  const parsed = field.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError([`${index}.value: not a valid ${path.slice(1)}: ${parsed.error.issues[0]?.message}`]);
}

/**
 * What a JSON Patch does to a group assignment: `/priority` (replace), `/profile` (replace) and
 * `/profile/{name}` (replace or remove), applied in order; any other operation, or a value its
 * field does not accept, is E0000001 naming the operation (docs/decisions/app-group-assignment.md).
 */
export function patchedGroup(group: AppGroup, body: unknown): AppGroupChanges {
  let priority = group.priority;
  let profile = { ...group.profile };
  parseArrayBody(operationSchema, body).forEach(({ op, path, value }, index) => {
    const attribute = /^\/profile\/(.+)$/.exec(path)?.[1];
    if (attribute !== undefined && op === 'remove') delete profile[pointerSegment(attribute)];
    else if (attribute !== undefined) profile[pointerSegment(attribute)] = value;
    else if (op === 'replace' && path === '/priority')
      priority = checkedValue(index, path, groupAssignmentFields.priority, value);
    else if (op === 'replace' && path === '/profile')
      profile = { ...checkedValue(index, path, groupAssignmentFields.profile, value) };
    else
      throw validationError([
        `${index}.path: ${op} ${path} is not supported; replace /priority or /profile, replace or remove /profile/{name}`,
      ]);
  });
  return { priority, profile };
}
