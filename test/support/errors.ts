/** Assertion helper for client calls that must fail. */
import { expect } from '@open-wc/testing';
import { IgError } from '../../src/classes.js';

/** Awaits `promise`, asserts that it rejects with an IgError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<IgError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(IgError);
    return error as IgError;
  }
  throw new Error('expected the promise to reject');
}
