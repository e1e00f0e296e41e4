import { captureIo } from '../../harness/cli/io.js';
import { runCli } from '../../harness/cli/program.js';

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** `fedsim …argv` in this process, with stdin given and output captured (no spawn: milliseconds). */
export async function fedsim(argv: string[], stdin?: string): Promise<CliOutput> {
  const io = captureIo(stdin);
  const code = await runCli(argv, io);
  return { code, ...io.out };
}
