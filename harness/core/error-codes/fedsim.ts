import type { ErrorInfo } from './info.js';

/** fedsim itself: the command line, scenario files, a party's configuration, HTTP and the browser. */
export const FEDSIM_ERRORS = {
  CLI_USAGE: {
    status: 400,
    summary: 'The command line names an unknown command or option, or an option has a bad value.',
    fix: 'Run the command with --help and use one of the options and values it lists.',
  },
  OUTPUT_WRITE_FAILED: {
    status: 400,
    summary: 'A report file (--junit, --trace) cannot be written.',
    fix: 'Give a path in a folder you can write to; fedsim creates missing folders.',
  },
  TRACE_INVALID: {
    status: 400,
    summary: 'The file is not a fedsim trace document (JSON with fedsimTrace, parties and hops).',
    fix: 'Pass the <scenario>.json that `fedsim run --trace <dir>` wrote, unedited in its structure.',
  },
  TRACE_VERSION_UNSUPPORTED: {
    status: 400,
    summary: 'The trace document has a fedsimTrace version this fedsim does not read.',
    fix: 'Read the trace with the fedsim version that wrote it, or record it again with this one.',
  },
  SCENARIO_INVALID: {
    status: 400,
    summary: 'The scenario file parses but does not match the scenario schema.',
    fix: 'Correct the key or value named in the message; README lists every scenario key.',
  },
  SCENARIO_PARSE: {
    status: 400,
    summary: 'The scenario file is not valid YAML, or is too large.',
    fix: 'Fix the YAML syntax at the line and column in the message.',
  },
  SCENARIO_UNKNOWN_USER: {
    status: 400,
    summary: 'A step names a user that does not exist in that org.',
    fix: 'Add the user to the world, or use one of the logins listed in the message.',
  },
  SCENARIO_UNKNOWN_APP: {
    status: 400,
    summary: 'A step names an app that does not exist in that org.',
    fix: "Use the name of an app the scenario's world defines.",
  },
  SCENARIO_EXPECTATION_FAILED: {
    status: 422,
    summary: 'The steps ran, but the outcome differs from what the scenario expects.',
    fix: 'Compare expected and actual in the message: change the world or steps, or the expectation.',
  },
  SCENARIO_STEP_FAILED: {
    status: 422,
    summary: 'A step cannot be carried out in the state the scenario has reached.',
    fix: 'Reorder or add steps so that what this step needs has happened first.',
  },
  ATTACK_CONTROL_REFUSED: {
    status: 422,
    summary:
      '`fedsim attack` posted a valid response first and the SP did not accept it: no variant can be judged.',
    fix: 'Make the SP trust the IdP fedsim printed (issuer and certificate), check --acs, --audience, --recipient and --name-id, or give --success-status/--success-location/--success-body.',
  },
  CONFIG_INVALID: {
    status: 500,
    summary: "A party's configuration (world settings, IdP JSON, metadata, a file or a port) is unusable.",
    fix: 'Correct the setting or file named in the message.',
  },
  INTERNAL: {
    status: 500,
    summary: 'A bug in fedsim: something failed that fedsim should have handled.',
    fix: 'This is a bug in fedsim, not a problem with your input: report it with this message and a trace (--trace DIR).',
  },
  HTTP_OUTBOUND_BLOCKED: {
    status: 502,
    summary:
      'A party tried to reach a host that is neither loopback nor named by the user; fedsim is offline by design.',
    fix: 'Point the URL at 127.0.0.1, or name the host: a URL on it in the world config (app metadata, acsUrl, SCIM URL, IdP metadata or ssoUrl) or on the command line.',
  },
  HTTP_FAILED: {
    status: 502,
    summary: 'An HTTP exchange failed: no answer, a refused connection, or an error status.',
    fix: 'Check that the target party is running and the URL is right; the message names both.',
  },
  HTTP_BODY_TOO_LARGE: {
    status: 413,
    summary: 'The request body is larger than the endpoint accepts.',
    fix: 'Send a smaller body: a SAML message is a few kB.',
  },
  HTTP_HOST_REFUSED: {
    status: 421,
    summary: "The request's Host header names neither the party's address nor an IP literal (DNS rebinding).",
    fix: "Browse the party at the URL fedsim prints (or localhost, or an IP address) with the party's port.",
  },
  HTTP_ORIGIN_REFUSED: {
    status: 403,
    summary: 'A browser form was posted from another origin (cross-site request forgery).',
    fix: "Submit the form from the party's own page; only SAML ACS posts come from another origin.",
  },
  HTTP_NOT_FOUND: {
    status: 404,
    summary: 'No page or endpoint of this party at that path.',
    fix: "Start at the party's /login (or its dashboard /app/UserHome); serve --json prints each party's URLs.",
  },
  HTTP_BODY_INVALID: {
    status: 400,
    summary:
      'The request body could not be read (malformed, a Content-Encoding that fails to decode, or too many parameters).',
    fix: 'Send the form or JSON body well-formed, as a browser or client would.',
  },
  HTTP_CHARSET_UNSUPPORTED: {
    status: 415,
    summary: 'The request body declares a charset other than UTF-8.',
    fix: 'Send the body in UTF-8 (Content-Type: …; charset=utf-8, or no charset).',
  },
  HTTP_ENCODING_UNSUPPORTED: {
    status: 415,
    summary: 'The request body has a Content-Encoding other than gzip, deflate, br or identity.',
    fix: 'Send the body uncompressed, or gzip, deflate or br compressed.',
  },
  HTTP_PATH_INVALID: {
    status: 400,
    summary: 'The request path carries a malformed %-escape (e.g. %zz).',
    fix: 'Percent-encode the path correctly: % followed by two hex digits.',
  },
  AGENT_NO_FORM: {
    status: 502,
    summary: 'The page has no form matching what the browser was told to submit.',
    fix: 'Check the page the browser reached (the message lists its forms); an earlier step may have failed.',
  },
  AGENT_NO_LINK: {
    status: 502,
    summary: 'The page has no link with the text the browser was told to follow.',
    fix: 'Check the tile or link name, and that the user is assigned to the app it opens.',
  },
  AGENT_TOO_MANY_REDIRECTS: {
    status: 508,
    summary: 'The browser followed too many redirects or auto-posted forms: a loop.',
    fix: 'Check the SSO and ACS URLs of the parties: two of them send the browser back and forth.',
  },
  CERT_INVALID: {
    status: 400,
    summary: 'A certificate could not be parsed as X.509.',
    fix: 'Give the certificate as PEM or as base64 DER, as metadata and Okta JSON carry it.',
  },
} satisfies Record<string, ErrorInfo>;
