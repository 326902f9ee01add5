// Made-up teachers: names from common British first names and surnames, unique emails on reserved
// example domains, unique 7-digit TRNs, and National Insurance numbers with the reserved QQ prefix.
import type { Random } from '../lib/random.js';
import { utcDate } from '../lib/dates.js';

export const FIRST_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia', 'Grace', 'Freya', 'Emily',
  'Poppy', 'Ella', 'Evie', 'Charlotte', 'Florence', 'Willow', 'Sienna', 'Hannah', 'Chloe', 'Jessica', 'Sarah',
  'Laura', 'Rebecca', 'Katie', 'Lucy', 'Sophie', 'Megan', 'Rachel', 'Emma', 'Amy', 'Zara', 'Aisha', 'Fatima',
  'Priya', 'Ananya', 'Maryam', 'Niamh', 'Siobhan', 'Chioma', 'Ngozi', 'Agnieszka', 'Ewa', 'Elena', 'Noah',
  'Oliver', 'George', 'Arthur', 'Muhammad', 'Leo', 'Harry', 'Oscar', 'Archie', 'Henry', 'Jack', 'Charlie',
  'Freddie', 'Theo', 'Alfie', 'Thomas', 'James', 'William', 'Daniel', 'Samuel', 'Joshua', 'Benjamin', 'Matthew',
  'David', 'Michael', 'Christopher', 'Andrew', 'Jamie', 'Ryan', 'Connor', 'Callum', 'Ibrahim', 'Yusuf', 'Omar',
  'Arjun', 'Rohan', 'Kwame', 'Tunde', 'Emeka', 'Piotr', 'Tomasz', 'Luca', 'Mateo', 'Dylan', 'Rhys', 'Owen',
  'Ciaran', 'Declan', 'Hamish', 'Euan', 'Jordan', 'Alex', 'Sam', 'Robin',
];

export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood',
  'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Clark', 'King',
  'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Khan', 'Scott', 'Watson', 'Davis', 'Parker', 'James',
  'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell', 'Bailey', 'Carter', 'Cook', 'Singh', 'Shaw', 'Bell',
  'Collins', 'Morgan', 'Kelly', 'Begum', 'Miller', 'Cox', 'Hussain', 'Marshall', 'Simpson', 'Price', 'Anderson',
  'Adams', 'Wilkinson', 'Ali', 'Ahmed', 'Foster', 'Ellis', 'Murphy', 'Chapman', 'Mason', 'Gray', 'Richards',
  'Webb', 'Griffiths', 'Hunt', 'Palmer', 'Campbell', 'Holmes', 'Mills', 'Rogers', 'Barnes', 'Knight', 'Matthews',
  'Barker', 'Powell', 'Stevens', 'Kaur', "O'Brien", 'Fisher', 'Butler', 'Dixon', 'Russell', 'Harvey', 'Pearson',
  'Graham', 'Fletcher', 'Okafor', 'Adeyemi', 'Mensah', 'Nowak', 'Kowalski', 'Rahman', 'Chowdhury', 'Nguyen',
  'Chen', 'Wong', 'Sharma', 'Gupta', 'Murray', "O'Connor", 'Reid', 'Stewart', 'MacDonald', 'Fraser', 'Lloyd',
];

const DOMAINS = ['example.com', 'example.org', 'example.net'];

export interface Identity {
  fullName: string;
  email: string;
  trn: string;
  dateOfBirth: Date;
  nationalInsuranceNumber: string | null;
}

/** Hands out identities in order; the same draws give the same people. */
export class IdentityGenerator {
  private readonly emails = new Set<string>();
  private readonly trns = new Set<string>();

  constructor(private readonly random: Random) {}

  next(bornBetween: [number, number]): Identity {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(SURNAMES);
    return {
      fullName: `${first} ${last}`,
      email: this.email(first, last),
      trn: this.trn(),
      dateOfBirth: utcDate(this.random.int(bornBetween[0], bornBetween[1]), this.random.int(1, 12), this.random.int(1, 28)),
      nationalInsuranceNumber: this.random.chance(0.7) ? `QQ${String(this.random.int(0, 999_999)).padStart(6, '0')}${this.random.pick(['A', 'B', 'C', 'D'])}` : null,
    };
  }

  /** Another email address for someone already known (a second registration of the same person). */
  email(first: string, last: string): string {
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    const domain = this.random.pick(DOMAINS);
    let email = `${local}@${domain}`;
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@${domain}`;
    this.emails.add(email);
    return email;
  }

  private trn(): string {
    let trn: string;
    do trn = String(this.random.int(1_000_000, 3_999_999));
    while (this.trns.has(trn));
    this.trns.add(trn);
    return trn;
  }
}
