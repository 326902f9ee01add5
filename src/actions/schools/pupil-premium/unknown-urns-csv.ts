import { csvText } from '../../../reports/csv/csv-lines.js';

/** A URN in the file that is not one of our schools, with every line it is on. */
export interface UnknownUrn {
  urn: string;
  lines: number[];
}

/** The unknown URNs as a CSV download, so support can check them against GIAS. */
export function unknownUrnsCsv(unknownUrns: UnknownUrn[]): string {
  return csvText(['URN', 'Lines in file'], unknownUrns.map(({ urn, lines }) => [urn, lines.join(', ')]));
}
