/**
 * The people of the demo company (Acme Corp): staff with realistic names, a few
 * inactive leavers, a few with hidden e-mail or time zone, external portal-only
 * customers and app accounts. Pure data; sites/demo.ts wires them into groups.
 */
import type { SimUser } from '../model';
import { appAccountId, atlassianAccountId, customerAccountId } from './ids';

export const DEMO_DOMAIN = 'acme.example';

export const STAFF_NAMES = [
  'Priya Raman', 'Marcus Webb', 'Elena Petrova', 'Daniel Okafor', 'Sofia Lindqvist', 'Hiroshi Tanaka', 'Amara Nwosu',
  'Lucas Moreau', 'Grace Kim', 'Mateo Alvarez', 'Chloe Bennett', 'Arjun Mehta', 'Fatima Al-Sayed', 'Noah Fischer',
  'Isabella Rossi', 'Oliver Grant', 'Mei Chen', 'Samuel Adeyemi', 'Hannah Schmidt', 'Diego Navarro', 'Aisha Rahman',
  'Ethan Brooks', 'Yuki Sato', 'Liam O\'Connor', 'Zara Hussain', 'Benjamin Clarke', 'Nadia Kowalski', 'Tomás Herrera',
  'Ava Thompson', 'Kwame Mensah', 'Julia Novak', 'Ryan Patel', 'Leila Haddad', 'Owen Murphy', 'Ines Carvalho',
  'Victor Nguyen', 'Maya Goldberg', 'Jonas Berg', 'Rosa Jiménez', 'Felix Wagner', 'Anika Sharma', 'Caleb Foster',
  'Sara Eriksson', 'Tariq Aziz', 'Emily Walsh',
] as const;

export const CUSTOMER_NAMES = [
  'Jordan Ellis (Contractor)', 'Morgan Reyes (Contractor)', 'Casey Dunn (Vendor)', 'Riley Park (Contractor)',
  'Taylor Quinn (Vendor)', 'Alex Moreno (Intern)', 'Jamie Fox (Contractor)', 'Drew Sinclair (Vendor)',
] as const;

const ZONES = ['Europe/London', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'America/Chicago'];

export function emailFor(name: string, domain = DEMO_DOMAIN): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*\)/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(/\s+/)
    .join('.');
  return `${local}@${domain}`;
}

/** Staff: every fifth hides the e-mail, every seventh hides the zone, every eleventh never set one; two have left. */
export function staffUsers(): SimUser[] {
  return STAFF_NAMES.map((name, index) => ({
    accountId: atlassianAccountId(index + 1),
    accountType: 'atlassian' as const,
    active: !(index === 37 || index === 42),
    displayName: name,
    email: emailFor(name),
    emailHidden: index > 0 && index % 5 === 0,
    timeZone: index > 0 && index % 11 === 0 ? undefined : ZONES[index % ZONES.length],
    timeZoneHidden: index > 0 && index % 7 === 0,
    locale: 'en_GB',
  }));
}

export function externalCustomers(): SimUser[] {
  return CUSTOMER_NAMES.map((name, index) => ({
    accountId: customerAccountId(index + 1),
    accountType: 'customer' as const,
    active: true,
    displayName: name,
    email: emailFor(name, 'partners.example'),
    locale: 'en_US',
  }));
}

export function appUsers(): SimUser[] {
  return [
    { accountId: appAccountId(1), accountType: 'app', active: true, displayName: 'Automation for Jira' },
    { accountId: appAccountId(2), accountType: 'app', active: true, displayName: 'Jira Service Management Widget' },
    { accountId: appAccountId(3), accountType: 'app', active: true, displayName: 'Moveworks Readiness' },
  ];
}
