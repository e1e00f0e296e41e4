import { resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/**
 * Every fedsim type that an exported function (or an exported class's constructor and methods)
 * takes or returns is exported by harness/index.ts as well, so a caller can name it. Read from the
 * declarations tsc emits (dist/, kept current by test/global-setup.ts), which are what a caller's
 * compiler reads: without the function bodies the program costs ~2 s less CPU than the sources.
 */
const ENTRY = resolve('dist/harness/index.d.ts');
const HARNESS = resolve('dist/harness');

const program = ts.createProgram([ENTRY], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

const real = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
const fromHarness = (s: ts.Symbol) =>
  (s.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(HARNESS));

/** The fedsim-declared named types a type is made of (through unions, Promise, arrays, literals). */
function namedTypes(type: ts.Type, seen = new Set<ts.Type>()): ts.Symbol[] {
  if (seen.has(type)) return [];
  seen.add(type);
  if (type.aliasSymbol && fromHarness(type.aliasSymbol)) return [type.aliasSymbol];
  if (type.isUnionOrIntersection()) return type.types.flatMap((t) => namedTypes(t, seen));
  const symbol = type.getSymbol();
  const args =
    checker.isArrayType(type) || symbol?.name === 'Promise'
      ? checker.getTypeArguments(type as ts.TypeReference)
      : [];
  if (args.length) return args.flatMap((t) => namedTypes(t, seen));
  if (!symbol || !fromHarness(symbol)) return [];
  if (!['__type', '__object', '__function'].includes(symbol.name)) return [symbol];
  const members = checker.getPropertiesOfType(type).map((p) => checker.getTypeOfSymbol(p));
  const calls = type.getCallSignatures().flatMap(typesOf);
  return [...members, ...calls].flatMap((t) => namedTypes(t, seen));
}

function typesOf(signature: ts.Signature): ts.Type[] {
  return [...signature.getParameters().map((p) => checker.getTypeOfSymbol(p)), signature.getReturnType()];
}

/** `export type { X }`: callers get instances, never construct one. */
const typeOnly = (s: ts.Symbol) =>
  (s.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));

function signaturesOf(alias: ts.Symbol): readonly ts.Signature[] {
  const symbol = real(alias);
  const type = checker.getTypeOfSymbol(symbol);
  if (!(symbol.flags & ts.SymbolFlags.Class)) return type.getCallSignatures();
  const instance = checker.getDeclaredTypeOfSymbol(symbol);
  const methods = checker
    .getPropertiesOfType(instance)
    .filter((p) => p.flags & ts.SymbolFlags.Method && !p.name.startsWith('#'))
    .flatMap((p) => checker.getTypeOfSymbol(p).getCallSignatures());
  return typeOnly(alias) ? methods : [...type.getConstructSignatures(), ...methods];
}

it('harness/index.ts exports every type its functions take and return', () => {
  const entry = program.getSourceFile(ENTRY);
  const module = entry && checker.getSymbolAtLocation(entry);
  if (!module) throw new Error('harness/index.ts did not load');
  const exports = checker.getExportsOfModule(module);
  const exported = new Set(exports.map(real));
  const missing = new Set<string>();
  for (const symbol of exports) {
    for (const named of signaturesOf(symbol)
      .flatMap(typesOf)
      .flatMap((t) => namedTypes(t))) {
      if (!exported.has(named)) missing.add(`${named.name} (used by ${symbol.name})`);
    }
  }
  expect(exports.length).toBeGreaterThan(40);
  expect([...missing].sort()).toEqual([]);
});
