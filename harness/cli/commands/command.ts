import type { Command, OptionValues } from 'commander';
import type { CliIo } from '../io.js';

/**
 * One `fedsim` command. Its declaration (arguments, options, help) is the only usage text: help,
 * usage errors and README's Commands section all come from it. Keep this module light and import
 * the implementation inside `run`, so `fedsim --help` does not load the harness.
 */
export interface CliCommand {
  name: string;
  /** Declares arguments and options on the command commander created for `name`. */
  declare(command: Command): void;
  /** Runs with the parsed arguments (in declaration order) and options; resolves to the exit code. */
  run(args: unknown[], options: OptionValues, io: CliIo): Promise<number>;
}
