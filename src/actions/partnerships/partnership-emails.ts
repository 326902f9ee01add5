// The emails partnership changes send, written to the outbox inside the change's transaction
// (a rolled-back change sends nothing; the outbox worker delivers after commit).
import type { Cohort, DeliveryPartner, LeadProvider, Partnership, School } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { CHALLENGE_REASON_LABELS } from './challenge-reasons.js';
import { leadProviderContactEmails } from './lead-provider-contacts.js';
import { schoolContactEmail } from '../schools/school-contact.js';

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

export async function emailSchoolAboutReportedPartnership(tx: Tx, p: PartnershipWithParties): Promise<void> {
  const to = schoolContactEmail(p.school) ?? SCHOOL_CONTACT_FALLBACK;
  await tx.emailOutbox.create({
    data: {
      to,
      template: 'partnership_reported',
      subject: `${p.leadProvider.name} has confirmed a partnership with ${p.school.name}`,
      body: [
        `${p.leadProvider.name} has told us they will deliver training to early career teachers at ${p.school.name} (URN ${p.school.urn}) for the ${academicYearLabel(p.cohort.startYear)} academic year, with ${p.deliveryPartner.name} as delivery partner.`,
        p.challengeDeadline
          ? `If your school has not agreed this, tell us by ${longDate(p.challengeDeadline)}.`
          : 'If your school has not agreed this, contact us.',
      ].join('\n\n'),
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
