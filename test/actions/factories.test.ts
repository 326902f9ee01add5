import { describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement } from '../support/factories.js';

describe('test factories', () => {
  it('build a participant with a declaration on a statement', async () => {
    const world = await createParticipantWorld(2024);
    const participant = await createParticipant(world);
    const statement = await createStatement(world.leadProvider, world.cohort);
    await createDeclaration(participant, world.leadProvider, { statement, state: 'payable' });
    expect(await db().statementLineItem.count({ where: { statementId: statement.id, state: 'payable' } })).toBe(1);
    expect(await db().declarationStateChange.count()).toBe(2);
  });
});
