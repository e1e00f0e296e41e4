import { attack } from './attack.js';
import { codes } from './codes.js';
import type { CliCommand } from './command.js';
import { diff } from './diff.js';
import { explain } from './explain.js';
import { run } from './run.js';
import { scimCheck } from './scim-check.js';
import { serve } from './serve.js';

/** Every `fedsim` command, in the order `fedsim --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [run, serve, explain, diff, attack, scimCheck, codes];
