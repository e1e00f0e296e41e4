import { describe, expect, it } from 'vitest';
import { fromPlaceholders, toPlaceholders } from '../../harness/trace/normalize.js';

const parties = { org1: 'http://127.0.0.1:4000', org2: 'http://127.0.0.1:40001' };

describe('origins and their {party} placeholders', () => {
  it('replaces each origin, plain and URL-encoded, never inside a longer port', () => {
    const text =
      'http://127.0.0.1:40001/a?fromURI=http%3A%2F%2F127.0.0.1%3A4000%2Fb http://127.0.0.1:40002/c';
    const normalised = toPlaceholders(text, parties);
    expect(normalised).toBe('{org2}/a?fromURI=%7Borg1%7D%2Fb http://127.0.0.1:40002/c');
    expect(fromPlaceholders(normalised, parties)).toBe(text);
  });
});
