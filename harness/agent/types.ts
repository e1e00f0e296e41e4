import type { HttpFetch } from '../core/http.js';

/** One HTTP exchange of the journey, as the report and sequence diagrams show it. */
export interface Hop {
  /** Party name of the page that caused the request ('browser' for a typed URL). */
  from: string;
  /** Party name of the target origin (from `AgentOptions.parties`), else the host. */
  to: string;
  method: 'GET' | 'POST';
  url: string;
  status: number;
  /** Typed/clicked URL, followed 3xx, submitted form. */
  kind: 'navigate' | 'redirect' | 'form';
  /** For 3xx responses. */
  location?: string;
  /** The urlencoded body of a POST. */
  formFields?: Record<string, string>;
  /** Cookie names set (or deleted) by the response. */
  setCookies: string[];
  /** Measured with performance.now(): for reports only, never used in logic. */
  durationMs: number;
}

export interface Link {
  /** Absolute URL. */
  href: string;
  text: string;
}

/** A submit control; its name/value is sent only when it is the one pressed, as browsers do. */
export interface SubmitButton {
  label: string;
  name?: string;
  value: string;
}

export interface Form {
  /** Absolute URL. */
  action: string;
  method: 'GET' | 'POST';
  /** Successful controls: inputs (incl. hidden), checked boxes, textarea, selected/first option. */
  fields: Record<string, string>;
  submitLabels: string[];
  buttons: SubmitButton[];
  id?: string;
  name?: string;
  /** Carries SAMLRequest/SAMLResponse, or the page submits it from onload/script. */
  autoSubmit: boolean;
}

export interface Page {
  url: string;
  status: number;
  html: string;
  forms: Form[];
  links: Link[];
  title: string;
  /** Visible text, tags stripped, whitespace collapsed. */
  text: string;
}

export interface AgentOptions {
  fetch: HttpFetch;
  /** Origin (like http://127.0.0.1:1234) → party name, for hop labels. */
  parties?: Record<string, string>;
  /** Per navigation, and for chained auto-submits. Default 10. */
  maxRedirects?: number;
  onHop?: (hop: Hop) => void;
  /** Default true. */
  autoSubmitSaml?: boolean;
}
