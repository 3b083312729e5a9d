import { After, setDefaultTimeout, setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';

setDefaultTimeout(60_000);

const CLI = join(process.cwd(), 'bin', 'spacetraders.js');

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * One scenario's world: a fresh sandbox on a free port, a temporary HOME and SQLite file, and the
 * real `spacetraders` CLI run as a child process against them.
 */
export class PlayerWorld extends World {
  readonly dir = mkdtempSync(join(tmpdir(), 'spacetraders-bdd-'));
  readonly dbPath = join(this.dir, 'spacetraders.db');
  sandbox?: RunningSandbox;
  accountToken?: string;
  /** Agent tokens obtained outside the CLI, by agent symbol. */
  readonly tokens = new Map<string, string>();
  last?: CommandResult;
  /** Requests the sandbox answered during the last counted command. */
  requestsCounted?: number;
  /** Values steps noted for later command lines, as `<name>` placeholders (e.g. `<contract>`). */
  readonly placeholders = new Map<string, string>();

  constructor(options: IWorldOptions) {
    super(options);
  }

  async startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
    this.sandbox = await startSandbox({ port: 0, rateLimit: false, ...options });
    return this.sandbox;
  }

  get api(): string {
    if (!this.sandbox) throw new Error('no sandbox started in this scenario');
    return this.sandbox.baseUrl;
  }

  /** Substitutes `<token of AGENT>` placeholders with tokens the scenario obtained. */
  expand(text: string): string {
    let expanded = text.replaceAll('<folder>', this.dir);
    for (const [name, value] of this.placeholders) expanded = expanded.replaceAll(`<${name}>`, value);
    return expanded.replace(/<token of ([A-Z0-9_-]+)>/g, (_match, symbol: string) => {
      const token = this.tokens.get(symbol);
      if (!token) throw new Error(`no token recorded for ${symbol}`);
      return token;
    });
  }

  /** The environment every CLI run gets: this scenario's HOME, database, sandbox and account token. */
  env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.dir,
      SPACETRADERS_DB: this.dbPath,
      LOG_LEVEL: 'warn',
      ...(this.sandbox ? { SPACETRADERS_API_URL: this.sandbox.baseUrl } : {}),
      ...(this.accountToken ? { SPACETRADERS_ACCOUNT_TOKEN: this.accountToken } : {}),
    };
  }

  /** Runs the real CLI; never blocks the event loop, since the sandbox lives in this process. */
  run(commandLine: string, stdin?: string): Promise<CommandResult> {
    const args = splitArgs(this.expand(commandLine));
    if (args[0] === 'spacetraders') args.shift();
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [CLI, ...args],
        { env: this.env(), timeout: 60_000 },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          this.last = { exitCode, stdout, stderr };
          resolve(this.last);
        },
      );
      child.stdin?.end(stdin ?? '');
    });
  }

  /** Starts the CLI and kills it (SIGKILL, like a crash) as soon as its output contains `text`. */
  runUntil(commandLine: string, text: string, timeoutMs = 30_000): Promise<CommandResult> {
    const args = splitArgs(this.expand(commandLine));
    if (args[0] === 'spacetraders') args.shift();
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: this.env() });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(text)) child.kill('SIGKILL');
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => {
        clearTimeout(timer);
        this.last = { exitCode: code ?? 137, stdout, stderr };
        resolve(this.last);
      });
    });
  }

  get lastResult(): CommandResult {
    if (!this.last) throw new Error('no command has been run in this scenario');
    return this.last;
  }

  async cleanup(): Promise<void> {
    await this.sandbox?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Splits a command line on spaces, honouring single and double quotes. */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line))
    args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args;
}

setWorldConstructor(PlayerWorld);

After(async function (this: PlayerWorld) {
  await this.cleanup();
});
