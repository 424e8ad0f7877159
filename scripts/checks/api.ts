/**
 * The public API of each package, as its built declarations (dist/*.d.ts) give it, written to
 * packages/<name>/api.md: every name each entry point exports, with its declaration. Checked
 * in, so a change of public API shows in review; the check fails when the file is stale.
 *
 *   tsx scripts/checks/api.ts           # check (needs `npm run build` first)
 *   tsx scripts/checks/api.ts --write   # regenerate
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT, report, type WorkspacePackage, workspacePackages } from './workspace.js';

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** The declarations one exported symbol stands for, printed without comments. */
function printSymbol(checker: ts.TypeChecker, exported: ts.Symbol): string {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const printed = (symbol.declarations ?? []).map((decl) => {
    const file = decl.getSourceFile();
    const text = printer.printNode(ts.EmitHint.Unspecified, decl, file);
    return ts.isVariableDeclaration(decl) ? `declare const ${text};` : text;
  });
  const name = symbol.getName();
  const alias = name === exported.getName() ? '' : `// exported as ${exported.getName()}\n`;
  return `${alias}${printed.join('\n')}`;
}

/**
 * Declarations that tsc infers (zod schemas above all) list string literals in the order the
 * compiler first met them, which differs between a clean and an incremental build. Their order
 * means nothing, so the report sorts them: unions of string literals, and the `key: "key";`
 * lines of an enum's object type.
 */
export function normaliseOrder(text: string): string {
  const unions = text.replace(/"[^"\n]*"(?: \| "[^"\n]*")+/g, (run) =>
    run
      .split(' | ')
      .sort((a, b) => a.localeCompare(b))
      .join(' | '),
  );
  const lines = unions.split('\n');
  const enumEntry = /^\s*("?)([\w.-]+)\1: "\2";$/;
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && enumEntry.test(lines[j]!)) j++;
    if (j - i > 1)
      lines.splice(i, j - i, ...lines.slice(i, j).sort((a, b) => a.trim().localeCompare(b.trim())));
    i = Math.max(j, i + 1);
  }
  return lines.join('\n');
}

/** The api.md a package's built declarations give, or why there is none. */
function apiReport(program: ts.Program, pkg: WorkspacePackage): string {
  const checker = program.getTypeChecker();
  const sections: string[] = [];
  for (const [subpath, target] of Object.entries(pkg.json.exports ?? {})) {
    if (typeof target === 'string') continue; // a runnable script (bin/*.js), not an API
    const types = (target as Record<string, string>).types ?? '';
    const file = program.getSourceFile(join(pkg.dir, types));
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`${pkg.json.name}: ${types} is not built (run npm run build)`);
    const exports = checker
      .getExportsOfModule(moduleSymbol)
      .sort((a, b) => a.getName().localeCompare(b.getName()));
    const body = normaliseOrder(exports.map((symbol) => printSymbol(checker, symbol)).join('\n\n'));
    sections.push(
      `## \`${pkg.json.name}${subpath === '.' ? '' : subpath.slice(1)}\`\n\n\`\`\`ts\n${body}\n\`\`\`\n`,
    );
  }
  return [
    `# ${pkg.json.name}: public API`,
    '',
    'Generated from the built declarations by `npm run api`; `npm run check` fails when it is stale.',
    "Review a change here as a change of the package's contract.",
    '',
    sections.join('\n'),
  ].join('\n');
}

function main(): void {
  const write = process.argv.includes('--write');
  const packages = workspacePackages();
  const roots = packages.flatMap((pkg) =>
    Object.values(pkg.json.exports ?? {}).map((target) =>
      join(pkg.dir, (target as Record<string, string>).types ?? ''),
    ),
  );
  const program = ts.createProgram(roots, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const problems: string[] = [];
  for (const pkg of packages) {
    const path = join(pkg.dir, 'api.md');
    let wanted: string;
    try {
      wanted = apiReport(program, pkg);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === wanted) continue;
    if (write) writeFileSync(path, wanted);
    else
      problems.push(
        `${relative(ROOT, path)} is stale: the public API changed (run npm run api and review the diff)`,
      );
  }
  report('api', problems);
}

main();
