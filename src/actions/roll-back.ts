// Carries a finished result out of a transaction that must not commit (a preview, a dry run, or problems
// found): throwing it rolls the transaction back, and the action catches it to answer with the result.
export class RollBack<T> extends Error {
  constructor(readonly result: T) {
    super('rolled back');
  }
}
