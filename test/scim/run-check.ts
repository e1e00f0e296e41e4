import { loopbackFetch } from '../../harness/core/http.js';
import type { ScimAuth } from '../../harness/scim/auth.js';
import { runScimCheck, type ScimCheckReport } from '../../harness/scim/check/index.js';

/**
 * `fedsim scim-check` in process: user names from a counter (`<label>1`, `<label>2`…) and a fixed
 * clock, as spec.groups' time budget is not what these tests are about.
 */
export function checkScimServer(url: string, auth: ScimAuth, label: string): Promise<ScimCheckReport> {
  let n = 0;
  return runScimCheck({
    url,
    auth,
    fetch: loopbackFetch,
    now: () => 0,
    random: () => {
      n += 1;
      return `${label}${n}`;
    },
  });
}
