/**
 * Which of a scenario's steps `fedsim serve scenario.yaml` runs before it listens (apart from
 * serve-steps.ts, which loads every step, so that the CLI's option parsing stays light).
 */
export const SERVE_STEPS = ['setup', 'all', 'none'] as const;
export type ServeSteps = (typeof SERVE_STEPS)[number];
