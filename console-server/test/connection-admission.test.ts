import { expect, it } from 'vitest';
import { createConnectionAdmission } from '../src/sockets/connection-admission';

it('sets up no more connections at once than its limit, the others in arrival order', async () => {
  const admission = createConnectionAdmission(2);
  const started: number[] = [];
  const releases = [1, 2, 3, 4].map((n) =>
    admission
      .admit(() => false)
      .then((release) => {
        started.push(n);
        return release!;
      }),
  );
  const first = await releases[0]!;
  await releases[1];
  expect(started).toEqual([1, 2]);
  expect(admission.stats()).toEqual({ active: 2, waiting: 2 });
  first();
  first(); // a second call frees nothing more
  await releases[2];
  expect(started).toEqual([1, 2, 3]);
  expect(admission.stats()).toEqual({ active: 2, waiting: 1 });
});

it('drops a connection whose client left while it waited, without giving it a slot', async () => {
  const admission = createConnectionAdmission(1);
  const release = (await admission.admit(() => false))!;
  let left = false;
  const gone = admission.admit(() => left);
  const after = admission.admit(() => false);
  left = true;
  release();
  expect(await gone).toBeNull();
  expect(await after).toBeTypeOf('function');
  expect(admission.stats()).toEqual({ active: 1, waiting: 0 });
});
