/** How often serve looks at its parent; well under the 2 s in which the ports must be free. */
const WATCH_MS = 200;

/**
 * Calls `onGone` once the process that started serve has exited. `npx fedsim serve` and
 * `npm exec` do not forward SIGTERM/SIGINT to the node process they start: killed, they leave it
 * running with a new parent (init or a subreaper). So when npm started us (it sets `npm_command`),
 * a changed parent pid stops serve as the signal would have. Started any other way, serve keeps
 * running when its parent exits (`nohup fedsim serve &`). Returns the function that stops watching.
 */
export function whenParentExits(onGone: () => void, env: NodeJS.ProcessEnv = process.env): () => void {
  if (env.npm_command === undefined) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, WATCH_MS);
  // The watch alone must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
