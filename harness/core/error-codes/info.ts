/** One code's entry in the error registry. */
export interface ErrorInfo {
  /** The HTTP status a party answers with when this error ends a request. */
  status: number;
  /** What the code means, in one line. */
  summary: string;
  /** What the user usually changes to get past it. */
  fix: string;
}
