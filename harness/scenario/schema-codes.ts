import { z } from 'zod';
import { ERROR_CODES } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';

/** A fedsim error code written in a scenario; a typo fails at load and names the code meant. */
export const errorCodeSchema = z
  .enum(ERROR_CODES, {
    error: (issue) => {
      const key = issue.path?.findLast((p) => typeof p === 'string') ?? 'code';
      const typed = String(issue.input);
      return `${String(key)} ${typed} is not a fedsim error code${didYouMean(typed, ERROR_CODES)}`;
    },
  })
  .meta({ id: 'ErrorCode', description: 'a fedsim error code (`fedsim codes` lists them)' });
