import type { ErrorInfo } from './info.js';

/** Provisioning into Dropbox: the team, the SCIM 2.0 server, and the client pushing to it. */
export const PROVISIONING_ERRORS = {
  DROPBOX_MEMBER_NOT_FOUND: {
    status: 403,
    summary: 'The signed-in user is not a member of the Dropbox team.',
    fix: 'Assign the user to Dropbox Business in org2 so provisioning invites them.',
  },
  DROPBOX_ADMIN_REQUIRED: {
    status: 401,
    summary:
      "Dropbox's admin console needs a team admin: no one is signed in, or the email and password do not match one.",
    fix: 'Sign in at /admin/login as the Dropbox team admin that `fedsim serve --json` prints under admins.',
  },
  DROPBOX_GROUP_INVALID: {
    status: 400,
    summary:
      'A Dropbox group change names an unknown group or team member, or a group name that is empty or taken.',
    fix: 'Pick a group and a member the admin console lists, or give a new group a name no other group has.',
  },
  DROPBOX_MEMBER_SUSPENDED: {
    status: 403,
    summary: 'The user is a suspended (or removed) member of the Dropbox team.',
    fix: 'Reactivate the member: reassign the user in org2, or ask a team admin.',
  },
  PROVISIONING_FAILED: {
    status: 502,
    summary: 'A provisioning call to the downstream app failed or answered unexpectedly.',
    fix: 'Read the status and detail the app answered (in the message); check its base URL and token.',
  },
  SCIM_INVALID_FILTER: {
    status: 400,
    summary: 'The SCIM filter is not one the server supports.',
    fix: 'Filter as Okta does: userName eq "value".',
  },
  SCIM_INVALID_VALUE: {
    status: 400,
    summary: 'A SCIM attribute or query parameter has a value of the wrong type or form.',
    fix: 'Send the attribute as RFC 7643 types it (the message names it).',
  },
  SCIM_UNIQUENESS: {
    status: 409,
    summary: 'A SCIM user with this userName already exists.',
    fix: 'Look the user up by userName and update it instead of creating it again.',
  },
  SCIM_NOT_FOUND: {
    status: 404,
    summary: 'No SCIM resource (or endpoint) with this id or path.',
    fix: 'Use an id returned by the server, or one of the SCIM endpoints (/Users, /Groups).',
  },
  SCIM_UNAUTHORIZED: {
    status: 401,
    summary: 'The SCIM request has no valid bearer token.',
    fix: "Send Authorization: Bearer with the app's SCIM token.",
  },
  SCIM_INVALID_SYNTAX: {
    status: 400,
    summary: 'The SCIM request body is not a JSON object.',
    fix: 'Send a JSON object as application/scim+json (or application/json).',
  },
  SCIM_CHECK_REFUSED: {
    status: 401,
    summary: '`fedsim scim-check`: the SCIM server refused the credential on the first request.',
    fix: "Pass the server's token with --token and its scheme with --auth (bearer, basic user:password, header:NAME).",
  },
} satisfies Record<string, ErrorInfo>;
