import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Limiter, QueueFullError } from '../src/limiter.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('högst så många arbeten körs samtidigt, resten väntar i tur och ordning', async () => {
  const limiter = new Limiter(2, 10);
  let running = 0;
  let highest = 0;
  const order: number[] = [];
  const jobs = Array.from({ length: 8 }, (_, i) =>
    limiter.run(async () => {
      running += 1;
      highest = Math.max(highest, running);
      await tick();
      order.push(i);
      running -= 1;
      return i;
    }),
  );
  assert.deepEqual(await Promise.all(jobs), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.equal(highest, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(limiter.load, { running: 0, waiting: 0 });
});

test('när kön är full avvisas nästa arbete genast med QueueFullError', async () => {
  const limiter = new Limiter(1, 2);
  let release = () => {};
  const blocker = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
  const queued = [limiter.run(async () => 'a'), limiter.run(async () => 'b')];
  await assert.rejects(
    limiter.run(async () => 'c'),
    QueueFullError,
  );
  release();
  await blocker;
  assert.deepEqual(await Promise.all(queued), ['a', 'b']);
});

test('ett arbete som misslyckas lämnar platsen åt nästa', async () => {
  const limiter = new Limiter(1, 5);
  await assert.rejects(limiter.run(async () => Promise.reject(new Error('boom'))));
  assert.equal(await limiter.run(async () => 'next'), 'next');
  assert.deepEqual(limiter.load, { running: 0, waiting: 0 });
});
