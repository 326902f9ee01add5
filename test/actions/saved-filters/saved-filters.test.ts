// Saved filters: a person keeps named filters per list, sees and deletes only their own, names are unique per
// person and list, and a filter on a field the person may not see is never kept (so it cannot be used to guess
// a hidden value a character at a time).
import { describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import type { ActorContext } from '../../../src/actions/actor.js';
import { deleteSavedFilter } from '../../../src/actions/saved-filters/delete-saved-filter.js';
import { findSavedFilters } from '../../../src/actions/saved-filters/find-saved-filters.js';
import { saveFilter } from '../../../src/actions/saved-filters/save-filter.js';
import { db } from '../../../src/db/client.js';
import { createUser } from '../../support/factories.js';

async function person(role: Role): Promise<ActorContext> {
  const user = await createUser(role);
  return { actor: { kind: 'user', id: user.id, email: user.email, role } };
}

describe('saved filters', () => {
  it('keeps a named filter with its sort, audited, and shows it to its owner only', async () => {
    const finance = await person('finance');
    const other = await person('finance');
    const saved = await saveFilter(finance, {
      list: 'Declaration', name: '  Voided this term ', query: { 'filters.state': 'voided', sortBy: 'declarationDate', direction: 'desc', page: '3', format: 'csv' },
    });
    expect(saved).toMatchObject({ name: 'Voided this term', query: { 'filters.state': 'voided', sortBy: 'declarationDate', direction: 'desc' } });
    expect(await findSavedFilters(finance, { list: 'Declaration' })).toEqual([{ id: saved.id, name: 'Voided this term', query: saved.query }]);
    expect(await findSavedFilters(other, { list: 'Declaration' })).toEqual([]);
    expect(await findSavedFilters(finance, { list: 'School' })).toEqual([]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'saved_filter.saved' } });
    expect(event).toMatchObject({ subjectType: 'SavedFilter', subjectId: saved.id, after: { list: 'Declaration', name: 'Voided this term' } });
  });

  it('never keeps a filter or sort on a field the person may not see', async () => {
    const finance = await person('finance');
    const saved = await saveFilter(finance, {
      list: 'Teacher', name: 'NI probe', query: { 'filters.nationalInsuranceNumber': 'QQ12', 'filters.dateOfBirth~~from': '1980-01-01', 'filters.fullName': 'Smith', sortBy: 'nationalInsuranceNumber' },
    });
    expect(saved.query).toEqual({ 'filters.fullName': 'Smith' });
    // Only hidden fields: nothing is left to save.
    await expect(saveFilter(finance, { list: 'Teacher', name: 'Only hidden', query: { 'filters.nationalInsuranceNumber': 'QQ12' } }))
      .rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Filter or sort the list first: there is nothing to save.' });
    // Support may see it, so support keeps it.
    const support = await person('support');
    expect((await saveFilter(support, { list: 'Teacher', name: 'NI', query: { 'filters.nationalInsuranceNumber': 'QQ12' } })).query).toEqual({ 'filters.nationalInsuranceNumber': 'QQ12' });
  });

  it('refuses a second filter of the same name on the same list (whatever its case), but not on another list or for another person', async () => {
    const support = await person('support');
    await saveFilter(support, { list: 'School', name: 'Closed schools', query: { 'filters.schoolStatusName': 'Closed' } });
    await expect(saveFilter(support, { list: 'School', name: 'closed SCHOOLS', query: { 'filters.name': 'x' } })).rejects.toMatchObject({
      code: 'CONFLICT', message: 'You already have a filter called "closed SCHOOLS" on this list. Choose another name, or delete that one first.',
    });
    await saveFilter(support, { list: 'Partnership', name: 'Closed schools', query: { sortBy: 'createdAt' } });
    await saveFilter(await person('support'), { list: 'School', name: 'Closed schools', query: { 'filters.schoolStatusName': 'Closed' } });
    expect(await db().savedFilter.count({ where: { name: 'Closed schools' } })).toBe(3);
  });

  it("deletes one's own filter, audited; another person's answers as not found and stays", async () => {
    const owner = await person('policy');
    const saved = await saveFilter(owner, { list: 'auditLog', name: 'Cohort changes', query: { what: 'cohort.updated', from: '2026-01-01', page: '2' } });
    expect(saved.query).toEqual({ what: 'cohort.updated', from: '2026-01-01' });
    await expect(deleteSavedFilter(await person('admin'), { id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db().savedFilter.count({ where: { id: saved.id } })).toBe(1);
    await deleteSavedFilter(owner, { id: saved.id });
    expect(await findSavedFilters(owner, { list: 'auditLog' })).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: 'saved_filter.deleted', subjectId: saved.id } })).toBe(1);
  });

  it('refuses a list that does not exist and a name that is missing', async () => {
    const admin = await person('admin');
    await expect(saveFilter(admin, { list: 'NoSuchList', name: 'x', query: { sortBy: 'id' } })).rejects.toThrow();
    await expect(saveFilter(admin, { list: 'School', name: '   ', query: { sortBy: 'id' } })).rejects.toThrow('Enter a name for the filter');
    expect(await db().savedFilter.count({ where: { userId: (admin.actor as { id: string }).id } })).toBe(0);
  });
});
