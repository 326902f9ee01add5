// The participants of the organisation chosen for this session, on screen and as a CSV. The delivery
// partner is always the session's role: nothing in the URL can point at another one.
import express, { type Request, type Response, type Router } from 'express';
import { recordDownload } from '../actions/portal/record-download.js';
import { readCheckDataFilters } from '../reports/check-data/filters.js';
import { writeCheckDataCsv } from '../reports/check-data/participants-csv.js';
import { checkDataAcademicYears, findCheckDataParticipants } from '../reports/check-data/participants-query.js';
import { participantsPage } from './pages/participants-page.js';
import { appropriateBodyNotAvailablePage, noAccessPage } from './pages/problem-pages.js';
import { handle, headerFor, portalContext, requireSignedIn, signedInOf, type SignedIn } from './signed-in.js';

/** The session's delivery partner, or the page that says why there is none (and false). */
function deliveryPartnerOf(request: Request, response: Response): { signedIn: SignedIn; id: string; name: string } | false {
  const signedIn = signedInOf(response)!;
  const { role } = signedIn;
  if (signedIn.roles.length === 0) {
    response.status(403).send(noAccessPage(request.baseUrl, headerFor(request, signedIn)));
    return false;
  }
  if (!role) {
    response.redirect(303, `${request.baseUrl}/choose-organisation`);
    return false;
  }
  if (role.kind !== 'delivery_partner') {
    response.send(appropriateBodyNotAvailablePage(request.baseUrl, role.organisationName, headerFor(request, signedIn)));
    return false;
  }
  return { signedIn, id: role.organisationId, name: role.organisationName };
}

const fileName = (name: string, at: Date) =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'delivery-partner'}-participants-${at.toISOString().slice(0, 10)}.csv`;

export function participantsRoutes(): Router {
  const router = express.Router();

  router.get('/participants', requireSignedIn, handle(async (request, response) => {
    const partner = deliveryPartnerOf(request, response);
    if (!partner) return;
    const filters = readCheckDataFilters(request.query);
    const [results, academicYears] = await Promise.all([
      findCheckDataParticipants({ deliveryPartnerId: partner.id, filters }, Number(request.query.page ?? 1)),
      checkDataAcademicYears(),
    ]);
    response.send(participantsPage({
      base: request.baseUrl, deliveryPartnerName: partner.name, filters, results, academicYears, signedIn: headerFor(request, partner.signedIn),
    }));
  }));

  router.get('/participants.csv', requireSignedIn, handle(async (request, response) => {
    const partner = deliveryPartnerOf(request, response);
    if (!partner) return;
    const filters = readCheckDataFilters(request.query);
    await recordDownload(portalContext(request, partner.signedIn), { deliveryPartnerId: partner.id, filters });
    response.status(200).type('text/csv; charset=utf-8').attachment(fileName(partner.name, new Date()));
    try {
      await writeCheckDataCsv({ deliveryPartnerId: partner.id, filters }, response);
    } catch (error) {
      // The person cancelled the download: nothing is left to answer.
      if (response.destroyed) return;
      throw error;
    }
    response.end();
  }));

  return router;
}
