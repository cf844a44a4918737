import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { describeError, readOutcome } from '../../src/adapters/azure/errors.js';

describe('Azure error plumbing (AZURE-FACTS §6.8)', () => {
  it('reads code and message from a RestError and its ARM body', () => {
    const error = new RestError('Forbidden', { statusCode: 403, code: 'AuthorizationFailed' });
    expect(describeError(error)).toMatchObject({ httpStatus: 403, code: 'AuthorizationFailed' });
  });

  it("recovers the code of a failed long-running operation from core-lro's plain Error", () => {
    const coded = new Error(
      'The long-running operation has failed. RetryableError. Subnet is not in Succeeded state.',
    );
    expect(describeError(coded)).toEqual({
      code: 'RetryableError',
      message: 'Subnet is not in Succeeded state.',
    });
    const uncoded = new Error('The long-running operation has failed');
    expect(describeError(uncoded)).toMatchObject({ code: 'LongRunningOperationFailed' });
  });

  it('treats 404 as absent but a missing resource group as a failure, unless asked otherwise', async () => {
    const notFound = new RestError('gone', { statusCode: 404, code: 'ResourceNotFound' });
    const noGroup = new RestError('no group', { statusCode: 404, code: 'ResourceGroupNotFound' });
    const target = { resourceId: '/x', readPermission: 'Reader' };
    expect(await readOutcome(target, () => Promise.reject(notFound))).toEqual({
      status: 'not-found',
    });
    expect((await readOutcome(target, () => Promise.reject(noGroup))).status).toBe('error');
    expect(
      await readOutcome({ ...target, missingGroupMeansAbsent: true }, () =>
        Promise.reject(noGroup),
      ),
    ).toEqual({ status: 'not-found' });
    const denied = await readOutcome(target, () =>
      Promise.reject(new RestError('no', { statusCode: 403, code: 'AuthorizationFailed' })),
    );
    expect(denied).toMatchObject({
      status: 'error',
      error: { roleHint: 'Reader', httpStatus: 403 },
    });
  });
});
