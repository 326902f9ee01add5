// Starts the longest test files first so that no worker is left with a long file at the end of a run.
// Jest's own sequencer does so only from its timing cache, which a clean clone (CI) lacks; then it goes by
// file size, which put the browser tests and the fuzzing anywhere in the run. This one takes a file's
// time from the cache when there is one, else from the table of slow files, else guesses from its size.
import { relative } from 'node:path';
import Sequencer from '@jest/test-sequencer';
import { SLOW_TEST_FILES } from './slow-tests.mjs';

const TestSequencer = Sequencer.default ?? Sequencer;
/** About how long a test file with no timing takes per byte of source (fast files run ~1 s per kB). */
const MS_PER_BYTE = 1;

export default class SlowestFirstSequencer extends TestSequencer {
  sort(tests) {
    const expected = new Map(tests.map((test) => [test, this.expectedMs(test)]));
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      return expected.get(b) - expected.get(a);
    });
  }

  expectedMs(test) {
    const cached = this.time(test);
    if (cached != null) return cached;
    const file = relative(test.context.config.rootDir, test.path).split('\\').join('/');
    if (SLOW_TEST_FILES[file] !== undefined) return SLOW_TEST_FILES[file] * 1000;
    return (test.context.hasteFS.getSize(test.path) ?? 0) * MS_PER_BYTE;
  }
}
