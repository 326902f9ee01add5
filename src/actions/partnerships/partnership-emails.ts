// The emails partnership changes send, written to the outbox inside the change's transaction
// (a rolled-back change sends nothing; the outbox worker delivers after commit).
import type { Cohort, DeliveryPartner, LeadProvider, Partnership, School } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { CHALLENGE_REASON_LABELS } from './challenge-reasons.js';
import { leadProviderContactEmails } from './lead-provider-contacts.js';
import { hasInductionTutor, schoolContactEmail } from '../schools/school-contact.js';
import { hashChallengeToken, newChallengeToken, schoolChallengeUrl } from './school-challenge-links.js';

/** Where the DfE sends a school's mail when it has no contact address. */
export const SCHOOL_CONTACT_FALLBACK = 'ecf-tech@digital.education.gov.uk';

export type PartnershipWithParties = Partnership & {
  school: School;
  leadProvider: LeadProvider;
  deliveryPartner: DeliveryPartner;
  cohort: Cohort;
};

/** "2024/25" for the 2024 cohort. */
export const academicYearLabel = (startYear: number) => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

const longDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * The DfE's PartnershipNotificationService#notify: a school with an induction tutor gets the coordinator's email
 * (app/mailers/school_mailer.rb coordinator_partnership_notification_email), one without gets the school email at its
 * contact address (school_partnership_notification_email); both carry a challenge link whose token is recorded.
 */
export async function emailSchoolAboutReportedPartnership(tx: Tx, p: PartnershipWithParties): Promise<void> {
  const tutor = hasInductionTutor(p.school);
  const to = schoolContactEmail(p.school) ?? SCHOOL_CONTACT_FALLBACK;
  const token = newChallengeToken();
  await tx.partnershipNotificationEmail.create({
    data: { partnershipId: p.id, tokenHash: hashChallengeToken(token), sentTo: to, emailType: tutor ? 'induction_tutor' : 'school' },
  });
  const link = schoolChallengeUrl(token);
  const deadline = p.challengeDeadline ? longDate(p.challengeDeadline) : null;
  const confirmed = `${p.leadProvider.name} has confirmed that it will deliver training to early career teachers and their mentors at ${p.school.name} (URN ${p.school.urn}) for the ${academicYearLabel(p.cohort.startYear)} academic year, with ${p.deliveryPartner.name} as its delivery partner.`;
  const challenge = [
    'If your school has not agreed this, report it using this link:',
    link,
    deadline ? `You can do this until ${deadline}.` : 'The link works while the partnership can still be challenged.',
  ].join('\n');
  await tx.emailOutbox.create({
    data: tutor
      ? {
          to,
          template: 'partnership_reported',
          subject: 'Training provider confirmed: add your ECTs and mentors',
          body: [`Dear ${p.school.inductionTutorName ?? 'induction tutor'},`, confirmed, 'Sign in to add your early career teachers and mentors, so the provider can start their training.', challenge].join('\n\n'),
        }
      : {
          to,
          template: 'partnership_reported',
          subject: 'FAO: NQT coordinator. Training provider confirmed.',
          body: [confirmed, "Please tell us who your school's induction tutor is, so we can send them what they need to set up training.", challenge].join('\n\n'),
        },
  });
}

export async function emailLeadProviderAboutChallenge(tx: Tx, p: PartnershipWithParties): Promise<void> {
  if (!p.challengeReason) return;
  const reason = CHALLENGE_REASON_LABELS[p.challengeReason];
  for (const to of await leadProviderContactEmails(tx, p.leadProvider)) {
    await tx.emailOutbox.create({
      data: {
        to,
        template: 'partnership_challenged',
        subject: `${p.school.name} has challenged its partnership with ${p.leadProvider.name}`,
        body: [
          `${p.school.name} (URN ${p.school.urn}) reported they did not confirm an agreement with ${p.leadProvider.name} and ${p.deliveryPartner.name} for the ${academicYearLabel(p.cohort.startYear)} academic year.`,
          `They gave this reason: "${reason}". If you think this is a mistake, contact the school directly. If resolved, you can add the school again.`,
        ].join('\n\n'),
      },
    });
  }
}
