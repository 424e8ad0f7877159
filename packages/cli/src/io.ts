import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';

/** What a command may do to the outside world; tests can pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /**
   * Asks the person at the terminal a yes/no question; absent when nobody can answer (no
   * terminal on stdin), and commands that change data for good then need `--yes`.
   */
  confirm?(question: string): Promise<boolean>;
}

let pipeGuarded = false;

/** The real process: stdout, stderr and the file system. */
export function processIo(): CliIo {
  if (!pipeGuarded) {
    pipeGuarded = true;
    // `pledge lint x | head` closes the pipe early; the rest of the output is not wanted.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE')
        process.stderr.write(`pledge: cannot write output: ${error.code ?? 'error'}\n`);
    });
  }
  const cwd = process.cwd();
  return {
    stdout: (text) => {
      if (!process.stdout.destroyed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    readText: (path) => readFile(resolve(cwd, path), 'utf8'),
    writeText: (path, text) => writeFile(resolve(cwd, path), text, 'utf8'),
    cwd,
    ...(process.stdin.isTTY ? { confirm: askOnTerminal } : {}),
  };
}

/** Asks on the terminal (stderr, so stdout stays the command's output); only `y` or `yes` agrees. */
async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
