import { afterAll, beforeAll } from "vitest";

/** Sets SHIPSHAPE_SECRET_KEY to `key` for a test file's tests, and puts back what was there after them. */
export function withSealingKey(key: string): void {
  const previous = process.env.SHIPSHAPE_SECRET_KEY;
  beforeAll(() => void (process.env.SHIPSHAPE_SECRET_KEY = key));
  afterAll(() => {
    if (previous === undefined) delete process.env.SHIPSHAPE_SECRET_KEY;
    else process.env.SHIPSHAPE_SECRET_KEY = previous;
  });
}
