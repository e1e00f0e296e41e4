import type { AdminRole } from './api/auth.js';

/** Roles that may change an org from the Admin Console (a Read-Only Admin only looks). */
const WRITERS = new Set<AdminRole>(['SUPER_ADMIN', 'ORG_ADMIN']);

/** An org's administrators: the admin role assigned to each user (Okta's admin role assignments). */
export class AdminRoles {
  readonly #roles = new Map<string, AdminRole>();

  add(userId: string, role: AdminRole = 'SUPER_ADMIN'): void {
    this.#roles.set(userId, role);
  }

  has(userId: string): boolean {
    return this.#roles.has(userId);
  }

  roleOf(userId: string): AdminRole | undefined {
    return this.#roles.get(userId);
  }

  mayWrite(userId: string): boolean {
    const role = this.#roles.get(userId);
    return role !== undefined && WRITERS.has(role);
  }
}
