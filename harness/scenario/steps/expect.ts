import { checkExpectations } from '../expect.js';
import { expectSchema } from '../schema-expect.js';
import { defineStep } from './define.js';

export const expectStep = defineStep({
  kind: 'expect',
  summary: 'checks the state of the parties (keys below) and reports every mismatch at once',
  schema: expectSchema,
  describe: () => 'expect',
  run: (expectation, { world, browsers }) => checkExpectations(world, expectation, browsers),
});
