// GIAS establishment types for the schools list, whose "School Type" column is coarser than GIAS's codes.
import type { Random } from '../lib/random.js';

export const GIAS_TYPE_NAMES: Record<number, string> = {
  1: 'Community school',
  2: 'Voluntary aided school',
  3: 'Voluntary controlled school',
  5: 'Foundation school',
  7: 'Community special school',
  8: 'Non-maintained special school',
  10: 'Other independent special school',
  11: 'Other independent school',
  12: 'Foundation special school',
  14: 'Pupil referral unit',
  24: 'Secure units',
  27: 'Miscellaneous',
  28: 'Academy sponsor led',
  30: 'Welsh establishment',
  33: 'Academy special sponsor led',
  34: 'Academy converter',
  35: 'Free schools',
  36: 'Free schools special',
  38: 'Free schools alternative provision',
  40: 'University technical college',
  41: 'Studio schools',
  42: 'Academy alternative provision converter',
  43: 'Academy alternative provision sponsor led',
  44: 'Academy special converter',
  56: 'Institution funded by other government department',
};

const CATHOLIC = /\b(Catholic|RC)\b/i;
const CHURCH = /\b(Church of England|C of E|CofE|CE|Methodist|Jewish|Christian)\b/i;

/** A plausible GIAS type code for a school of the list, from its coarse type and its name. */
export function giasTypeCode(listType: string, name: string, random: Random): number {
  switch (listType.trim()) {
    case 'Mainstream':
      if (CATHOLIC.test(name)) return random.weighted([[2, 85], [3, 15]]);
      if (CHURCH.test(name)) return random.weighted([[2, 45], [3, 55]]);
      return random.weighted([[1, 80], [5, 20]]);
    case 'Mainstream academy':
      if (/University Technical College|\bUTC\b/i.test(name)) return 40;
      if (/\bStudio\b/i.test(name)) return 41;
      return random.weighted([[34, 64], [28, 28], [35, 8]]);
    case 'Special':
      return random.weighted([[7, 85], [12, 15]]);
    case 'Academy special':
      return random.weighted([[44, 60], [33, 25], [36, 15]]);
    case 'Pupil Referral Unit':
      return 14;
    case 'AP Academy':
      return random.weighted([[42, 50], [43, 30], [38, 20]]);
    case 'Non-maintained special school':
      return 8;
    default:
      throw new Error(`Unknown school type "${listType}" in schools_2021.csv`);
  }
}

export const isAcademyType = (code: number): boolean => [28, 33, 34, 35, 36, 38, 40, 41, 42, 43, 44].includes(code);
