import { z } from 'zod';
import { FixedClock } from '../../core/clock.js';
import { FedsimError } from '../../core/errors.js';
import { defineStep } from './define.js';

export const advanceClockStep = defineStep({
  kind: 'advanceClock',
  summary: "moves the scenario's fixed clock",
  schema: z.object({ seconds: z.number() }).strict(),
  describe: ({ seconds }) => `advance the clock ${seconds} s`,
  run({ seconds }, { world }) {
    if (!(world.clock instanceof FixedClock))
      throw new FedsimError('SCENARIO_STEP_FAILED', 'advanceClock needs the fixed scenario clock');
    world.clock.advance(seconds * 1000);
  },
});
