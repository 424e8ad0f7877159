/**
 * Every error code the Pledge HTTP API and SDK answer with: the one list. The server's
 * error helpers accept only these codes; `docs/errors.md` is generated from this list.
 */
export const ERRORS = [
  {
    code: 'bad-request',
    status: 400,
    source: 'server',
    title: 'Bad request',
    description:
      "A field, query parameter or manifest is invalid. `issues` names each field at fault (`path`), with a code and a message; a YAML manifest's issues add `line` and `column`.",
    action: 'Fix the fields named in `issues` and send the request again; do not retry it unchanged.',
  },
  {
    code: 'invalid-json',
    status: 400,
    source: 'server',
    title: 'Body is not valid JSON',
    description:
      'The body could not be parsed as JSON, was empty while `content-type` said `application/json`, or tried to set `__proto__` or `constructor.prototype`. The message never quotes the body.',
    action: 'Send a well-formed JSON object (check the serialiser and the `content-type` header).',
  },
  {
    code: 'unauthorized',
    status: 401,
    source: 'server',
    title: 'Missing or unknown API key',
    description:
      'API keys exist (or `PLEDGE_API_TOKEN` is set) and the request to a route that is not public carried no `Authorization: Bearer <key>`, or a key that is unknown or revoked. The answer has a `WWW-Authenticate: Bearer` header. See docs/api-keys.md.',
    action:
      'Create a key with `pledge keys create --name <name> --scope <scope>` and send it as `Authorization: Bearer <key>`.',
  },
  {
    code: 'forbidden',
    status: 403,
    source: 'server',
    title: 'Not allowed',
    description: 'The request is understood but not allowed for this caller.',
    action: 'Check which credential the route needs in docs/api-keys.md.',
  },
  {
    code: 'insufficient-scope',
    status: 403,
    source: 'server',
    title: 'The key lacks the scope this route needs',
    description:
      'The key is valid but holds none of the scopes the route accepts (for example `decide` for `POST /v1/decide`). The message names the scopes the route accepts; the table is in docs/api-keys.md.',
    action:
      'Create a key with the scope the route needs (`pledge keys create --scope ...`); keep each key to the scopes its caller needs.',
  },
  {
    code: 'dev-mode-local-only',
    status: 403,
    source: 'server',
    title: 'Development mode answers this machine only',
    description:
      'No API key exists, so the server runs in development mode, which answers clients on the loopback address only.',
    action: 'Create an API key (`pledge keys create`) and send it, or call from the server machine.',
  },
  {
    code: 'proxy-in-dev-mode',
    status: 403,
    source: 'server',
    title: 'Development mode refuses proxied requests',
    description:
      'No API key exists (development mode) and the request carried a proxy header (`Forwarded`, `X-Forwarded-For`, `X-Forwarded-Host`, `X-Real-IP`): behind a reverse proxy on the same host every caller looks local, so development mode does not answer it.',
    action:
      'Create an API key (`pledge keys create`) before putting Pledge behind a proxy, and send the key.',
  },
  {
    code: 'console-sign-in-required',
    status: 401,
    source: 'server',
    title: 'Sign in to the console',
    description:
      'A console route was called without a valid console session (no `pledge_console` cookie, or one that expired, was idle too long or was signed out). A browser asking for a page is sent to `/console/sign-in` instead. See docs/console.md.',
    action: 'Sign in at `/console/sign-in` and send the session cookie.',
  },
  {
    code: 'invalid-credentials',
    status: 401,
    source: 'server',
    title: 'Sign-in refused',
    description:
      'The e-mail, password or one-time code is wrong, the account is disabled or locked, or the identity provider did not vouch for a console user. The answer is the same in every case, so it does not reveal whether an account exists.',
    action:
      'Check the e-mail, password and the current code of the authenticator app; after repeated failures wait for the lock to end.',
  },
  {
    code: 'console-permission-denied',
    status: 403,
    source: 'server',
    title: 'Your role does not allow this',
    description:
      "The signed-in console user's role does not hold the permission the route needs. The role matrix is in docs/roles.md.",
    action: 'Ask an owner for a role that holds the permission (`pledge users role <email> <role>`).',
  },
  {
    code: 'csrf-token-invalid',
    status: 403,
    source: 'server',
    title: 'Missing or wrong CSRF token',
    description:
      'A console request that changes something (POST, PUT, PATCH, DELETE) did not carry the CSRF token of its session, as the form field `csrf` or the header `x-csrf-token`.',
    action: 'Reload the page and submit the form again.',
  },
  {
    code: 'second-factor-required',
    status: 403,
    source: 'server',
    title: 'A second factor is required for this role',
    description:
      'The password was right, but the role reads personal data and the account has no TOTP second factor enrolled: such roles sign in with a one-time code, or through an identity provider that asserts multi-factor authentication.',
    action:
      'Ask an owner to enrol a second factor (`pledge users totp <email>`), or sign in through the identity provider.',
  },
  {
    code: 'origin-not-allowed',
    status: 403,
    source: 'server',
    title: 'Origin not allowed for this key',
    description:
      "The key is limited to some origins (a site key always is) and the request's `Origin` header is missing or not one of them.",
    action:
      'Call from one of the origins the key was created with, or create a key for this origin (`--origin https://...`).',
  },
  {
    code: 'actor-not-allowed',
    status: 403,
    source: 'server',
    title: 'The actor comes from the key',
    description:
      "An event's `actor` is set by the API key that records it (default `subject`); a body naming another actor is refused and nothing is recorded. `issues` names the event.",
    action:
      'Leave `actor` out of the body, or record with a key created for that actor (`pledge keys create --actor officer`).',
  },
  {
    code: 'not-found',
    status: 404,
    source: 'server',
    title: 'No such route',
    description:
      'No route answers this method and path. The message never echoes the path, which may hold an identifier.',
    action: 'Check the method and path against the OpenAPI document at `/docs`.',
  },
  {
    code: 'method-not-allowed',
    status: 405,
    source: 'server',
    title: 'Method not allowed',
    description: 'The route exists but does not take this HTTP method.',
    action: 'Use the method the OpenAPI document at `/docs` lists for the route.',
  },
  {
    code: 'not-configured',
    status: 409,
    source: 'server',
    title: 'Not configured on this server',
    description:
      'The route needs something the server was started without, e.g. `POST /v1/ledger/checkpoints` without a checkpoint key and folder (`PLEDGE_CHECKPOINT_KEY_FILE`, `PLEDGE_CHECKPOINT_DIR`).',
    action: 'Configure what the message names and restart the server.',
  },
  {
    code: 'not-acceptable',
    status: 406,
    source: 'server',
    title: 'Not acceptable',
    description: 'The server cannot answer in any media type the `accept` header allows.',
    action: 'Accept `application/json` (or the text type the route serves).',
  },
  {
    code: 'request-timeout',
    status: 408,
    source: 'server',
    title: 'Request timeout',
    description: 'The client took too long to send the request.',
    action: 'Send the request again; check the network between the client and the server.',
  },
  {
    code: 'payload-too-large',
    status: 413,
    source: 'server',
    title: 'Body too large',
    description: 'The body is larger than the server allows: 1 MiB by default, 5 MiB for a manifest.',
    action: 'Send less per request: split a batch of events or decisions into several requests.',
  },
  {
    code: 'unsupported-media-type',
    status: 415,
    source: 'server',
    title: 'Unsupported content-type',
    description:
      'The `/v1` API takes JSON bodies (and `application/yaml` for `POST /v1/policies`); another `content-type` is refused.',
    action: 'Send `content-type: application/json`.',
  },
  {
    code: 'host-not-allowed',
    status: 421,
    source: 'server',
    title: 'Host not served',
    description:
      "The request's `Host` header is not one this server answers to: `PLEDGE_ALLOWED_HOSTS`, or in development mode `localhost`, `127.0.0.1` and `[::1]` (this stops DNS rebinding).",
    action: 'Call the server by a name in `PLEDGE_ALLOWED_HOSTS`, or add the name there.',
  },
  {
    code: 'rate-limited',
    status: 429,
    source: 'server',
    title: 'Too many requests',
    description:
      'The caller sent more requests in a minute than allowed per key (`PLEDGE_RATE_LIMIT_KEY`), per address (`PLEDGE_RATE_LIMIT_ADDRESS`) or per address with one site key (`PLEDGE_RATE_LIMIT_SITE`). The `retry-after` header says when to try again.',
    action:
      'Wait for `retry-after` seconds; batch decisions (`POST /v1/decide/batch`) instead of sending one request each.',
  },
  {
    code: 'version-label-taken',
    status: 409,
    source: 'server',
    title: 'Version label already used',
    description:
      'A policy version label names one content only: publishing a different manifest under a label already published is refused (`issues[0].path` is `policy.version`, its code `policy.version-label-reused`). The same manifest again is not an error (200, created false).',
    action: 'Give the new manifest a new `policy.version` label and publish it again.',
  },
  {
    code: 'manifest-lint-errors',
    status: 422,
    source: 'server',
    title: 'Manifest has lint errors',
    description:
      'Publishing refuses a manifest with lint errors that no `lintOverrides` entry accepts. `issues` lists each such error, with the lint rule as `code` and the manifest `path` (see docs/publishing.md).',
    action:
      "Fix each error, or accept it in the manifest's `lintOverrides` with the rule, the path and the reason, then publish again.",
  },
  {
    code: 'disclosure-refused',
    status: 403,
    source: 'server',
    title: 'Disclosure refused',
    description:
      "The recipients register or the subject's consent does not allow this disclosure (`POST /v1/disclosures`). `issues` lists every reason with a stable `disclosure.*` code and the field at fault: the recipient unknown or its engagement ended, a required contract not on file or expired, an SDK without a passed security inspection, the purpose or a category not declared for the recipient, or consent missing (including a separate consent that names the recipient where the law requires one). The refusal is logged. See docs/recipients.md.",
    action:
      'Do not disclose. File the missing contract or inspection (`pledge recipients contract add`), declare the purpose or category for the recipient, or obtain the consent named in `issues`.',
  },
  {
    code: 'recipient-not-found',
    status: 404,
    source: 'server',
    title: 'No such recipient',
    description: 'The manifest in force declares no recipient with this id.',
    action: 'Check the id against `GET /v1/recipients`.',
  },
  {
    code: 'request-not-found',
    status: 404,
    source: 'server',
    title: 'No such data-subject request',
    description: 'No data-subject request has this id (`/v1/requests/:id`).',
    action: 'Check the id against `GET /v1/requests`.',
  },
  {
    code: 'request-transition-refused',
    status: 409,
    source: 'server',
    title: 'The request cannot take this step now',
    description:
      'The data-subject request is in a state that does not allow this step (a completed request cannot be denied, an unverified one cannot be completed, a deadline cannot be extended twice or past its end, or a binding rule allows no extension). `issues` has the stable `request.*` code. See docs/requests.md.',
    action: 'Read the request (`GET /v1/requests/:id`) and take a step its state allows.',
  },
  {
    code: 'internal',
    status: 500,
    source: 'server',
    title: 'Internal error',
    description:
      'Something unexpected failed on the server (a database outage, a bug). The answer says nothing more; the server log has the details.',
    action: 'Retry later; if it persists, read the server log and report the problem.',
  },
  {
    code: 'network-error',
    status: 0,
    source: 'sdk',
    title: 'Server not reached',
    description:
      'The SDK client could not reach the server (refused connection, DNS failure, TLS error); `status` is 0 and `cause` holds the underlying error.',
    action: 'Check `baseUrl` and that the server is running and reachable.',
  },
  {
    code: 'timeout',
    status: 0,
    source: 'sdk',
    title: 'No answer in time',
    description: 'The server did not answer within `timeoutMs` (default 10 000 ms); `status` is 0.',
    action: 'Retry; raise `timeoutMs` for slow routes such as publishing a large policy.',
  },
  {
    code: 'invalid-response',
    status: 200,
    source: 'sdk',
    title: 'Answer is not JSON',
    description:
      'The server answered with a success status but a body that is not JSON: usually a proxy in between, not Pledge. `status` is the status received.',
    action: 'Check that `baseUrl` points at the Pledge server itself.',
  },
  {
    code: 'subject-not-cached',
    status: 0,
    source: 'sdk',
    title: 'Subject not in the consent cache',
    description:
      'The synchronous `Pledge.decide` or `Pledge.state` was called for a subject whose events are not cached yet. Thrown as `SubjectNotCachedError`, with no HTTP request made.',
    action: 'Call `decideAsync`, or `load(subject)` first.',
  },
] as const satisfies readonly ErrorSpec[];

/** Who answers with an error: the server (in an error body) or the SDK (without one). */
export type ErrorSource = 'server' | 'sdk';

/** One entry of {@link ERRORS}. */
export interface ErrorSpec {
  /** Stable code, kebab-case; never renamed. */
  readonly code: string;
  /** HTTP status the error comes with (0: no answer from the server, or no request at all). */
  readonly status: number;
  readonly source: ErrorSource;
  /** A few words, for headings. */
  readonly title: string;
  /** What happened. */
  readonly description: string;
  /** What the caller should do about it. */
  readonly action: string;
}

/** A stable error code of the Pledge API or SDK. */
export type ErrorCode = (typeof ERRORS)[number]['code'];

/** A code the server sends in an error body. */
export type ServerErrorCode = Extract<(typeof ERRORS)[number], { source: 'server' }>['code'];

/** Every error code, in catalogue order. */
export const ERROR_CODES: readonly ErrorCode[] = ERRORS.map((e) => e.code);

/** The codes the server sends, in catalogue order (a non-empty tuple, as `z.enum` takes). */
export const SERVER_ERROR_CODES = ERRORS.filter((e) => e.source === 'server').map((e) => e.code) as [
  ServerErrorCode,
  ...ServerErrorCode[],
];

/**
 * The code an SDK gives an error answer whose body is not a Pledge error (a proxy's 502):
 * `http-<status>`.
 */
export type HttpStatusErrorCode = `http-${number}`;

/** Whether a value is one of the catalogue's codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The catalogue entry of a code. */
export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERRORS.find((e) => e.code === code)!;
}
