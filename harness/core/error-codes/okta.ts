import type { ErrorInfo } from './info.js';

/**
 * The Okta orgs: org2's inbound IdP policy, app access and sign-in, and the Okta API's E-codes.
 * An `OKTA_E…` summary is Okta's own errorSummary: the API answers with it (plus a detail after
 * a colon where Okta adds one), so it is written here once.
 */
export const OKTA_ERRORS = {
  IDP_USER_NOT_FOUND: {
    status: 403,
    summary: "No org2 user matches the username derived from the assertion, and JIT doesn't create one.",
    fix: "Create the user in org2, fix the IdP's username template or match setting, or turn on JIT.",
  },
  IDP_USERNAME_NOT_UNIQUE: {
    status: 403,
    summary: 'JIT would create a user whose username already exists, and account linking is off.',
    fix: 'Turn on automatic account linking for the IdP, or remove the existing user.',
  },
  IDP_USER_INACTIVE: {
    status: 403,
    summary: 'The matched org2 user is not ACTIVE, so the sign-in is refused.',
    fix: 'Activate the user in org2, or set the IdP to reactivate deprovisioned users.',
  },
  IDP_TEMPLATE_INVALID: {
    status: 500,
    summary: "The IdP's username template is not a valid Okta expression.",
    fix: 'Write the template with idpuser.* attributes and the supported functions, e.g. idpuser.subjectNameId.',
  },
  APP_USERNAME_EXPRESSION_INVALID: {
    status: 500,
    summary: "An app's custom application username format is not a valid Okta expression.",
    fix: 'Write it with user.* attributes (login, email, firstName, lastName) and the supported String functions.',
  },
  APP_ATTRIBUTE_STATEMENT_INVALID: {
    status: 500,
    summary: "A SAML app's attribute statement value is not a valid Okta expression.",
    fix: 'Write it with user.* attributes (login, email, firstName, lastName) and the supported String functions, e.g. user.email.',
  },
  IDP_SUBJECT_FILTER: {
    status: 403,
    summary: "The transformed username does not match the IdP's subject filter.",
    fix: "Change the IdP's subject filter, or the username the IdP sends.",
  },
  IDP_MATCH_AMBIGUOUS: {
    status: 403,
    summary: 'More than one org2 user matches the username; Okta never guesses.',
    fix: 'Make the matched attribute unique in org2.',
  },
  APP_NOT_ASSIGNED: {
    status: 403,
    summary: 'The user is not assigned to the app they tried to open.',
    fix: 'Assign the user (or one of their groups) to the app.',
  },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    summary: 'The username or password is wrong.',
    fix: "Use the user's login and password as the scenario's world defines them.",
  },
  AUTH_USER_LOCKED_OUT: {
    status: 401,
    summary: 'Too many wrong passwords: the password policy locked the user out (LOCKED_OUT).',
    fix: 'Unlock the user: POST /api/v1/users/{id}/lifecycle/unlock with an admin API token.',
  },
  AUTH_ADMIN_REQUIRED: {
    status: 403,
    summary:
      'The Admin Console needs an admin: the signed-in user has no admin role (or a Read-Only Admin tried a change).',
    fix: 'Sign in as an org admin (fedsim serve --json lists them under admins) or give the user an admin role.',
  },
  AUTH_USER_INACTIVE: {
    status: 403,
    summary: 'The user exists but is not ACTIVE in this org, so they cannot sign in.',
    fix: 'Activate (or unsuspend) the user in this org.',
  },
  AUTH_PASSWORD_POLICY: {
    status: 400,
    summary:
      "The new password does not meet the org's password policy, differs from its confirmation, or is the current one.",
    fix: 'Choose at least 8 characters with a lowercase letter, an uppercase letter and a number, and no part of the username.',
  },
  AUTH_RECOVERY_TOKEN_INVALID: {
    status: 401,
    summary: 'The password reset link is unknown, already used, replaced by a newer one, or expired.',
    fix: "An admin resets the user's password again (Admin Console › People › Reset password) and sends the new link.",
  },
  OKTA_E0000001: {
    status: 400,
    summary: 'Api validation failed',
    fix: 'Correct the fields named in errorCauses (a login already in use is the usual one).',
  },
  OKTA_E0000002: {
    status: 400,
    summary: 'The request was not valid',
    fix: 'Correct the request named in the detail (a path with a malformed %-escape, for one).',
  },
  OKTA_E0000003: {
    status: 400,
    summary: 'The request body was not well-formed.',
    fix: 'Send a UTF-8 JSON object with Content-Type: application/json.',
  },
  OKTA_E0000004: {
    status: 401,
    summary: 'Authentication failed',
    fix: 'Sign in with valid credentials.',
  },
  OKTA_E0000005: {
    status: 403,
    summary: 'Invalid session',
    fix: "Send the org's API token as Authorization: SSWS {token} (no other scheme, nothing else in the header).",
  },
  OKTA_E0000006: {
    status: 403,
    summary: 'You do not have permission to perform the requested action',
    fix: 'Use an API token of an admin allowed to write (the super admin token), not the read-only one.',
  },
  OKTA_E0000007: {
    status: 404,
    summary: 'Not found',
    fix: 'Use the id (or login) of an object that exists in this org.',
  },
  OKTA_E0000009: {
    status: 500,
    summary: 'Internal Server Error',
    fix: 'Retry later; errorCauses says what failed.',
  },
  OKTA_E0000011: {
    status: 401,
    summary: 'Invalid token provided',
    fix: "Send Authorization: SSWS with the org's API token (fedsim serve --json prints it).",
  },
  OKTA_E0000016: {
    status: 403,
    summary: 'Activation failed because the user is already active',
    fix: 'Skip the activation: the user is ACTIVE already.',
  },
  OKTA_E0000022: {
    status: 405,
    summary: 'The endpoint does not support the provided HTTP method',
    fix: "Use the HTTP method Okta's API documents for this endpoint.",
  },
  OKTA_E0000023: {
    status: 403,
    summary: 'Operation failed because user profile is mastered under another system',
    fix: "Change the profile where it is mastered (the IdP), or turn off the IdP's profile master setting.",
  },
  OKTA_E0000031: {
    status: 400,
    summary: 'Invalid search criteria.',
    fix: 'Correct the filter or search expression as errorCauses describes.',
  },
  OKTA_E0000038: {
    status: 403,
    summary: "This operation is not allowed in the user's current status",
    fix: 'Bring the user to a status that allows the operation first (the message names it).',
  },
  OKTA_E0000046: {
    status: 403,
    summary: 'Deactivate application for user forbidden.',
    fix: "Remove the user from the assigned group that gives them the app, or unassign that group; to keep only the group's access, convert the assignment (Assignments tab: Convert to group).",
  },
  OKTA_E0000047: {
    status: 429,
    summary: 'API call exceeded rate limit due to too many requests.',
    fix: 'Wait until X-Rate-Limit-Reset before calling again.',
  },
  OKTA_E0000112: {
    status: 409,
    summary: 'Unable to update this user: the request conflicts with its current state',
    fix: 'Read the user again and retry the update on its current state.',
  },
  OKTA_E0000124: {
    status: 400,
    summary:
      'Could not create user. To create a user and expire their password immediately, a password must be specified.',
    fix: 'Send credentials.password with nextLogin=changePassword, or drop nextLogin.',
  },
  OKTA_E0000125: {
    status: 400,
    summary:
      'Could not create user. To create a user and expire their password immediately, `activate` must be true.',
    fix: 'Create with activate=true when nextLogin=changePassword, or drop nextLogin.',
  },
} satisfies Record<string, ErrorInfo>;
