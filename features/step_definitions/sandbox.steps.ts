import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlayerWorld } from '../support/world.js';

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: number; data?: Record<string, unknown> } };
}

const answers = new WeakMap<PlayerWorld, Answer[]>();

async function send(world: PlayerWorld, agent: string, request: string, body?: string): Promise<Answer> {
  const [method, path] = request.split(' ');
  const token = world.tokens.get(agent);
  assert.ok(token, `no token for ${agent}`);
  const response = await fetch(`${world.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

Given('the file {string} in my folder holds {string}', function (this: PlayerWorld, name: string, content: string) {
  writeFileSync(join(this.dir, name), content);
});

Given('a sandbox server with its rate limit on', async function (this: PlayerWorld) {
  await this.startSandbox({ rateLimit: true });
});

When(
  /^the agent "([^"]+)" (?:sends|sent) "([^"]+)" with '(.*)'$/,
  async function (this: PlayerWorld, agent: string, request: string, body: string) {
    answers.set(this, [await send(this, agent, request, body)]);
  },
);

When(
  'the agent {string} sends {string} {int} times at once',
  async function (this: PlayerWorld, agent: string, request: string, times: number) {
    answers.set(this, await Promise.all(Array.from({ length: times }, () => send(this, agent, request))));
  },
);

Then('the sandbox answers {int} with error code {int}', function (this: PlayerWorld, status: number, code: number) {
  const [answer] = answers.get(this)!;
  assert.deepEqual({ status: answer!.status, code: answer!.body.error?.code }, { status, code });
});

Then('the error data has {string}', function (this: PlayerWorld, field: string) {
  const [answer] = answers.get(this)!;
  assert.ok(answer!.body.error?.data && field in answer!.body.error.data, JSON.stringify(answer!.body));
});

Then(
  '{int} answers are 200 and {int} is 429 with a retry-after of {int} second',
  function (this: PlayerWorld, ok: number, limited: number, seconds: number) {
    const all = answers.get(this)!;
    assert.equal(all.filter((a) => a.status === 200).length, ok);
    const rejected = all.filter((a) => a.status === 429);
    assert.equal(rejected.length, limited);
    assert.equal(rejected[0]!.headers.get('retry-after'), String(seconds));
    assert.equal(rejected[0]!.body.error?.code, 429);
  },
);
