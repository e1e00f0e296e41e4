import { describe, expect, it } from 'vitest';
import { bannerSignIns } from '../../harness/cli/serve-world.js';

/** `fedsim serve`'s banner names a few users: a generated directory of 100,000 made it a 3.5 MB line. */
describe('the serve banner’s sign-ins', () => {
  const users = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ login: `user${i + 1}@org1.example`, password: 'pw' }));

  it('names every user of a small world', () => {
    expect(bannerSignIns(users(2))).toBe('user1@org1.example / pw, user2@org1.example / pw');
  });

  it('names the first five of a large one and says how many more --json lists', () => {
    const line = bannerSignIns(users(100_000));
    expect(line).toMatch(
      /^user1@org1\.example \/ pw, .*user5@org1\.example \/ pw and 99995 more \(--json lists them\)$/,
    );
    expect(line).not.toContain('user6@');
  });
});
