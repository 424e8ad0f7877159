import { DATASTORE_KINDS, type DataCategory, type Dataset, type DatastoreKind } from '@pledge/core';
import { fidesDatasetToPledge } from '@pledge/import-fides';
// Until @pledge/core's index re-exports ./fides/index, the module is imported by path.
import { type Command, Option } from 'commander';
import { stringify } from 'yaml';
import { ExitCode } from '../exit-codes.js';
import { formatIssue } from '../format-issue.js';
import { type CliIo, processIo } from '../io.js';
import { loadManifest, plural, readManifestText } from '../load-manifest.js';
import { writeOutput } from '../write-output.js';

interface Options {
  out?: string;
  kind: DatastoreKind;
  manifest?: string;
}

/** The YAML printed: new categories first (datasets reference them), then the datasets. */
function sectionsYaml(categories: DataCategory[], datasets: Dataset[]): string {
  const header =
    '# Converted from a fideslang dataset by `pledge import fides`: merge these sections into pledge.yaml\n' +
    '# and review the erasure strategies and category names.\n';
  return (
    header + stringify(categories.length > 0 ? { categories, datasets } : { datasets }, { lineWidth: 0 })
  );
}

/**
 * `pledge import fides <file> [--kind postgres] [--manifest pledge.yaml] [--out file]`:
 * converts a fideslang dataset file into the manifest's `datasets` section (plus the
 * `categories` it needs) and prints it as YAML, or writes it with `--out`. Lossy conversions
 * are printed to stderr; an input that cannot be fully converted prints its issues and
 * exits 1 without output.
 */
export function registerImportFides(
  program: Command,
  io: CliIo = processIo(),
  finish: (code: ExitCode) => void = (code) => {
    process.exitCode = code;
  },
): void {
  const parent =
    program.commands.find((c) => c.name() === 'import') ??
    program
      .command('import')
      .description('convert definitions from other privacy tools into manifest sections');
  parent
    .command('fides')
    .description('convert a fideslang dataset file (Fides) into the manifest datasets section')
    .argument('<file>', 'fideslang dataset YAML or JSON, e.g. .fides/db_dataset.yml')
    .addOption(
      new Option('--kind <kind>', 'datastore kind of the imported datasets')
        .choices(DATASTORE_KINDS)
        .default('postgres'),
    )
    .option(
      '--manifest <file>',
      'reuse the categories of this manifest where they map the same fideslang key',
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (file: string, options: Options) => {
      const read = await readManifestText(io, file);
      if (!read.ok) return finish(read.exitCode);
      let existing: DataCategory[] = [];
      if (options.manifest) {
        const loaded = await loadManifest(io, options.manifest);
        if (!loaded.ok) return finish(loaded.exitCode);
        existing = loaded.manifest.categories;
      }
      const result = fidesDatasetToPledge(read.text, {
        datastoreKind: options.kind,
        existingCategories: existing,
      });
      for (const issue of result.issues) io.stderr(`${formatIssue(issue, file)}\n`);
      if (!result.ok) {
        const errors = result.issues.filter((i) => i.severity === 'error').length;
        io.stderr(`pledge: ${file} cannot be fully converted (${plural(errors, 'error')})\n`);
        return finish(ExitCode.failed);
      }
      finish(
        await writeOutput(io, sectionsYaml(Object.values(result.categories), result.datasets), options.out),
      );
    });
}
