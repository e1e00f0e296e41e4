/** Where a command reads and writes: the process, or a test's buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * stdin as text, read up to just past `maxBytes` (the caller refuses what is larger);
   * `undefined` when stdin is a terminal, i.e. nothing was piped.
   */
  readStdin(maxBytes: number): Promise<string | undefined>;
  /** stdout is a terminal: live progress, and help wrapped to its width. */
  readonly isTTY: boolean;
  readonly columns?: number;
}

async function readStdin(maxBytes: number): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > maxBytes) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
};

/** Output kept in memory: tests and README's generated help run the CLI in-process with it. */
export function captureIo(stdin?: string): CliIo & { out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readStdin: async () => stdin,
    isTTY: false,
  };
}
