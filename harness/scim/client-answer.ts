import type { z } from 'zod';
import { FedsimError } from '../core/errors.js';
import type { HttpResponse } from '../core/http.js';
import { serverWaitMs, withOutcome } from '../provisioning/retry.js';

// How the SCIM client reads what a call brought back: an answer, an error answer, or no answer at all.

/** A SCIM error's `detail`, else the body, else the status text. */
async function scimDetail(response: HttpResponse): Promise<string> {
  const text = await response.text();
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail : text;
  } catch {
    return text || response.statusText;
  }
}

/** A SCIM error answer as a provisioning failure, with the outcome a retry loop decides on (status, a 429's wait). */
export async function scimFailure(
  method: string,
  url: string,
  response: HttpResponse,
  nowMs: number | undefined,
): Promise<FedsimError> {
  const detail = await scimDetail(response);
  const err = new FedsimError(
    'PROVISIONING_FAILED',
    `SCIM ${method} ${url} failed with ${response.status}: ${detail}`,
    {
      actual: detail,
    },
  );
  const waitMs = serverWaitMs(response.headers, nowMs);
  return withOutcome(err, { status: response.status, ...(waitMs === undefined ? {} : { waitMs }) });
}

/** The answer's body checked against what the call expects; anything else is a provisioning failure. */
export async function scimAnswer<T>(
  method: string,
  url: string,
  response: HttpResponse,
  expected: z.ZodType<T>,
): Promise<T> {
  const text = await response.text();
  try {
    return expected.parse(text ? JSON.parse(text) : undefined);
  } catch (err) {
    const message = `SCIM ${method} ${url} answered ${response.status} with an unexpected body`;
    throw new FedsimError('PROVISIONING_FAILED', message, {
      actual: text,
      cause: err,
    });
  }
}

/** No response at all (a dropped or refused connection, which a task may retry), unless fedsim itself refused the request. */
export function transportFailure(method: string, url: string, err: unknown): FedsimError {
  if (err instanceof FedsimError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
  const failed = new FedsimError('PROVISIONING_FAILED', `SCIM ${method} ${url} failed: ${reason}${cause}`, {
    cause: err,
  });
  return withOutcome(failed, {});
}
