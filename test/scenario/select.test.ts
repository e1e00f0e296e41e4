import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectScenarioFiles, shardFiles } from '../../harness/scenario/select.js';
import { codeOf } from '../codes.js';

const all = selectScenarioFiles(['scenarios']);

describe('selectScenarioFiles', () => {
  it('lists each file once however its path is spelled', () => {
    const spellings = ['scenarios/sarah-end-to-end.yaml', './scenarios//sarah-end-to-end.yaml'];
    expect(selectScenarioFiles([...spellings, path.resolve(spellings[0] as string)])).toEqual([spellings[0]]);
    expect(selectScenarioFiles(['scenarios', './scenarios/'])).toEqual(all);
  });

  it('refuses a path that is not there and paths without scenarios (CLI_USAGE)', () => {
    expect(codeOf(() => selectScenarioFiles(['scenarios/no-such.yaml']))).toBe('CLI_USAGE');
    expect(codeOf(() => selectScenarioFiles(['certs']))).toBe('CLI_USAGE');
  });
});

describe('shardFiles', () => {
  it.each([1, 2, 3, 4, 7])('%i shares are disjoint, near-equal, and together every file once', (count) => {
    const shares = Array.from({ length: count }, (_, i) => shardFiles(all, { index: i + 1, count }));
    expect(shares.flat().sort()).toEqual([...all].sort());
    const sizes = shares.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('gives the same share whatever the order and spelling of the input', () => {
    const share = shardFiles(all, { index: 2, count: 3 });
    const respelled = [...all].reverse().map((f) => `./${f}`);
    expect(shardFiles(respelled, { index: 2, count: 3 })).toEqual(share.map((f) => `./${f}`));
    const absolute = all.map((f) => path.resolve(f));
    expect(shardFiles(absolute, { index: 2, count: 3 })).toEqual(share.map((f) => path.resolve(f)));
  });

  it('refuses more shards than files, as vitest does (CLI_USAGE)', () => {
    expect(codeOf(() => shardFiles(all.slice(0, 3), { index: 1, count: 4 }))).toBe('CLI_USAGE');
  });
});
