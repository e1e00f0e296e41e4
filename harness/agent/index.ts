export { Agent } from './agent.js';
export { CookieJar } from './cookie-jar.js';
export { parsePage } from './html.js';
export type { AgentOptions, Form, Hop, Link, Page, SubmitButton } from './types.js';
