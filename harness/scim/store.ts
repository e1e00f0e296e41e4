/**
 * What the SCIM server keeps its Users in. The server is a protocol adapter: it parses, filters,
 * patches and shapes resources, and leaves identity rules (uniqueness, lifecycle) to the store.
 * Dropbox's team implements it.
 */
export interface ScimUserRecord {
  id: string;
  userName: string;
  externalId?: string;
  givenName: string;
  familyName: string;
  displayName: string;
  email: string;
  /** The SCIM `active` flag. */
  active: boolean;
  created: Date;
  lastModified: Date;
}

/** A User's writable attributes, from a POST or PUT body (or a patched resource). */
export interface ScimUserInput {
  userName: string;
  externalId?: string;
  givenName: string;
  familyName: string;
  displayName?: string;
  email: string;
  /** Omitted means "leave as is" on replace and "active" on create. */
  active?: boolean;
}

/** Failures are thrown as FedsimErrors whose status the server answers with (e.g. 404, 409). */
export interface ScimUserStore {
  count(): number;
  /**
   * How many Users pass `test`, and those of them `start` to `end` (exclusive, from 0), in a
   * stable order so paging is stable: a filter's page and its totalResults, without copying the
   * Users not shown.
   */
  select(
    test: (user: Readonly<ScimUserRecord>) => boolean,
    start: number,
    end: number,
  ): { total: number; page: ScimUserRecord[] };
  /** Users `start` to `end` (exclusive, from 0) in that order, read without walking the rest. */
  slice(start: number, end: number): ScimUserRecord[];
  find(id: string): ScimUserRecord | undefined;
  /** userName is unique case aside (caseExact=false), externalId need not be unique. */
  findByUserName(userName: string): ScimUserRecord | undefined;
  withExternalId(externalId: string): ScimUserRecord[];
  get(id: string): ScimUserRecord;
  create(input: ScimUserInput): ScimUserRecord;
  replace(id: string, input: ScimUserInput): ScimUserRecord;
  remove(id: string): unknown;
}
