// The school's induction tutor: shown and replaced by support with a reason (audited), and the address the
// school's partnership and withdrawal emails go to. The DfE's rules: app/controllers/admin/schools/induction_coordinators_controller.rb,
// app/forms/nominate_induction_tutor_form.rb (messages), app/models/school.rb (contact_email: the tutor first).
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { asActionError } from '../../../src/actions/errors.js';
import { replaceInductionTutor } from '../../../src/actions/schools/replace-induction-tutor.js';
import { schoolContactEmail } from '../../../src/actions/schools/school-contact.js';
import { createParticipant, createParticipantWorld, createSchool, userContext } from '../../support/factories.js';

const support = userContext('support');
const reason = 'The school emailed: Ms Okafor took over from Mr Reid';

const refusal = async (ctx: ReturnType<typeof userContext>, body: unknown) =>
  replaceInductionTutor(ctx, body).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => asActionError(e)!);

describe('replaceInductionTutor', () => {
  it('sets the tutor, records who changed it from what with the reason, and the school then hears through the tutor', async () => {
    const school = await createSchool({ primaryContactEmail: 'office@school.example', inductionTutorName: 'Sam Reid', inductionTutorEmail: 'sam.reid@school.example' });
    const updated = await replaceInductionTutor(support, { schoolId: school.id, fullName: ' Ngozi Okafor ', email: 'Ngozi.Okafor@School.example', reason });
    expect(updated).toMatchObject({ inductionTutorName: 'Ngozi Okafor', inductionTutorEmail: 'ngozi.okafor@school.example' });
    const event = await db().auditEvent.findFirstOrThrow({ where: { subjectId: school.id, action: 'school.induction_tutor_replaced' } });
    expect(event).toMatchObject({
      reason,
      actorType: 'user',
      before: { inductionTutorName: 'Sam Reid', inductionTutorEmail: 'sam.reid@school.example' },
      after: { inductionTutorName: 'Ngozi Okafor', inductionTutorEmail: 'ngozi.okafor@school.example' },
    });
    expect(schoolContactEmail(updated)).toBe('ngozi.okafor@school.example');
    expect(schoolContactEmail({ ...updated, inductionTutorEmail: null })).toBe('office@school.example');
  });

  it('adds a tutor to a school that had none', async () => {
    const school = await createSchool();
    await replaceInductionTutor(support, { schoolId: school.id, fullName: 'Jo Bell', email: 'jo@school.example', reason });
    expect(await db().auditEvent.count({ where: { subjectId: school.id, action: 'school.induction_tutor_added' } })).toBe(1);
  });

  it("refuses with the DfE's messages, changing nothing", async () => {
    const school = await createSchool({ inductionTutorName: 'Sam Reid', inductionTutorEmail: 'sam.reid@school.example' });
    expect((await refusal(support, { schoolId: school.id, fullName: '', email: '', reason })).messages).toEqual(['Enter a full name', 'Enter an email address']);
    expect((await refusal(support, { schoolId: school.id, fullName: 'Jo Bell', email: 'not-an-email', reason })).messages).toEqual([
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect((await refusal(support, { schoolId: school.id, fullName: 'Jo Bell', email: 'jo@school.example', reason: '' })).messages).toEqual(['Give a reason for this change']);
    // NominateInductionTutorForm#email_is_not_in_use: an active ECT's address cannot be the tutor's.
    const world = await createParticipantWorld(2024);
    const ect = await createParticipant(world);
    expect((await refusal(support, { schoolId: school.id, fullName: 'Jo Bell', email: ect.teacher.email, reason })).messages).toEqual([
      `The email address ${ect.teacher.email} is already in use`,
    ]);
    expect(await db().school.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({ inductionTutorEmail: 'sam.reid@school.example' });
  });

  it('is for support and admins only', async () => {
    const school = await createSchool();
    for (const role of ['finance', 'policy'] as const) {
      expect((await refusal(userContext(role), { schoolId: school.id, fullName: 'Jo Bell', email: 'jo@school.example', reason })).code).toBe('FORBIDDEN');
    }
    await replaceInductionTutor(userContext('admin'), { schoolId: school.id, fullName: 'Jo Bell', email: 'jo@school.example', reason });
  });
});
