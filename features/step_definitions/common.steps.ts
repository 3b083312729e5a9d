import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

Given('a sandbox server', async function (this: PlayerWorld) {
  await this.startSandbox();
});

Given('the account token is configured', function (this: PlayerWorld) {
  this.accountToken = 'bdd-account-token-3f9c';
});

Given('no account token is configured', function (this: PlayerWorld) {
  this.accountToken = undefined;
});

Given(
  'the agent {string} was registered on the server outside this bot',
  async function (this: PlayerWorld, symbol: string) {
    const response = await fetch(`${this.api}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer outside-account' },
      body: JSON.stringify({ symbol, faction: 'COSMIC' }),
    });
    const text = await response.text();
    assert.equal(response.status, 201, `registering ${symbol} on the sandbox failed: ${text}`);
    const body = JSON.parse(text) as { data: { token: string } };
    this.tokens.set(symbol, body.data.token);
  },
);

Given('I ran {string}', async function (this: PlayerWorld, command: string) {
  const result = await this.run(command);
  assert.equal(result.exitCode, 0, `"${command}" failed: ${result.stderr}`);
});

When('I run {string}', async function (this: PlayerWorld, command: string) {
  await this.run(command);
});

When(
  'I run {string} with {string} on standard input',
  async function (this: PlayerWorld, command: string, input: string) {
    await this.run(command, this.expand(input));
  },
);

Then('the command succeeds', function (this: PlayerWorld) {
  const { exitCode, stderr } = this.lastResult;
  assert.equal(exitCode, 0, `expected success, got exit ${exitCode}: ${stderr}`);
});

Then(
  'the command fails with exit code {int} and the error {string}',
  function (this: PlayerWorld, code: number, message: string) {
    const { exitCode, stderr, stdout } = this.lastResult;
    assert.equal(exitCode, code, `expected exit ${code}, got ${exitCode}; stdout: ${stdout} stderr: ${stderr}`);
    assert.ok(stderr.includes(message), `expected the error to contain "${message}", got: ${stderr}`);
    assert.ok(!/\n\s+at /.test(stderr), `a stack trace reached the player: ${stderr}`);
  },
);

Then('the error output is a single line', function (this: PlayerWorld) {
  const lines = this.lastResult.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${this.lastResult.stderr}`);
});

Then('the error output starts with {string}', function (this: PlayerWorld, prefix: string) {
  assert.ok(
    this.lastResult.stderr.startsWith(prefix),
    `expected the error to start with "${prefix}", got: ${this.lastResult.stderr}`,
  );
});

Then('the error output contains {string}', function (this: PlayerWorld, text: string) {
  assert.ok(
    this.lastResult.stderr.includes(this.expand(text)),
    `expected the error to contain "${text}", got: ${this.lastResult.stderr}`,
  );
});

Then('the output contains {string}', function (this: PlayerWorld, text: string) {
  assert.ok(
    this.lastResult.stdout.includes(this.expand(text)),
    `expected output to contain "${text}", got:\n${this.lastResult.stdout}`,
  );
});

Then('the output does not contain {string}', function (this: PlayerWorld, text: string) {
  const { stdout, stderr } = this.lastResult;
  assert.ok(!(stdout + stderr).includes(this.expand(text)), `"${text}" appeared in the output`);
});

Then('the output does not contain the account token', function (this: PlayerWorld) {
  const { stdout, stderr } = this.lastResult;
  assert.ok(
    this.accountToken && !(stdout + stderr).includes(this.accountToken),
    'the account token appeared in the output',
  );
});

Then('the output of {string} contains {string}', async function (this: PlayerWorld, command: string, text: string) {
  const result = await this.run(command);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.ok(result.stdout.includes(text), `expected "${text}" in:\n${result.stdout}`);
});

async function runJson(world: PlayerWorld, command: string): Promise<unknown> {
  const result = await world.run(command);
  assert.equal(result.exitCode, 0, `"${command}" failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

Then('{string} lists the players {string}', async function (this: PlayerWorld, command: string, symbols: string) {
  const players = (await runJson(this, command)) as Array<{ agentSymbol: string }>;
  assert.deepEqual(
    players.map((p) => p.agentSymbol),
    symbols.split(',').map((s) => s.trim()),
  );
});

Then('{string} lists no players', async function (this: PlayerWorld, command: string) {
  assert.deepEqual(await runJson(this, command), []);
});

Then(
  '{string} shows {string} as {string}',
  async function (this: PlayerWorld, command: string, path: string, expected: string) {
    const document = await runJson(this, command);
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
    assert.equal(shown, expected);
  },
);

Then('{string} does not show a token', async function (this: PlayerWorld, command: string) {
  const result = await this.run(command);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.ok(!/token"\s*:/.test(result.stdout), `a token field appeared:\n${result.stdout}`);
  assert.ok(!/eyJ[A-Za-z0-9_-]{10,}/.test(result.stdout), `something like a JWT appeared:\n${result.stdout}`);
});
