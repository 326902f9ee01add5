// The response checks every API test relies on (Ajv over the OpenAPI document) must themselves catch what
// the document forbids.
import { describe, expect, it } from '@jest/globals';
import { operationFor, responseProblems } from './support/openapi.js';

const statement = {
  id: '5f0e1c9e-7f39-4c3a-9a55-3c1a1c0b9a01',
  type: 'statement',
  attributes: {
    month: 'May', year: '2025', type: 'ecf', cohort: '2024', cut_off_date: '2025-04-30', payment_date: '2025-05-25', paid: false,
    created_at: '2025-01-01T10:00:00Z', updated_at: '2025-01-01T10:00:00Z',
  },
};

describe('OpenAPI response checks', () => {
  it('matches literal paths before templated ones', () => {
    expect(operationFor('GET', '/api/v3/participants/ecf/transfers?page[page]=1')?.template).toBe('/api/v3/participants/ecf/transfers');
    expect(operationFor('PUT', '/api/v3/participants/ecf/abc/defer')?.template).toBe('/api/v3/participants/ecf/{id}/defer');
    expect(operationFor('DELETE', '/api/v3/statements')).toBeNull();
  });

  it('requires every attribute of a successful answer, even one the document marks optional', () => {
    const { created_at: _created, ...attributes } = statement.attributes;
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [{ ...statement, attributes }] })).toEqual(["$.data[0].attributes must have required property 'created_at'"]);
  });

  it('accepts a conforming body', () => {
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [statement] })).toEqual([]);
  });

  it('reports missing required properties, wrong types, bad enums, formats and nulls', () => {
    const { id: _id, ...withoutId } = statement;
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [withoutId] })).toEqual(["$.data[0] must have required property 'id'"]);
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [{ ...statement, attributes: { ...statement.attributes, paid: 'no' } }] }))
      .toEqual(['$.data[0].attributes.paid must be boolean']);
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [{ ...statement, attributes: { ...statement.attributes, type: 'npq' } }] }))
      .toEqual(['$.data[0].attributes.type must be equal to one of the allowed values']);
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [{ ...statement, id: 'x' }] })).toEqual(['$.data[0].id must match format "uuid"']);
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [{ ...statement, attributes: { ...statement.attributes, created_at: '2025-05-25' } }] }))
      .toEqual(['$.data[0].attributes.created_at must match format "date-time"']);
    expect(responseProblems('GET', '/api/v3/statements', 200, { data: [{ ...statement, attributes: { ...statement.attributes, month: null } }] }))
      .toEqual(['$.data[0].attributes.month must be string']);
  });

  it('checks undocumented error statuses against the DfE error shapes', () => {
    expect(responseProblems('PUT', '/api/v3/participants/ecf/x/defer', 422, { errors: [{ title: 'reason', detail: 'x' }] })).toEqual([]);
    expect(responseProblems('PUT', '/api/v3/participants/ecf/x/defer', 422, { message: 'x' })).toHaveLength(1);
    expect(responseProblems('PUT', '/api/v3/participants/ecf/x/defer', 201, {})).toHaveLength(1);
  });
});
