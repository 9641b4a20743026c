import { expect } from '@open-wc/testing';
import { graphError, httpError, legacyError } from '../../src/api/wire-errors.js';

const base = { text: '', url: 'https://example.test/x?access_token=REDACTED' };

describe('legacy error mapping', () => {
  const cases: Array<[string, number, string]> = [
    ['OAuthParameterException', 400, 'auth'],
    ['OAuthAccessTokenException', 400, 'auth'],
    ['OAuthPermissionsException', 400, 'permission'],
    ['OAuthRateLimitException', 429, 'rate-limit'],
    ['OAuthForbiddenException', 403, 'permission'],
    ['OAuthException', 400, 'invalid-request'],
    ['APINotFoundError', 400, 'not-found'],
    ['APINotAllowedError', 400, 'permission'],
    ['APIInvalidParametersError', 400, 'invalid-request'],
    ['SomethingNew', 500, 'server'],
  ];
  for (const [type, code, kind] of cases) {
    it(`maps ${type} to ${kind}`, () => {
      const body = { meta: { error_type: type, code, error_message: 'message text' } };
      const error = legacyError({ ...base, status: code, body })!;
      expect(error.kind).to.equal(kind);
      expect(error.code).to.equal(type);
      expect(error.message).to.equal('message text');
    });
  }

  it('reads the OAuth shape without meta', () => {
    const body = { code: 400, error_type: 'OAuthException', error_message: 'Invalid scope field(s): public_content' };
    const error = legacyError({ ...base, status: 400, body })!;
    expect(error.kind).to.equal('invalid-request');
    expect(error.message).to.equal('Invalid scope field(s): public_content');
  });

  it('names the missing scope in the hint', () => {
    const message = 'This request requires scope=likes, but this access token is not authorized with this scope.';
    const body = { meta: { error_type: 'OAuthPermissionsException', code: 400, error_message: message } };
    expect(legacyError({ ...base, status: 400, body })!.hint).to.equal('Authorize the app again with scope=likes.');
  });

  it('leaves a bodiless 404 to the HTTP mapping', () => {
    expect(legacyError({ ...base, status: 404, body: { meta: { code: 404 } } })).to.equal(undefined);
    expect(legacyError({ ...base, status: 404, body: { error: 'No island endpoint matches GET /v2/x.' } })).to.equal(undefined);
  });

  it('gives APINotAllowedError its own hint', () => {
    const body = { meta: { error_type: 'APINotAllowedError', code: 400, error_message: 'you cannot like this media' } };
    const error = legacyError({ ...base, status: 400, body })!;
    expect(error.kind).to.equal('permission');
    expect(error.hint).to.contain('no scope changes that');
  });

  it('ignores a successful envelope', () => {
    expect(legacyError({ ...base, status: 200, body: { meta: { code: 200 }, data: [] } })).to.equal(undefined);
  });
});

describe('graph error mapping', () => {
  const cases: Array<[number, number | undefined, string]> = [
    [190, 463, 'auth'],
    [190, undefined, 'auth'],
    [2500, undefined, 'auth'],
    [4, undefined, 'rate-limit'],
    [17, undefined, 'rate-limit'],
    [32, undefined, 'rate-limit'],
    [613, undefined, 'rate-limit'],
    [10, undefined, 'permission'],
    [200, undefined, 'permission'],
    [100, 33, 'not-found'],
    [24, 2207045, 'not-found'],
    [100, undefined, 'invalid-request'],
    [2, undefined, 'server'],
  ];
  for (const [code, subcode, kind] of cases) {
    it(`maps code ${code}${subcode ? `/${subcode}` : ''} to ${kind}`, () => {
      const body = { error: { message: 'm', type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'A' } };
      const error = graphError({ ...base, status: 400, body })!;
      expect(error.kind).to.equal(kind);
      expect(error.code).to.equal(code);
      expect(error.subcode).to.equal(subcode);
    });
  }

  it('explains an expired token', () => {
    const body = { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 } };
    expect(graphError({ ...base, status: 400, body })!.hint).to.contain('expired');
  });

  it('ignores bodies without an error object', () => {
    expect(graphError({ ...base, status: 200, body: { data: [] } })).to.equal(undefined);
    expect(graphError({ ...base, status: 200, body: 'text' })).to.equal(undefined);
  });
});

describe('HTTP error mapping', () => {
  it('quotes the start of a non-JSON body', () => {
    const error = httpError({ ...base, status: 502, body: undefined, text: '<html><body>Bad gateway</body></html>' });
    expect(error.kind).to.equal('server');
    expect(error.message).to.contain('HTTP 502');
    expect(error.message).to.contain('Bad gateway');
  });

  it('maps statuses to kinds', () => {
    const kinds = [401, 403, 408, 429, 503, 400].map((status) => httpError({ ...base, status, body: undefined }).kind);
    expect(kinds).to.deep.equal(['auth', 'permission', 'timeout', 'rate-limit', 'server', 'invalid-request']);
  });

  it('blames the endpoint for a bare 404', () => {
    const error = httpError({ ...base, status: 404, body: undefined, text: '<!DOCTYPE html><title>Not Found</title>' });
    expect(error.kind).to.equal('bad-response');
    expect(error.message).to.equal('HTTP 404 from https://example.test/x: no API endpoint exists at this URL.');
    expect(error.hint).to.contain('endpoint and api attributes');
  });
});
