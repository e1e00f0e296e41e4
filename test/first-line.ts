import type { ChildProcess } from 'node:child_process';

/**
 * The first line a child process prints on stdout, however many chunks it spans (`fedsim serve
 * --json` of 100,000 users prints a 6 MB line); rejects when the child fails or exits before.
 */
export function firstLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${what} exited ${code} before its first line`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
  });
}
